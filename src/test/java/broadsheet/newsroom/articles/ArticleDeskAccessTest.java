package broadsheet.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may use each route of the article desk. */
class ArticleDeskAccessTest {

    static TestApp t;
    static WebClient reader;
    static WebClient writer;
    static WebClient editor;
    static long article;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        long section = t.fixtures.section("city", "City");
        article = t.fixtures.article(
                "published-piece",
                "Published piece",
                section,
                "news",
                Instant.now().minusSeconds(600),
                "Body.");
        String snapshot = new Snapshot(
                        new ArticleDraft(
                                "Published piece",
                                "",
                                "published-piece",
                                section,
                                "news",
                                List.of(),
                                List.of(),
                                null,
                                List.of(),
                                "Body.",
                                "free"),
                        "published",
                        Instant.now())
                .toJson();
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "insert into article_revisions (article_id, version, snapshot) values (?, 1, cast(? as jsonb))",
                        article,
                        snapshot));
        reader = t.signedIn("reader@example.org", Role.READER);
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        editor = t.signedIn("editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static final List<String> CONTRIBUTOR_PAGES =
            List.of("/newsroom/articles", "/newsroom/articles/new", "/newsroom/articles/search?q=x");

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        WebClient anon = t.client();
        for (String path : List.of(
                "/newsroom/articles",
                "/newsroom/articles/new",
                "/newsroom/articles/search?q=x",
                "/newsroom/articles/" + article,
                "/newsroom/articles/" + article + "/revisions",
                "/newsroom/articles/" + article + "/revisions/1")) {
            var r = anon.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .startsWith("/sign-in?next=");
        }
        anon.get("/sign-in"); // a browser that has a form token, but no account
        for (String path : posts()) {
            var r = anon.post(path, Map.of("version", "1"));
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .startsWith("/sign-in");
        }
    }

    @Test
    void readersAreRefusedEverywhere() {
        for (String path : List.of(
                "/newsroom/articles",
                "/newsroom/articles/new",
                "/newsroom/articles/search?q=x",
                "/newsroom/articles/" + article,
                "/newsroom/articles/" + article + "/revisions",
                "/newsroom/articles/" + article + "/revisions/1")) {
            assertThat(reader.get(path).statusCode()).as(path).isEqualTo(403);
        }
        for (String path : posts())
            assertThat(reader.post(path, Map.of("version", "1")).statusCode())
                    .as(path)
                    .isEqualTo(403);
    }

    @Test
    void contributorsUseTheDeskButNotOthersArticlesOrCorrections() {
        for (String path : CONTRIBUTOR_PAGES)
            assertThat(writer.get(path).statusCode()).as(path).isEqualTo(200);
        // an article that is not theirs
        assertThat(writer.get("/newsroom/articles/" + article).statusCode()).isEqualTo(403);
        assertThat(writer.get("/newsroom/articles/" + article + "/revisions").statusCode())
                .isEqualTo(403);
        assertThat(writer.get("/newsroom/articles/" + article + "/revisions/1").statusCode())
                .isEqualTo(403);
        for (String path : posts()) {
            if (path.equals("/newsroom/articles")) continue; // creating is theirs to do
            assertThat(writer.post(path, Map.of("version", "1", "headline", "x"))
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void editorsUseEveryRoute() {
        for (String path : CONTRIBUTOR_PAGES)
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
        assertThat(editor.get("/newsroom/articles/" + article).statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/articles/" + article + "/revisions").statusCode())
                .isEqualTo(200);
        assertThat(editor.post("/newsroom/articles/" + article + "/preview-link", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(editor.post(
                                "/newsroom/articles/" + article + "/corrections",
                                Map.of("kind", "update", "text", "More news."))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.get("/newsroom/articles/999999").statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/articles/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void previewNeedsNoAccountButAValidLink() {
        assertThat(t.client().get("/preview/" + article + "?expires=1&sig=x").statusCode())
                .isEqualTo(403);
        String path = new PreviewLinks(new broadsheet.db.Secrets(new broadsheet.db.Settings(t.fixtures.jdbi())))
                .path(article, Instant.now().plusSeconds(600));
        assertThat(t.client().get(path).statusCode()).isEqualTo(200);
    }

    static List<String> posts() {
        return List.of(
                "/newsroom/articles",
                "/newsroom/articles/" + article,
                "/newsroom/articles/" + article + "/autosave",
                "/newsroom/articles/" + article + "/revisions/1/restore",
                "/newsroom/articles/" + article + "/corrections",
                "/newsroom/articles/" + article + "/preview-link");
    }
}
