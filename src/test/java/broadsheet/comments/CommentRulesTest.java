package broadsheet.comments;

import static broadsheet.comments.CommentsFixture.post;
import static broadsheet.comments.CommentsFixture.posted;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may comment where, and what is held for an editor: each rule over HTTP on the real database. */
class CommentRulesTest {

    static TestApp t;
    static CommentsFixture f;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        f = new CommentsFixture(t);
        editor = t.signedIn("editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static long userId(String email) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
    }

    void mode(long articleId, String mode, String who) {
        editor.get("/newsroom/moderation/articles/" + articleId);
        assertThat(editor.post("/newsroom/moderation/articles/" + articleId, Map.of("mode", mode, "who", who))
                        .statusCode())
                .isEqualTo(303);
    }

    int auditCount(String action, long subjectId) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log where action = :a and subject_id = :s")
                        .bind("a", action)
                        .bind("s", subjectId)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void subscribersOnlyBySiteSettingAndPerArticleOverride() {
        long a = f.article("Members corner");
        f.setting("comments_subscribers_only", "true");
        try {
            WebClient plain = f.reader("plain");
            HttpResponse<String> r = post(plain, a, "Let me in.");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("Only subscribers may comment on this article.");
            assertThat(plain.get("/articles/" + a + "/comments/new").statusCode())
                    .isEqualTo(403);
            assertThat(t.get("/articles/" + a + "/comments").body()).contains("Only subscribers may comment here.");

            String email = "subscriber" + CommentsFixture.SEQ.incrementAndGet() + "@example.org";
            WebClient sub = t.signedIn(email, Role.READER);
            t.fixtures
                    .jdbi()
                    .useHandle(h -> h.execute(
                            "insert into subscriptions (user_id, status, current_period_end) values (?, 'active', now() + interval '30 days')",
                            userId(email)));
            posted(sub, a, "Subscribers' view.");

            mode(a, "open", "everyone");
            posted(plain, a, "Now anyone signed in may.");
        } finally {
            f.setting("comments_subscribers_only", "false");
        }
        long b = f.article("Premium analysis");
        mode(b, "open", "subscribers");
        assertThat(post(f.reader("plain"), b, "No.").statusCode()).isEqualTo(403);
        assertThat(auditCount("article.comments", b)).isEqualTo(1);
    }

