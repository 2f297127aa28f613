package broadsheet.comments;

import static broadsheet.comments.CommentsFixture.post;
import static broadsheet.comments.CommentsFixture.posted;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first comments on the article page itself, over HTTP with the page cache on: the same bytes for
 * every reader, refreshed when a comment is posted, approved or removed, and none when comments are off.
 */
class ArticlePageCommentsTest {

    static TestApp t;
    static CommentsFixture f;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        f = new CommentsFixture(t);
        editor = t.signedIn("editor-page@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    /** The article page's address, from the conversation page's link back to it. */
    static String articlePath(long articleId) {
        return f.thread(articleId, "").selectFirst(".comments-page__back a").attr("href");
    }

    static Element section(String path) {
        HttpResponse<String> r = t.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body()).selectFirst("section.article-comments");
    }

    static List<String> shown(String path) {
        Element s = section(path);
        return s == null
                ? List.of()
                : s.select(".article-comments__list .comment__body").eachText();
    }

    void mode(long articleId, String mode) {
        editor.get("/newsroom/moderation/articles/" + articleId);
        assertThat(editor.post("/newsroom/moderation/articles/" + articleId, Map.of("mode", mode, "who", "site"))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void theNewestThreeShowWithAllNCommentsLinkingToTheConversation() {
        long a = f.article("Tram line extension");
        String path = articlePath(a);
        assertThat(section(path).select(".article-comments__none").text()).isEqualTo("No comments yet.");
        WebClient ann = f.reader("ann");
        long first = posted(ann, a, "First: the route skips the hospital.");
        posted(ann, a, "Second: the depot is too small.");
        posted(ann, a, "Third: buses would be cheaper.");
        long fourth = posted(ann, a, "Fourth: the consultation was short.");
        CommentsFixture.replied(f.reader("ben"), first, "A reply counts too.");
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(shown(path))
                        .containsExactly(
                                "Fourth: the consultation was short.",
                                "Third: buses would be cheaper.",
                                "Second: the depot is too small."));
        Element s = section(path);
        Element all = s.selectFirst(".article-comments__all a");
        assertThat(all.text()).isEqualTo("All 5 comments");
        assertThat(all.attr("href")).isEqualTo("/articles/" + a + "/comments");
        assertThat(f.thread(a, "").selectFirst(".comments-page__count").text()).isEqualTo("5 comments");
        // each comment's time leads to it on the conversation page
        assertThat(s.selectFirst("#comment-" + fourth + " a.comment__time").attr("href"))
                .isEqualTo("/articles/" + a + "/comments#c" + fourth);
        assertThat(HtmlValidator.problems(t.get(path).body())).isEmpty();
    }

    @Test
    void signedOutReadersGetOneInstructionWhoseLinksLeadToTheFormAndThePageIsTheSameForEveryone() {
        long a = f.article("Harbour wall repairs");
        String path = articlePath(a);
        Element s = section(path);
        String form = "/articles/" + a + "/comments/new";
        String next = URLEncoder.encode(form, StandardCharsets.UTF_8);
        Element join = s.selectFirst("[data-comments-join]");
        assertThat(join.text()).isEqualTo("Sign in or register to comment.");
        assertThat(join.select("a").eachAttr("href"))
                .containsExactly("/sign-in?next=" + next, "/register?next=" + next);
        assertThat(s.select("p:contains(Sign in)")).hasSize(1);
        // the Write a comment button is there for the script to show to signed-in readers
        assertThat(s.selectFirst("[data-comments-write]").hasAttr("hidden")).isTrue();
        assertThat(s.selectFirst("[data-comments-write] a").attr("href")).isEqualTo(form);

        // identical bytes for a signed-in reader: the personal part is me.json's
        WebClient cat = f.reader("cat");
        assertThat(cat.get(path).body()).isEqualTo(t.get(path).body());
        assertThat(cat.get("/articles/" + a + "/comments/me.json").body()).contains("\"canComment\":true");

        // following the instruction: sign in, and land on the comment form
        WebClient c = t.client();
        c.get(join.selectFirst("a").attr("href"));
        t.fixtures.user("joiner@example.org", Role.READER, "a joiner's password");
        HttpResponse<String> in = c.post(
                "/sign-in", Map.of("email", "joiner@example.org", "password", "a joiner's password", "next", form));
        assertThat(in.headers().firstValue("Location")).hasValue(form);
        assertThat(c.get(form).body()).contains("Write a comment");
    }

    @Test
    void aPremoderatedCommentShowsOnceApprovedAndGoesWhenRemoved() {
        long a = f.article("Night ferry trial");
        String path = articlePath(a);
        mode(a, "premoderated");
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(section(path)
                                .selectFirst(".article-comments__state")
                                .text())
                        .isEqualTo("Comments are checked by an editor before they appear."));
        WebClient dan = f.reader("dan");
        assertThat(post(dan, a, "Held until an editor reads it.").statusCode()).isEqualTo(202);
        long held = f.lastCommentId();
        assertThat(shown(path)).isEmpty();

        editor.get("/newsroom/moderation");
        assertThat(editor.post("/newsroom/moderation", Map.of("act", "approve-" + held))
                        .statusCode())
                .isEqualTo(303);
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(shown(path)).containsExactly("Held until an editor reads it."));
        assertThat(section(path).selectFirst(".article-comments__all a").text()).isEqualTo("All 1 comment");

