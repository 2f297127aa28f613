package broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Secrets;
import broadsheet.db.Settings;
import broadsheet.newsroom.articles.PreviewLinks;
import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real reader accounts over real HTTP: what one reader can reach of the other through ids,
 * extra form fields and altered signed links (issue 17). Every answer is checked for what a user
 * would notice: the other's text or address never shows, and nothing of theirs changes.
 */
class CrossAccountTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static long section;

    @BeforeAll
    static void paper(TestApp t) {
        section = t.fixtures.section("security", "Security");
        t.fixtures.setting("comments_new_account_hold", "0");
        t.fixtures.setting("comments_per_minute", "1000");
    }

    private record Reader(String email, long id, WebClient web) {}

    private static Reader reader(TestApp t, String name) {
        String email = name + SEQ.incrementAndGet() + "@example.org";
        WebClient web = t.signedIn(email, Role.READER);
        long id = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
        return new Reader(email, id, web);
    }

    private static long article(TestApp t, String headline) {
        String slug = "security-" + SEQ.incrementAndGet();
        long id = t.fixtures.article(
                slug, headline, section, "news", Instant.now().minusSeconds(3600), "Body of " + headline + ".");
        t.contentChanged();
        return id;
    }

    private static long comment(Reader r, long article, String text) {
        r.web().get("/articles/" + article + "/comments/new");
        HttpResponse<String> posted = r.web().post("/articles/" + article + "/comments", Map.of("text", text));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String loc = posted.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.substring(loc.indexOf("#c") + 2));
    }

    private static String commentText(TestApp t, long id) {
        return t.fixtures
                .jdbi()
                .withHandle(
                        h -> h.createQuery("select coalesce(body, '') || '|' || status from comments where id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .one());
    }

    private static int count(TestApp t, String sql, long comment, long user) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("c", comment)
                        .bind("u", user)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aReaderCannotEditOrDeleteAnothersCommentNorSeeItsFormsText(TestApp t) {
        long a = article(t, "Harbour gates");
        Reader ann = reader(t, "ann"), ben = reader(t, "ben");
        long id = comment(ann, a, "Ann wrote this privately worded text.");
        String before = commentText(t, id);

        for (String form : List.of("/comments/" + id + "/edit", "/comments/" + id + "/delete")) {
            HttpResponse<String> r = ben.web().get(form);
            assertThat(r.statusCode()).as(form).isIn(403, 404);
            assertThat(r.body()).as(form).doesNotContain("privately worded");
        }
        assertThat(ben.web()
                        .post("/comments/" + id + "/edit", Map.of("text", "Hijacked", "version", "1"))
                        .statusCode())
                .isIn(403, 404);
        assertThat(ben.web().post("/comments/" + id + "/delete", Map.of()).statusCode())
                .isIn(403, 404);
        // extra fields naming the other account change nothing
        ben.web()
                .post(
                        "/comments/" + id + "/edit",
                        Map.of("text", "Hijacked", "version", "1", "userId", "" + ann.id(), "user_id", "" + ann.id()));
        assertThat(commentText(t, id)).isEqualTo(before);
    }

    @Test
    void aReaderCannotReadAnothersHeldCommentThroughItsId(TestApp t) {
        long a = article(t, "Harbour tolls");
        Reader ann = reader(t, "ann"), ben = reader(t, "ben");
        long id = comment(ann, a, "Waiting words only Ann may see.");
        t.fixtures.jdbi().useHandle(h -> h.execute("update comments set status = 'pending' where id = ?", id));
        t.contentChanged();
        for (String path : List.of(
                "/comments/" + id + "/edit",
                "/comments/" + id + "/delete",
                "/comments/" + id + "/reply",
                "/comments/" + id + "/like",
                "/comments/" + id + "/report",
                "/articles/" + a + "/comments",
                "/articles/" + a + "/comments/me.json")) {
            assertThat(ben.web().get(path).body()).as(path).doesNotContain("Waiting words");
        }
    }

    @Test
    void likesAndReportsAreAlwaysTheSignedInReaders(TestApp t) {
        long a = article(t, "Harbour lamps");
        Reader ann = reader(t, "ann"), ben = reader(t, "ben"), cat = reader(t, "cat");
        long id = comment(ann, a, "Like me if you can.");
        String other = "" + cat.id();
        ben.web().get("/comments/" + id + "/like");
        ben.web().post("/comments/" + id + "/like", Map.of("userId", other, "user_id", other, "user", other));
        ben.web().get("/comments/" + id + "/report");
        ben.web()
                .post(
                        "/comments/" + id + "/report",
                        Map.of("reason", "spam", "userId", other, "user_id", other, "user", other));
        assertThat(count(t, "select count(*) from comment_likes where comment_id = :c and user_id = :u", id, ben.id()))
                .isEqualTo(1);
        assertThat(count(t, "select count(*) from comment_likes where comment_id = :c and user_id <> :u", id, ben.id()))
                .isZero();
        assertThat(count(
                        t, "select count(*) from comment_reports where comment_id = :c and user_id = :u", id, ben.id()))
                .isEqualTo(1);
        assertThat(count(
                        t,
                        "select count(*) from comment_reports where comment_id = :c and user_id <> :u",
                        id,
                        ben.id()))
                .isZero();
        // and one reader's "unlike" does not take back another's like
        cat.web().get("/comments/" + id + "/like");
        cat.web().post("/comments/" + id + "/unlike", Map.of("userId", "" + ben.id()));
        assertThat(count(t, "select count(*) from comment_likes where comment_id = :c and user_id = :u", id, ben.id()))
                .isEqualTo(1);
    }

    @Test
    void aReadersDataAndPreferencesPagesShowOnlyTheirOwn(TestApp t) {
        long a = article(t, "Harbour fees");
        Reader ann = reader(t, "ann"), ben = reader(t, "ben");
        comment(ann, a, "Ann's own words about fees.");
        String[] tails = {"", "?user=" + ann.id(), "?userId=" + ann.id(), "?id=" + ann.id(), "?email=" + ann.email()};
        for (String page : List.of(
                "/account/export.json",
                "/account",
                "/account/newsletters",
                "/account/comments",
                "/following/manage",
                "/articles/" + a + "/comments/me.json")) {
            for (String tail : tails) {
                HttpResponse<String> r = ben.web().get(page + tail);
                assertThat(r.body()).as(page + tail).doesNotContain(ann.email()).doesNotContain("Ann's own words");
            }
        }
        assertThat(ben.web().get("/account/export.json").body()).contains(ben.email());
        // a preferences form posted with the other's id changes only the poster's
        ben.web().get("/account/newsletters");
        ben.web().post("/account/newsletters", Map.of("userId", "" + ann.id(), "user_id", "" + ann.id()));
        assertThat(ann.web().get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aPreviewLinkOpensOnlyItsArticleAndOnlyUntilItsTime(TestApp t) {
        long mine = t.fixtures.article(
                "draft-" + SEQ.incrementAndGet(),
                "Secret draft one",
                section,
                "news",
                Instant.now(),
                "Draft one body.");
        long other = t.fixtures.article(
                "draft-" + SEQ.incrementAndGet(),
                "Secret draft two",
                section,
                "news",
                Instant.now(),
                "Draft two body.");
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute("update articles set status = 'draft' where id in (?, ?)", mine, other));
        PreviewLinks links = new PreviewLinks(new Secrets(new Settings(t.fixtures.jdbi())));
        long expires = Instant.now().plusSeconds(600).getEpochSecond();
        String good = links.path(mine, Instant.ofEpochSecond(expires));
        String sig = good.substring(good.indexOf("&sig=") + 5);
        WebClient anyone = t.client();
        assertThat(anyone.get(good).statusCode()).isEqualTo(200);
        assertThat(anyone.get(good).body()).contains("Secret draft one");

        for (String forged : List.of(
                "/preview/" + other + "?expires=" + expires + "&sig=" + sig,
                "/preview/" + mine + "?expires=" + (expires + 86_400) + "&sig=" + sig,
                "/preview/" + mine + "?expires=" + expires + "&sig=" + sig.toUpperCase(),
                "/preview/" + mine + "?expires=" + expires + "&sig=" + sig.substring(0, sig.length() - 2),
                "/preview/" + mine + "?expires=" + expires + "&sig=",
                "/preview/" + mine + "?expires=" + (expires + 86_400) + "&expires=" + expires + "&sig=" + sig)) {
            HttpResponse<String> r = anyone.get(forged);
            assertThat(r.statusCode()).as(forged).isNotEqualTo(200);
            assertThat(r.body()).as(forged).doesNotContain("Secret draft").doesNotContain("Draft t");
        }
        String expired = links.path(mine, Instant.now().minusSeconds(1));
        assertThat(anyone.get(expired).statusCode()).isNotEqualTo(200);
    }
}