    @Test
    void preModeratedCommentsWaitForAnEditor() {
        long a = f.article("Sensitive court case");
        mode(a, "premoderated", "site");
        WebClient ann = f.reader("ann");
        HttpResponse<String> r = post(ann, a, "Careful words.");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("Your comment is waiting for review").contains("checks every comment");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        long id = f.lastCommentId();
        assertThat(f.thread(a, "").text())
                .doesNotContain("Careful words.")
                .contains("checked by an editor before they appear");
        assertThat(ann.get("/account/comments").body())
                .contains("Careful words.")
                .contains("Waiting for review.");
        editor.get("/newsroom/moderation");
        assertThat(editor.post("/newsroom/moderation", Map.of("act", "approve-" + id, "note", "fine"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(f.thread(a, "").getElementById("c" + id).text()).contains("Careful words.");
        assertThat(auditCount("comment.approve", id)).isEqualTo(1);
    }

    @Test
    void closedThreadsAndAutoCloseRefuseClearly() {
        long a = f.article("Old news");
        WebClient ann = f.reader("ann");
        long id = posted(ann, a, "Before closing.");
        mode(a, "closed", "site");
        HttpResponse<String> r = post(ann, a, "After closing.");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("Comments on this article are closed");
        assertThat(CommentsFixture.reply(ann, id, "Reply after closing.").statusCode())
                .isEqualTo(409);
        assertThat(f.thread(a, "").selectFirst(".comments-page__write")).isNull();

        long old = f.article("Last week's story", Instant.now().minus(3, ChronoUnit.DAYS));
        posted(ann, old, "Still open.");
        f.setting("comments_auto_close_days", "2");
        try {
            HttpResponse<String> late = post(ann, old, "Too old now.");
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(f.thread(old, "").selectFirst(".comments-page__state").text())
                    .isEqualTo("Comments closed automatically 2 days after publication.");
            assertThat(f.thread(old, "").text()).contains("Still open.");
        } finally {
            f.setting("comments_auto_close_days", "0");
        }
        posted(ann, old, "Open again.");
    }

    @Test
    void enoughReportsHoldACommentForReview() {
        long a = f.article("Heated debate");
        long id = posted(f.reader("ann"), a, "A hot take.");
        WebClient first = f.reader("rep");
        assertThat(HtmlValidator.problems(
                        first.get("/comments/" + id + "/report").body()))
                .isEmpty();
        HttpResponse<String> none = first.post("/comments/" + id + "/report", Map.of("detail", "no reason chosen"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Choose why you are reporting this comment.");
        assertThat(first.post("/comments/" + id + "/report", Map.of("reason", "abuse"))
                        .body())
                .contains("Thank you for your report");
        // the same reader again does not count twice
        first.post("/comments/" + id + "/report", Map.of("reason", "abuse"));
        f.reader("rep").post("/comments/" + id + "/report", Map.of("reason", "spam"));
        assertThat(f.status(id)).isEqualTo("visible");
        assertThat(editor.get("/newsroom/moderation?status=visible").body())
                .contains("A hot take.")
                .contains("2 reports");
        f.reader("rep").post("/comments/" + id + "/report", Map.of("reason", "abuse"));
        assertThat(f.status(id)).isEqualTo("pending");
        assertThat(f.thread(a, "").text()).doesNotContain("A hot take.");
        assertThat(editor.get("/newsroom/moderation?reason=reports").body())
                .contains("A hot take.")
                .contains("Held after reports");
        assertThat(auditCount("comment.held", id)).isEqualTo(1);
    }

    @Test
    void wordAndLinkFiltersHoldAComment() {
        long a = f.article("Filtered");
        editor.get("/newsroom/moderation/settings");
        assertThat(HtmlValidator.problems(
                        editor.get("/newsroom/moderation/settings").body()))
                .isEmpty();
        Map<String, String> rules = new java.util.HashMap<>(Map.of(
                "comments_auto_close_days",
                "0",
                "comments_report_threshold",
                "3",
                "comments_blocked_words",
                "scam\nbuy now",
                "comments_blocked_links",
                "spam.example",
                "comments_max_links",
                "2",
                "comments_new_account_hold",
                "0",
                "comments_per_minute",
                "1000",
                "comments_edit_minutes",
                "15"));
        HttpResponse<String> bad = editor.post("/newsroom/moderation/settings", Map.of("comments_per_minute", "lots"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a whole number from 1");
        assertThat(editor.post("/newsroom/moderation/settings", rules).statusCode())
                .isEqualTo(303);
        assertThat(auditCount("comments.settings", 0)
                        + t.fixtures
                                .jdbi()
                                .withHandle(h -> h.createQuery(
                                                "select count(*) from audit_log where action = 'comments.settings'")
                                        .mapTo(Integer.class)
                                        .one()))
                .isGreaterThan(0);
        WebClient ann = f.reader("ann");
        assertThat(post(ann, a, "This is a SCAM, honestly.").statusCode()).isEqualTo(202);
        assertThat(post(ann, a, "Buy now while stocks last").statusCode()).isEqualTo(202);
        assertThat(post(ann, a, "Scampi is nice.").statusCode()).isEqualTo(303);
        assertThat(post(ann, a, "See https://www.spam.example/deal").statusCode())
                .isEqualTo(202);
        assertThat(post(ann, a, "https://a.example https://b.example https://c.example")
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(ann, a, "One link is fine: https://news.example/x").statusCode())
                .isEqualTo(303);
        assertThat(editor.get("/newsroom/moderation?reason=words&article=" + a).body())
                .contains("SCAM")
                .contains("Buy now")
                .doesNotContain("spam.example/deal");
        assertThat(editor.get("/newsroom/moderation?reason=links&article=" + a).body())
                .contains("spam.example/deal")
                .contains("c.example");
        f.setting("comments_blocked_words", "");
        f.setting("comments_blocked_links", "");
    }

    @Test
    void aNewAccountsFirstCommentsAreHeld() {
        long a = f.article("Newcomers");
        f.setting("comments_new_account_hold", "1");
        try {
            WebClient fresh = f.reader("fresh");
            HttpResponse<String> r = post(fresh, a, "My first comment.");
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.body()).contains("A new account's first comments are checked");
            long id = f.lastCommentId();
            assertThat(editor.get("/newsroom/moderation?reason=new_account").body())
                    .contains("My first comment.");
            editor.post("/newsroom/moderation", Map.of("act", "approve-" + id));
            assertThat(post(fresh, a, "My second comment.").statusCode()).isEqualTo(303);
            f.setting("comments_new_account_hold", "5");
            assertThat(post(fresh, a, "My third comment.").statusCode()).isEqualTo(202);
            editor.post("/newsroom/moderation", Map.of("act", "reject-" + f.lastCommentId(), "note", "off topic"));
            assertThat(fresh.get("/account/comments").body()).contains("Not published by the editors: off topic.");
        } finally {
            f.setting("comments_new_account_hold", "0");
        }
    }

    @Test
    void aBannedReaderCannotUseAnyCommentAction() {
        long a = f.article("Ban test");
        String email = "troll" + CommentsFixture.SEQ.incrementAndGet() + "@example.org";
        WebClient troll = t.signedIn(email, Role.READER);
        long own = posted(troll, a, "Before the ban.");
        long other = posted(f.reader("ann"), a, "Someone else's.");
        assertThat(HtmlValidator.problems(
                        editor.get("/newsroom/moderation/bans").body()))
                .isEmpty();
        HttpResponse<String> nobody =
                editor.post("/newsroom/moderation/bans", Map.of("email", "nobody@example.org", "reason", "x"));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(editor.post("/newsroom/moderation/bans", Map.of("email", email, "reason", "repeated abuse"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(auditCount("commenter.ban", userId(email))).isEqualTo(1);
        assertThat(HtmlValidator.problems(
                        editor.get("/newsroom/moderation/bans").body()))
                .isEmpty();
        assertThat(editor.get("/newsroom/moderation/bans").body()).contains("repeated abuse");

        HttpResponse<String> r = post(troll, a, "After the ban.");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Your account may not comment: repeated abuse.");
        assertThat(troll.get("/articles/" + a + "/comments/new").statusCode()).isEqualTo(403);
        assertThat(CommentsFixture.reply(troll, other, "Reply").statusCode()).isEqualTo(403);
        assertThat(troll.get("/comments/" + other + "/reply").statusCode()).isEqualTo(403);
        assertThat(troll.post("/comments/" + other + "/like", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(troll.get("/comments/" + other + "/like").statusCode()).isEqualTo(403);
        assertThat(troll.post("/comments/" + other + "/report", Map.of("reason", "spam"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(troll.get("/comments/" + own + "/edit").statusCode()).isEqualTo(403);
        assertThat(troll.post("/comments/" + own + "/edit", Map.of("text", "x", "version", "1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(troll.post("/comments/" + own + "/delete", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(troll.get("/articles/" + a + "/comments/me.json").body()).contains("\"canComment\":false");

        editor.post("/newsroom/moderation/bans/" + userId(email) + "/lift", Map.of());
        assertThat(auditCount("commenter.unban", userId(email))).isEqualTo(1);
        assertThat(post(troll, a, "Reformed.").statusCode()).isEqualTo(303);
    }
}
