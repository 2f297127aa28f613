package broadsheet.comments;

import static broadsheet.comments.CommentsFixture.post;
import static broadsheet.comments.CommentsFixture.posted;
import static broadsheet.comments.CommentsFixture.replied;
import static broadsheet.comments.CommentsFixture.reply;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readers commenting over HTTP on the real database: posting, threads, order, likes, editing, deleting. */
class CommentsTest {

    static TestApp t;
    static CommentsFixture f;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        f = new CommentsFixture(t);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void aSignedInReaderPostsAndEveryoneSeesIt() {
        long a = f.article("Ferry timetable changes");
        WebClient ann = f.reader("ann");
        long id = posted(ann, a, "The early boat matters to shift workers.");
        Document d = f.thread(a, "");
        Element c = d.getElementById("c" + id);
        assertThat(c.text())
                .contains("The early boat matters to shift workers.")
                .contains("ann");
        assertThat(d.selectFirst(".comments-page__count").text()).isEqualTo("1 comment");
        assertThat(t.get("/comments/counts.json?ids=" + a).body()).isEqualTo("{\"" + a + "\":1}");
        assertThat(HtmlValidator.problems(t.get("/articles/" + a + "/comments").body()))
                .isEmpty();
        assertThat(HtmlValidator.problems(
                        ann.get("/articles/" + a + "/comments/new").body()))
                .isEmpty();
    }

    @Test
    void signedOutReadersAreSentToSignIn() {
        long a = f.article("Library hours");
        HttpResponse<String> r = t.client().get("/articles/" + a + "/comments/new");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in?next=");
    }

    @Test
    void repliesShowOnTwoLevelsWithDeeperOnesFlattened() {
        long a = f.article("Bridge repairs");
        WebClient ann = f.reader("ann"), ben = f.reader("ben"), cat = f.reader("cat");
        long root = posted(ann, a, "When will the bridge reopen?");
        long r1 = replied(ben, root, "Spring, the council says.");
        long r2 = replied(cat, r1, "They said that last spring.");
        Document d = f.thread(a, "");
        Element thread = d.getElementById("c" + root).parent();
        assertThat(thread.select("ol.comment-replies > li > article").eachAttr("id"))
                .containsExactly("c" + r1, "c" + r2);
        assertThat(d.select("ol.comment-replies ol")).isEmpty();
        assertThat(d.getElementById("c" + r2).selectFirst(".comment__to").text())
                .isEqualTo("replying to "
                        + f.t.fixtures
                                .jdbi()
                                .withHandle(h -> h.createQuery("select author_name from comments where id = " + r1)
                                        .mapTo(String.class)
                                        .one()));
        assertThat(d.getElementById("c" + r1).select(".comment__to")).isEmpty();
        assertThat(HtmlValidator.problems(
                        ben.get("/comments/" + root + "/reply").body()))
                .isEmpty();
        assertThat(HtmlValidator.problems(t.get("/articles/" + a + "/comments").body()))
                .isEmpty();
    }

    @Test
    void sortsNewestOldestAndMostLiked() {
        long a = f.article("Tram fares");
        WebClient ann = f.reader("ann");
        long first = posted(ann, a, "First.");
        long second = posted(ann, a, "Second.");
        long third = posted(ann, a, "Third.");
        t.fixtures.jdbi().useHandle(h -> {
            h.execute("update comments set created_at = now() - interval '3 minutes' where id = ?", first);
            h.execute("update comments set created_at = now() - interval '2 minutes' where id = ?", second);
        });
        for (int i = 0; i < 2; i++) f.reader("fan").post("/comments/" + second + "/like", Map.of());
        WebClient fan = f.reader("fan");
        fan.get("/comments/" + first + "/like");
        fan.post("/comments/" + first + "/like", Map.of());
        assertThat(ids(f.thread(a, ""))).containsExactly(third, second, first);
        assertThat(ids(f.thread(a, "?sort=oldest"))).containsExactly(first, second, third);
        assertThat(ids(f.thread(a, "?sort=liked"))).containsExactly(second, first, third);
        assertThat(f.thread(a, "?sort=liked")
                        .selectFirst(".comments-sort a[aria-current]")
                        .text())
                .isEqualTo("Most liked");
        assertThat(t.get("/articles/" + a + "/comments?sort=loudest").statusCode())
                .isEqualTo(400);
        assertThat(t.get("/articles/" + a + "/comments?page=two").statusCode()).isEqualTo(400);
        assertThat(t.get("/articles/" + a + "/comments?page=0").statusCode()).isEqualTo(400);
        assertThat(t.get("/articles/x" + a + "/comments").statusCode())
                .as("an article id that is not a number names nothing")
                .isEqualTo(404);
    }

