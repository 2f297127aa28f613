package broadsheet.newsroom.articles;

import static broadsheet.newsroom.articles.Desk.fields;
import static broadsheet.newsroom.articles.Desk.idFrom;
import static broadsheet.newsroom.articles.Desk.post;
import static broadsheet.newsroom.articles.Desk.valid;
import static broadsheet.newsroom.articles.Desk.version;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Who may read it" in the article editor: saved with the article, checked, kept in revisions, part of conflicts. */
class ArticleAccessFieldTest {

    static TestApp t;
    static Jdbi jdbi;
    static WebClient editor;
    static WebClient editor2;
    static long section;
    static long author;
    static long photo;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        jdbi = t.fixtures.jdbi();
        section = t.fixtures.section("city", "City");
        author = t.fixtures.author("ann-writer", "Ann Writer");
        photo = t.fixtures.photo(
                800, 600, Color.BLUE, "The harbour at dawn", "Photo: Desk", "Boats in a harbour at dawn");
        editor = t.signedIn("editor@example.org", Role.EDITOR);
        editor2 = t.signedIn("editor2@example.org", Role.EDITOR);
        t.fixtures.setting("paywall_meter", "0"); // no free reads: a reader not signed in sees only what is free
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static List<Map.Entry<String, String>> article(String slug, String access, String version, String action) {
        List<Map.Entry<String, String>> f = new ArrayList<>(fields(
                "headline",
                "Headline " + slug,
                "deck",
                "A deck.",
                "slug",
                slug,
                "section",
                String.valueOf(section),
                "kind",
                "news",
                "author",
                String.valueOf(author),
                "leadPhoto",
                String.valueOf(photo),
                "gallery",
                "",
                "body",
                "Opening paragraph.\n\nThe part only subscribers read.",
                "version",
                version,
                "action",
                action));
        if (access != null) f.add(Map.entry("access", access));
        return f;
    }

    static String access(long id) {
        return jdbi.withHandle(h -> h.createQuery("select access from articles where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
    }

    @Test
    void theEditorSavesWhoMayReadTheArticleAndReadersGetThatAtOnce() {
        Document blank = Jsoup.parse(editor.get("/newsroom/articles/new").body());
        assertThat(blank.select("select#f-access option").eachAttr("value"))
                .containsExactly("free", "registered", "subscribers");
        assertThat(blank.select("select#f-access option[selected]").attr("value"))
                .isEqualTo("free");
        assertThat(blank.select("label[for=f-access]").text()).isEqualTo("Who may read it");

        long id = idFrom(post(editor, "/newsroom/articles", article("locked-piece", "subscribers", "0", "publish")));
        assertThat(access(id)).isEqualTo("subscribers");
        String page = editor.get("/newsroom/articles/" + id).body();
        valid(page);
        assertThat(Jsoup.parse(page).select("select#f-access option[selected]").attr("value"))
                .isEqualTo("subscribers");
        String path = Jsoup.parse(page).select("a:contains(See it on the site)").attr("href");
        Desk.eventually(() -> !t.client().get(path).body().contains("The part only subscribers read."));

        // opening it to everyone is one more save, and the page follows
        assertThat(post(
                                editor,
                                "/newsroom/articles/" + id,
                                article("locked-piece", "free", version(editor, id), "save"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(access(id)).isEqualTo("free");
        Desk.eventually(() -> t.client().get(path).body().contains("The part only subscribers read."));
        // and the revisions say what changed
        String revision =
                editor.get("/newsroom/articles/" + id + "/revisions/1").body();
        assertThat(Jsoup.parse(revision).text()).contains("Who may read it");
    }

    @Test
    void anUnknownLevelIsRefusedWithTheFieldNamedAndNothingSaved() {
        long id = idFrom(post(editor, "/newsroom/articles", article("level-check", "free", "0", "save")));
        var r = post(editor, "/newsroom/articles/" + id, article("level-check", "vip", version(editor, id), "save"));
        assertThat(r.statusCode()).isEqualTo(422);
        valid(r.body());
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#f-access-error").text()).contains("Choose who may read the whole article");
        assertThat(d.select(".error-summary a[href=#f-access]")).hasSize(1);
        assertThat(access(id)).isEqualTo("free");
        assertThat(version(editor, id)).isEqualTo("1");
    }

    @Test
    void readersCannotReachTheEditorOrSaveALevel() {
        long id = idFrom(post(editor, "/newsroom/articles", article("readers-keep-out", "subscribers", "0", "save")));
        WebClient reader = t.signedIn("reader@example.org", Role.READER);
        reader.get("/account");
        assertThat(reader.get("/newsroom/articles/" + id).statusCode()).isEqualTo(403);
        assertThat(post(reader, "/newsroom/articles/" + id, article("readers-keep-out", "free", "1", "save"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(t.client().get("/newsroom/articles/" + id).statusCode()).isEqualTo(303);
        assertThat(access(id)).isEqualTo("subscribers");
    }

    @Test
    void aFormWithoutTheFieldSavesAFreeArticle() {
        long id = idFrom(post(editor, "/newsroom/articles", article("old-form", null, "0", "save")));
        assertThat(access(id)).isEqualTo("free");
    }

    @Test
    void optimisticLockingStillGuardsTheArticleAndTheConflictShowsBothLevels() {
        long id = idFrom(post(editor, "/newsroom/articles", article("contested", "free", "0", "save")));
        String v1 = version(editor, id);
        assertThat(post(editor, "/newsroom/articles/" + id, article("contested", "subscribers", v1, "save"))
                        .statusCode())
                .isEqualTo(303);
        var second = post(editor2, "/newsroom/articles/" + id, article("contested", "registered", v1, "save"));
        assertThat(second.statusCode()).isEqualTo(409);
        valid(second.body());
        Document d = Jsoup.parse(second.body());
        assertThat(d.select(".conflict tr:contains(Who may read it)").text())
                .contains("subscribers")
                .contains("registered")
                .contains("differs");
        assertThat(d.select("select#f-access option[selected]").attr("value")).isEqualTo("registered");
        assertThat(access(id)).isEqualTo("subscribers");
    }
}
