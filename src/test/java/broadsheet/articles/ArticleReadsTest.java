package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.ContentChanges;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.web.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the page cache off, every request renders the article page afresh from what this node keeps of
 * its reads ({@link ArticleReads}, {@code CommentPreviews}): what a reader gets still follows every
 * announced change, of the article, of a story shown beside it, and of its comments.
 */
class ArticleReadsTest {

    static TestApp t;
    static long quay;
    static long ferry;
    static String quayPath;

    @BeforeAll
    static void setUp() {
        t = new TestApp(false);
        var f = t.fixtures;
        long news = f.section("news", "News");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ferry = f.article("ferry-returns", "The night ferry returns", news, "news", now.minusSeconds(7200), "Body.");
        quay = f.article("quay-reopens", "The east quay reopens", news, "news", now.minusSeconds(3600), "Body.");
        t.contentChanged();
        quayPath = Paths.article(ZoneOffset.UTC, "quay-reopens", now.minusSeconds(3600));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static Document quayPage() {
        var r = t.get(quayPath);
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void theArticleAndTheStoriesBesideItFollowAnnouncedChanges() {
        assertThat(quayPage().select("h1").text()).isEqualTo("The east quay reopens");
        assertThat(quayPage().text()).contains("The night ferry returns");

        // both headlines change behind the app's back (no notice, triggers off), then the ferry's change is
        // announced as the desk announces it: the quay's page shows both as they are now
        t.fixtures.unannounced(
                "update articles set headline = 'The east quay stays shut' where id = " + quay,
                "update articles set headline = 'The night ferry is cancelled', deck = 'No sailings.' where id = "
                        + ferry);
        t.fixtures.jdbi().useTransaction(h -> ContentChanges.announceArticles(h, List.of(ferry)));

        Waiting.fewSeconds().untilAsserted(() -> {
            Document page = quayPage();
            assertThat(page.select("h1").text()).isEqualTo("The east quay stays shut");
            assertThat(page.text()).contains("The night ferry is cancelled").doesNotContain("The night ferry returns");
        });
    }

    @Test
    void searchTakingAChangeInLeavesTheKeptReadsAlone() {
        var f = t.fixtures;
        long harbour = f.section("harbour", "Harbour");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        long pier = f.article("pier-repaired", "The pier is repaired", harbour, "news", at, "Body.");
        long tug = f.article("tug-launched", "A new tug is launched", harbour, "news", at.minusSeconds(60), "Body.");
        t.contentChanged();
        t.awaitSearch(); // (a page read before search has the article, without its related stories, is not kept)
        String pierPath = Paths.article(ZoneOffset.UTC, "pier-repaired", at);
        assertThat(Jsoup.parse(t.get(pierPath).body()).select("h1").text()).isEqualTo("The pier is repaired");

        // the pier's headline changes behind the app's back; the tug's in a transaction the search index's
        // change log hears of (triggers on) but nothing announces: only search takes it in, and drops its pages
        f.unannounced("update articles set headline = 'The pier is half repaired' where id = " + pier);
        f.jdbi().useHandle(h -> h.execute("update articles set headline = 'A tugboat christened' where id = " + tug));
        t.awaitSearch();
        Waiting.fewSeconds()
                .untilAsserted(
                        () -> assertThat(t.get("/search?q=christened").body()).contains("A tugboat christened"));

        // what the pier's page renders from was kept: search's drop is no content change
        assertThat(Jsoup.parse(t.get(pierPath).body()).select("h1").text()).isEqualTo("The pier is repaired");
        // an announced change is
        f.jdbi().useTransaction(h -> ContentChanges.announceArticles(h, List.of(pier)));
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(
                                Jsoup.parse(t.get(pierPath).body()).select("h1").text())
                        .isEqualTo("The pier is half repaired"));
    }

    @Test
    void aNewCommentShowsOnThePageRenderedNext() {
        assertThat(quayPage().select(".article-comments__list .comment__body").eachText())
                .doesNotContain("The quay was busy this morning.");

        // the comments table's trigger announces the article's comments
        t.fixtures.jdbi().useHandle(h -> h.createUpdate("""
                        insert into comments (article_id, author_name, body, body_html, status, needs_review)
                        values (:a, 'Reader', 'The quay was busy this morning.',
                                '<p>The quay was busy this morning.</p>', 'visible', false)""").bind("a", quay).execute());

        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(quayPage()
                                .select(".article-comments__list .comment__body")
                                .eachText())
                        .contains("The quay was busy this morning."));
    }
}
