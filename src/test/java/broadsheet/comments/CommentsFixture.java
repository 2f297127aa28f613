package broadsheet.comments;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Shared steps for the comment tests: articles to comment on, readers, posting. */
final class CommentsFixture {

    static final AtomicInteger SEQ = new AtomicInteger();

    final TestApp t;
    final long section;

    CommentsFixture(TestApp t) {
        this.t = t;
        this.section = t.fixtures.section("news", "News");
        // the defaults hold a new reader's first comments; most tests want them shown at once
        t.fixtures.setting("comments_new_account_hold", "0");
        t.fixtures.setting("comments_per_minute", "1000");
    }

    long article(String headline) {
        return article(headline, Instant.now().minusSeconds(3600));
    }

    long article(String headline, Instant publishedAt) {
        String slug = headline.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-"
                + SEQ.incrementAndGet();
        long id = t.fixtures.article(slug, headline, section, "news", publishedAt, "Body of " + headline + ".");
        t.contentChanged();
        return id;
    }

    WebClient reader(String name) {
        return t.signedIn(name + SEQ.incrementAndGet() + "@example.org", broadsheet.web.Role.READER);
    }

    static HttpResponse<String> post(WebClient c, long articleId, String text) {
        c.get("/articles/" + articleId + "/comments/new");
        return c.post("/articles/" + articleId + "/comments", Map.of("text", text));
    }

    /** Posts and returns the new comment's id (the comment must be shown at once). */
    static long posted(WebClient c, long articleId, String text) {
        HttpResponse<String> r = post(c, articleId, text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String loc = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.substring(loc.indexOf("#c") + 2));
    }

    static HttpResponse<String> reply(WebClient c, long commentId, String text) {
        c.get("/comments/" + commentId + "/reply");
        return c.post("/comments/" + commentId + "/reply", Map.of("text", text));
    }

    static long replied(WebClient c, long commentId, String text) {
        HttpResponse<String> r = reply(c, commentId, text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String loc = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.substring(loc.indexOf("#c") + 2));
    }

    Document thread(long articleId, String query) {
        HttpResponse<String> r = t.get("/articles/" + articleId + "/comments" + query);
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    long lastCommentId() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select max(id) from comments")
                        .mapTo(Long.class)
                        .one());
    }

    String status(long commentId) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select status from comments where id = :id")
                        .bind("id", commentId)
                        .mapTo(String.class)
                        .one());
    }

    void setting(String key, String value) {
        t.fixtures.setting(key, value);
    }
}