        // a reader reports it, which puts it in the editors' queue (still shown), and an editor removes it
        WebClient reporter = f.reader("rex");
        reporter.get("/comments/" + held + "/report");
        assertThat(reporter.post("/comments/" + held + "/report", Map.of("reason", "abuse", "detail", ""))
                        .statusCode())
                .isLessThan(400);
        editor.get("/newsroom/moderation");
        assertThat(editor.post("/newsroom/moderation", Map.of("act", "reject-" + held, "note", "on reflection"))
                        .statusCode())
                .isEqualTo(303);
        Waiting.fewSeconds().untilAsserted(() -> assertThat(shown(path)).isEmpty());
        assertThat(section(path).select(".article-comments__none").text()).isEqualTo("No comments yet.");
    }

    @Test
    void aCommentItsAuthorDeletesDisappears() {
        long a = f.article("Allotment waiting list");
        String path = articlePath(a);
        WebClient eve = f.reader("eve");
        long id = posted(eve, a, "I have waited six years.");
        Waiting.fewSeconds().untilAsserted(() -> assertThat(shown(path)).containsExactly("I have waited six years."));
        eve.get("/comments/" + id + "/delete");
        assertThat(eve.post("/comments/" + id + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        Waiting.fewSeconds().untilAsserted(() -> assertThat(shown(path)).isEmpty());
    }

    @Test
    void closedShowsTheCommentsWithoutAnInstructionAndOffShowsNone() {
        long a = f.article("Pier closure");
        String path = articlePath(a);
        posted(f.reader("fay"), a, "The pier was closed last winter too.");
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(shown(path)).containsExactly("The pier was closed last winter too."));

        mode(a, "closed");
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(
                                section(path).select(".article-comments__state").text())
                        .isEqualTo("Comments on this article are closed."));
        Element closed = section(path);
        assertThat(closed.select(".article-comments__list .comment")).hasSize(1);
        assertThat(closed.select("[data-comments-join], [data-comments-write]")).isEmpty();

        mode(a, "off");
        Waiting.fewSeconds().untilAsserted(() -> assertThat(section(path)).isNull());
        Document page = Jsoup.parse(t.get(path).body());
        assertThat(page.text()).doesNotContain("The pier was closed last winter too.");
        Document thread = f.thread(a, "");
        assertThat(thread.selectFirst(".comments-page__state").text()).isEqualTo("Comments are off for this article.");
        assertThat(thread.select(".comment")).isEmpty();
        assertThat(thread.select(".comments-page__write")).isEmpty();
        assertThat(post(f.reader("gus"), a, "Let me in.").statusCode()).isEqualTo(409);
    }

    @Test
    void subscribersOnlyAsksToSignInOrSubscribe() {
        long a = f.article("Council tax rise");
        String path = articlePath(a);
        editor.get("/newsroom/moderation/articles/" + a);
        editor.post("/newsroom/moderation/articles/" + a, Map.of("mode", "open", "who", "subscribers"));
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(section(path)
                                .selectFirst("[data-comments-join]")
                                .text())
                        .isEqualTo("Sign in or subscribe to comment."));
        assertThat(section(path).selectFirst(".article-comments__state").text())
                .isEqualTo("Only subscribers may comment here.");
    }

    @Test
    void theCachedPageClosesItsCommentsWhenTheyCloseByAge() {
        f.t.fixtures.setting("comments_auto_close_days", "1");
        try {
            // comments on this article close by age 15 s from now (room for a busy machine to fetch it first), with no
            // change to announce it
            long a = f.article(
                    "Closing soon", Instant.now().minus(1, ChronoUnit.DAYS).plusSeconds(15));
            t.contentChanged(); // the new setting, as the settings form would announce it
            String path = articlePath(a);
            assertThat(section(path).select("[data-comments-join]")).hasSize(1);
            Waiting.upTo(java.time.Duration.ofSeconds(40))
                    .untilAsserted(() -> assertThat(section(path)
                                    .select(".article-comments__state")
                                    .text())
                            .isEqualTo("Comments on this article are closed."));
            assertThat(section(path).select("[data-comments-join]")).isEmpty();
        } finally {
            f.t.fixtures.setting("comments_auto_close_days", "0");
            t.contentChanged();
        }
    }
}
