package broadsheet.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.ContentChanges;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A published article's change (as the desk, the scheduler and the Admin API announce it) drops that
 * article's page and every page that lists articles, and keeps the other articles' cached pages: a busy
 * newsroom's publishing must not make every node render every article again.
 */
class ArticleChangeScopeTest {

    static TestApp t;
    static long quay;
    static long ferry;
    static String quayPath;
    static String ferryPath;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        var f = t.fixtures;
        long news = f.section("news", "News");
        quay = f.article(
                "quay-reopens", "The east quay reopens", news, "news", Instant.parse("2026-11-20T09:00:00Z"), "Body.");
        ferry = f.article(
                "ferry-returns",
                "The night ferry returns",
                news,
                "news",
                Instant.parse("2026-11-21T09:00:00Z"),
                "Body.");
        t.contentChanged();
        quayPath = "/2026/11/20/quay-reopens";
        ferryPath = "/2026/11/21/ferry-returns";
        // the search index takes the two articles in first: its change drops the search pages, and a page
        // rendered during a drop is not kept, which would make the cached pages below a matter of timing
        t.awaitSearch();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void anArticlesChangeDropsItsPageAndTheListsButNotOtherArticles() {
        List<String> lists = List.of("/", "/sections/news", "/feed.rss");
        assertThat(t.get(quayPath).body()).contains("The east quay reopens");
        assertThat(t.get(ferryPath).body()).contains("The night ferry returns");
        for (String path : lists) assertThat(t.get(path).statusCode()).as(path).isEqualTo(200);

        // Both headlines change behind the app's back (no notice, triggers off); then only the ferry's change
        // is announced, as the desk announces it
        t.fixtures.unannounced(
                "update articles set headline = 'The east quay stays shut' where id = " + quay,
                "update articles set headline = 'The night ferry is cancelled', deck = 'No sailings.' where id = "
                        + ferry);
        t.fixtures.jdbi().useTransaction(h -> ContentChanges.announceArticles(h, List.of(ferry)));

        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(t.get(ferryPath).body()).contains("The night ferry is cancelled"));
        for (String path : lists) {
            assertThat(t.get(path).body())
                    .as(path + " lists the changed article as it is now")
                    .contains("The night ferry is cancelled")
                    .doesNotContain("The night ferry returns");
        }
        // the other article's page was not dropped: still the page cached before
        assertThat(t.get(quayPath).body()).contains("The east quay reopens");

        // everything else (a setting, a section's name) still drops every page
        t.fixtures.jdbi().useTransaction(ContentChanges::announce);
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(t.get(quayPath).body()).contains("The east quay stays shut"));
    }

    @Test
    void manyArticlesAtOnceDropEverything() {
        List<Long> many =
                java.util.stream.LongStream.rangeClosed(1, 1_000).boxed().toList();
        t.get(quayPath);
        t.fixtures.unannounced("update articles set deck = 'A deck written for the many' where id = " + quay);
        assertThat(t.get(quayPath).body()).doesNotContain("A deck written for the many");
        // a notification holds 8,000 bytes: a thousand ids are announced as "everything changed"
        t.fixtures.jdbi().useTransaction(h -> ContentChanges.announceArticles(h, many));
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(t.get(quayPath).body()).contains("A deck written for the many"));
    }
}