    @Test
    void aReaderLikesACommentOnce() {
        long a = f.article("Park benches");
        long id = posted(f.reader("ann"), a, "More benches please.");
        WebClient ben = f.reader("ben");
        assertThat(HtmlValidator.problems(ben.get("/comments/" + id + "/like").body()))
                .isEmpty();
        assertThat(ben.post("/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ben.post("/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(303);
        assertThat(f.thread(a, "")
                        .getElementById("c" + id)
                        .selectFirst(".comment__likes")
                        .text())
                .isEqualTo("1 like");
        String csrf = ben.cookie("bs_csrf").orElseThrow();
        HttpResponse<String> json = ben.postForm(
                "/comments/" + id + "/unlike", Map.of(), "X-CSRF-Token", csrf, "Accept", "application/json");
        assertThat(json.body()).contains("\"likes\":0").contains("\"liked\":false");
        assertThat(ben.get("/articles/" + a + "/comments/me.json").body()).contains("\"liked\":[]");
    }

    @Test
    void authorsEditWithinTheWindowOnly() {
        long a = f.article("School meals");
        WebClient ann = f.reader("ann");
        long id = posted(ann, a, "Teh menu is better.");
        HttpResponse<String> form = ann.get("/comments/" + id + "/edit");
        assertThat(HtmlValidator.problems(form.body())).isEmpty();
        assertThat(ann.post("/comments/" + id + "/edit", Map.of("text", "The menu is better.", "version", "1"))
                        .statusCode())
                .isEqualTo(303);
        Element c = f.thread(a, "").getElementById("c" + id);
        assertThat(c.text()).contains("The menu is better.").contains("(edited)");
        // an old version of the form is refused rather than overwriting
        HttpResponse<String> stale = ann.post("/comments/" + id + "/edit", Map.of("text", "Stale.", "version", "1"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed since you opened it");
        HttpResponse<String> garbled =
                ann.post("/comments/" + id + "/edit", Map.of("text", "The menu is best.", "version", "one"));
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("version");
        assertThat(ann.get("/comments/" + id + "x/edit").statusCode()).isEqualTo(404);
        // someone else's comment
        assertThat(f.reader("ben")
                        .post("/comments/" + id + "/edit", Map.of("text", "Hijack", "version", "2"))
                        .statusCode())
                .isEqualTo(403);
        t.fixtures
                .jdbi()
                .useHandle(h ->
                        h.execute("update comments set created_at = now() - interval '16 minutes' where id = ?", id));
        HttpResponse<String> late = ann.post("/comments/" + id + "/edit", Map.of("text", "Too late.", "version", "2"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("can be edited for 15 minutes");
        assertThat(f.thread(a, "").getElementById("c" + id).text()).contains("The menu is better.");
    }

    @Test
    void authorsDeleteTheirOwnAndRepliesKeepAPlaceholder() {
        long a = f.article("Harbour lights");
        WebClient ann = f.reader("ann"), ben = f.reader("ben");
        long lonely = posted(ann, a, "Nobody will answer this.");
        long answered = posted(ann, a, "Someone will answer this.");
        long answer = replied(ben, answered, "I did.");
        assertThat(ben.post("/comments/" + lonely + "/delete", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(HtmlValidator.problems(
                        ann.get("/comments/" + lonely + "/delete").body()))
                .isEmpty();
        assertThat(ann.post("/comments/" + lonely + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(ann.post("/comments/" + answered + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        Document d = f.thread(a, "");
        assertThat(d.getElementById("c" + lonely)).isNull();
        assertThat(d.getElementById("c" + answered).text()).isEqualTo("[deleted]");
        assertThat(d.text()).doesNotContain("Someone will answer this.");
        assertThat(d.getElementById("c" + answer).text()).contains("I did.");
        assertThat(HtmlValidator.problems(t.get("/articles/" + a + "/comments").body()))
                .isEmpty();
        // a reply to a deleted comment is refused, and says why
        HttpResponse<String> r = reply(ben, answered, "Still there?");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("has been deleted or removed");
        assertThat(ben.get("/comments/" + answered + "/reply").statusCode()).isEqualTo(409);
    }

    @Test
    void emptyOversizeAndFloodPostingGetClearMessagesWithTheFormBack() {
        long a = f.article("Bin collections");
        WebClient ann = f.reader("ann");
        HttpResponse<String> empty = post(ann, a, "   ");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("the comment is empty");
        assertThat(Jsoup.parse(empty.body()).selectFirst("textarea#f-text")).isNotNull();
        assertThat(HtmlValidator.problems(empty.body())).isEmpty();
        String big = "x".repeat(5001);
        HttpResponse<String> oversize = post(ann, a, big);
        assertThat(oversize.statusCode()).isEqualTo(422);
        assertThat(oversize.body()).contains("at most 5000 characters; this one has 5001");
        assertThat(Jsoup.parse(oversize.body()).selectFirst("textarea#f-text").text())
                .hasSize(5001);
        f.setting("comments_per_minute", "3");
        try {
            WebClient ben = f.reader("ben");
            for (int i = 0; i < 3; i++) posted(ben, a, "Flood " + i);
            HttpResponse<String> flood = post(ben, a, "Flood 3");
            assertThat(flood.statusCode()).isEqualTo(429);
            assertThat(flood.body()).contains("You are posting too quickly: at most 3 comments a minute");
            assertThat(Jsoup.parse(flood.body()).selectFirst("textarea#f-text").text())
                    .isEqualTo("Flood 3");
        } finally {
            f.setting("comments_per_minute", "1000");
        }
        assertThat(f.thread(a, "").text()).doesNotContain("Flood 3").doesNotContain("xxxxx");
    }

    @Test
    void postingWithoutTheCsrfTokenIsRefusedAndNothingIsWritten() {
        long a = f.article("Tax bands");
        WebClient ann = f.reader("ann");
        ann.get("/articles/" + a + "/comments/new");
        HttpResponse<String> r = ann.postRaw("/articles/" + a + "/comments", Map.of("text", "Forged"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(f.thread(a, "").text()).doesNotContain("Forged");
        long id = posted(ann, a, "Real.");
        assertThat(f.reader("ben")
                        .postRaw("/comments/" + id + "/like", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(f.thread(a, "")
                        .getElementById("c" + id)
                        .selectFirst(".comment__likes")
                        .text())
                .isEqualTo("0 likes");
    }

    @Test
    void articleAndConversationPagesAreTheSameBytesForEveryReader() {
        long a = f.article("Council budget");
        WebClient ann = f.reader("ann"), ben = f.reader("ben");
        long mine = posted(ann, a, "Ann's view.");
        String path = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select slug from articles where id = " + a)
                        .mapTo(String.class)
                        .one());
        String articlePath = Jsoup.parse(t.get("/articles/" + a + "/comments").body())
                .selectFirst(".comments-page__back a")
                .attr("href");
        assertThat(articlePath).endsWith(path);
        HttpResponse<String> forAnn = ann.get(articlePath),
                forBen = ben.get(articlePath),
                anonymous = t.get(articlePath);
        assertThat(forAnn.body()).isEqualTo(forBen.body()).isEqualTo(anonymous.body());
        assertThat(forAnn.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(Jsoup.parse(forAnn.body()).selectFirst(".article-comments a[href=/articles/" + a + "/comments]"))
                .isNotNull();
        HttpResponse<String> threadAnn = ann.get("/articles/" + a + "/comments"),
                threadBen = ben.get("/articles/" + a + "/comments");
        assertThat(threadAnn.body()).isEqualTo(threadBen.body());
        assertThat(threadAnn.headers().firstValue("Cache-Control").orElseThrow())
                .isEqualTo("public, no-cache");
        assertThat(threadAnn.headers().firstValue("Set-Cookie")).isEmpty();
        // the personal part comes from an uncached endpoint
        HttpResponse<String> me = ann.get("/articles/" + a + "/comments/me.json");
        assertThat(me.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("private, no-store");
        assertThat(me.body())
                .contains("\"signedIn\":true")
                .contains("\"own\":[" + mine + "]")
                .contains("\"editable\":[" + mine + "]");
        assertThat(ben.get("/articles/" + a + "/comments/me.json").body()).contains("\"own\":[]");
        assertThat(t.get("/articles/" + a + "/comments/me.json").body()).isEqualTo("{\"signedIn\":false}");
    }

    @Test
    void countsAreAPublicJsonAnswerAndCardsCarryASlotForThem() {
        long a = f.article("Count me");
        long b = f.article("Count me too");
        WebClient ann = f.reader("ann");
        posted(ann, a, "One.");
        posted(ann, a, "Two.");
        HttpResponse<String> r = t.get("/comments/counts.json?ids=" + a + "," + b);
        assertThat(r.body()).isEqualTo("{\"" + a + "\":2,\"" + b + "\":0}");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(t.get("/comments/counts.json?ids=x").statusCode()).isEqualTo(400);
        Document section = Jsoup.parse(t.get("/sections/news").body());
        assertThat(section.select("[data-comment-count=" + a + "]")).isNotEmpty();
    }

    @Test
    void commentsAreInTheReadersExportAndLoseTheirNameWhenTheAccountIsDeleted() {
        long a = f.article("Privacy");
        WebClient ann = t.signedIn("leaving@example.org", broadsheet.web.Role.READER);
        long id = posted(ann, a, "My words.");
        assertThat(ann.get("/account/export.json").body())
                .contains("\"text\":\"My words.\"")
                .contains("\"likedComments\":[]");
        ann.get("/account");
        assertThat(ann.post("/account/delete", Map.of("confirmPassword", "password for leaving@example.org"))
                        .statusCode())
                .isEqualTo(200);
        Element c = f.thread(a, "").getElementById("c" + id);
        assertThat(c.text()).contains("Former reader").doesNotContain("leaving");
    }

    @Test
    void parallelLikesCountOnceAndParallelPostsCannotBeatTheRateLimit() throws Exception {
        long a = f.article("Races");
        long id = posted(f.reader("ann"), a, "Like me.");
        WebClient ben = f.reader("ben");
        ben.get("/comments/" + id + "/like");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var likes = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 8; i++) likes.add(pool.submit(() -> ben.post("/comments/" + id + "/like", Map.of())));
            for (var l : likes) assertThat(l.get().statusCode()).isEqualTo(303);
        }
        assertThat(f.thread(a, "")
                        .getElementById("c" + id)
                        .selectFirst(".comment__likes")
                        .text())
                .isEqualTo("1 like");

        f.setting("comments_per_minute", "3");
        try {
            WebClient cat = f.reader("cat");
            cat.get("/articles/" + a + "/comments/new");
            var codes = new java.util.ArrayList<Integer>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                var posts = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
                for (int i = 0; i < 8; i++) {
                    int n = i;
                    posts.add(
                            pool.submit(() -> cat.post("/articles/" + a + "/comments", Map.of("text", "Burst " + n))));
                }
                for (var p : posts) codes.add(p.get().statusCode());
            }
            assertThat(codes.stream().filter(c -> c == 303).count()).isEqualTo(3);
            assertThat(codes.stream().filter(c -> c == 429).count()).isEqualTo(5);
        } finally {
            f.setting("comments_per_minute", "1000");
        }
    }

    static List<Long> ids(Document d) {
        return d.select("ol.comment-threads > li > article").eachAttr("data-comment").stream()
                .map(Long::parseLong)
                .toList();
    }
}
