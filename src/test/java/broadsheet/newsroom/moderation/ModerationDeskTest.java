package broadsheet.newsroom.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The newsroom's moderation queue: who may see it, filters, keyset pages, single and bulk decisions, audit. */
class ModerationDeskTest {

    static TestApp t;
    static WebClient editor;
    static long a, b, reader;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        long s = t.fixtures.section("news", "News");
        a = t.fixtures.article(
                "queue-a", "Queue article A", s, "news", Instant.now().minusSeconds(600), "A.");
        b = t.fixtures.article(
                "queue-b", "Queue article B", s, "news", Instant.now().minusSeconds(600), "B.");
        reader = t.fixtures.user("writer@example.org", Role.READER, "password for writer");
        editor = t.signedIn("editor@example.org", Role.EDITOR);
        // 60 held comments on A (new accounts), 5 on B (word filter), older than those on A
        t.fixtures.jdbi().useHandle(h -> {
            h.execute("""
                    insert into comments (article_id, user_id, author_name, body, body_html, status, hold_reason, needs_review, created_at)
                    select ?, ?, 'Writer', 'Held comment ' || g, '<p>Held comment ' || g || '</p>', 'pending', 'new_account', true,
                           now() - make_interval(secs => 200 - g)
                      from generate_series(1, 60) g""", a, reader);
            h.execute("""
                    insert into comments (article_id, user_id, author_name, body, body_html, status, hold_reason, needs_review, created_at)
                    select ?, ?, 'Writer', 'Rude comment ' || g, '<p>Rude comment ' || g || '</p>', 'pending', 'words', true,
                           now() - make_interval(secs => 1000 - g)
                      from generate_series(1, 5) g""", b, reader);
        });
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static long idOf(String body) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from comments where body = :b")
                        .bind("b", body)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void onlyEditorsMayModerate() {
        assertThat(t.signedIn("reader@example.org", Role.READER)
                        .get("/newsroom/moderation")
                        .statusCode())
                .isEqualTo(403);
        assertThat(t.signedIn("contrib@example.org", Role.CONTRIBUTOR)
                        .get("/newsroom/moderation")
                        .statusCode())
                .isEqualTo(403);
        assertThat(t.client().get("/newsroom/moderation").statusCode()).isEqualTo(303);
        HttpResponse<String> noToken =
                editor.postRaw("/newsroom/moderation", Map.of("act", "approve-" + idOf("Rude comment 1")));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(status(idOf("Rude comment 1"))).isEqualTo("pending");
    }

    @Test
    void queuePagesByKeysetAndFilters() {
        HttpResponse<String> first = editor.get("/newsroom/moderation");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(first.body())).isEmpty();
        Document d = Jsoup.parse(first.body());
        assertThat(d.select("table.queue tbody tr")).hasSize(50);
        assertThat(d.selectFirst("table.queue tbody tr").text()).contains("Held comment 60");
        String older = d.selectFirst("a[rel=next]").attr("href");
        assertThat(older).startsWith("/newsroom/moderation?before=");
        Document second = Jsoup.parse(editor.get(older).body());
        List<String> rows = second.select(".queue__body").eachText();
        assertThat(rows).hasSize(15).startsWith("Held comment 10").endsWith("Rude comment 1");
        assertThat(second.select("a[rel=next]")).isEmpty();

        Document onB =
                Jsoup.parse(editor.get("/newsroom/moderation?article=" + b).body());
        assertThat(onB.select(".queue__body").eachText())
                .containsExactly(
                        "Rude comment 5", "Rude comment 4", "Rude comment 3", "Rude comment 2", "Rude comment 1");
        assertThat(Jsoup.parse(editor.get("/newsroom/moderation?reason=words").body())
                        .select(".queue__body"))
                .hasSize(5);
        assertThat(Jsoup.parse(editor.get("/newsroom/moderation?status=visible").body())
                        .select(".queue__body"))
                .isEmpty();
        HttpResponse<String> bad = editor.get("/newsroom/moderation?article=abc");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("The article number must be a whole number");
        assertThat(HtmlValidator.problems(
                        editor.get("/newsroom/moderation/articles/" + a).body()))
                .isEmpty();
    }

    @Test
    void bulkActionsDecideEveryTickedCommentWithTheReasonInTheAuditLog() {
        long r2 = idOf("Rude comment 2"), r3 = idOf("Rude comment 3"), r4 = idOf("Rude comment 4");
        HttpResponse<String> none = editor.postForm(
                "/newsroom/moderation",
                List.of(
                        Map.entry("act", "reject"),
                        Map.entry("_csrf", editor.cookie("bs_csrf").orElseThrow())));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Tick at least one comment");
        HttpResponse<String> r = editor.postForm(
                "/newsroom/moderation",
                List.of(
                        Map.entry("act", "reject"),
                        Map.entry("id", Long.toString(r2)),
                        Map.entry("id", Long.toString(r3)),
                        Map.entry("note", "insults"),
                        Map.entry("back", "/newsroom/moderation?article=" + b),
                        Map.entry("_csrf", editor.cookie("bs_csrf").orElseThrow())));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/newsroom/moderation?article=" + b + "&done=rejected-2");
        assertThat(editor.get(r.headers().firstValue("Location").orElseThrow()).body())
                .contains("2 comments rejected.");
        assertThat(status(r2)).isEqualTo("rejected");
        assertThat(status(r3)).isEqualTo("rejected");
        String detail = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from audit_log where action = 'comment.reject' and subject_id = :id")
                        .bind("id", r2)
                        .mapTo(String.class)
                        .one());
        assertThat(detail).isEqualTo("Reason: insults");
        // deciding again changes nothing and says so
        HttpResponse<String> again = editor.postForm(
                "/newsroom/moderation",
                List.of(
                        Map.entry("act", "approve"),
                        Map.entry("id", Long.toString(r2)),
                        Map.entry("id", Long.toString(r4)),
                        Map.entry("_csrf", editor.cookie("bs_csrf").orElseThrow())));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("done=approved-1");
        assertThat(status(r2)).isEqualTo("rejected");
        assertThat(status(r4)).isEqualTo("visible");
        assertThat(editor.get("/newsroom/audit?action=comment.approve").body()).contains("comment.approve");
        // a comment number that is not a number is the sender's mistake, said plainly; nothing is decided
        HttpResponse<String> garbled = editor.postForm(
                "/newsroom/moderation",
                List.of(
                        Map.entry("act", "approve"),
                        Map.entry("id", Long.toString(r3)),
                        Map.entry("id", "12x"),
                        Map.entry("_csrf", editor.cookie("bs_csrf").orElseThrow())));
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("Comment numbers must be whole numbers");
        assertThat(status(r3)).isEqualTo("rejected");
        // a ban or an article that is not a number names nothing
        assertThat(editor.postForm(
                                "/newsroom/moderation/bans/abc/lift",
                                List.of(Map.entry(
                                        "_csrf", editor.cookie("bs_csrf").orElseThrow())))
                        .statusCode())
                .isEqualTo(404);
        assertThat(editor.get("/newsroom/moderation/articles/12x").statusCode()).isEqualTo(404);
        assertThat(t.get("/articles/" + b + "/comments").body())
                .contains("Rude comment 4")
                .doesNotContain("Rude comment 2");
    }

    static String status(long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select status from comments where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }
}
