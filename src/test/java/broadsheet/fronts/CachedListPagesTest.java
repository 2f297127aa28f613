package broadsheet.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Author and topic pages and feeds: found or 404, and once cached served without asking the database. */
class CachedListPagesTest {

    static TestApp t;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        var f = t.fixtures;
        long news = f.section("news", "News");
        long ada = f.author("ada-quill", "Ada Quill");
        long harbour = f.topic("harbour", "Harbour", "place");
        long id = f.article(
                "quay-reopens", "The east quay reopens", news, "news", Instant.parse("2026-11-20T09:00:00Z"), "Body.");
        f.byline(id, ada, 0);
        f.tag(id, harbour);
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void unknownAuthorsAndTopicsAre404() {
        for (String path : List.of(
                "/authors/nobody",
                "/topics/nothing",
                "/authors/nobody/feed.rss",
                "/topics/nothing/feed.atom",
                "/topics/harbour/feed.xml")) {
            assertThat(t.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void cachedPagesNeedNoLookup() {
        List<String> paths = List.of(
                "/authors/ada-quill", "/topics/harbour", "/authors/ada-quill/feed.rss", "/topics/harbour/feed.json");
        for (String path : paths) {
            var r = t.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("The east quay reopens");
        }
        // Rename both behind the app's back (no content_changed, and with triggers off not even the search
        // index's change log hears of it): the cached pages are still served as they were.
        t.fixtures.unannounced(
                "update authors set slug = 'ada-renamed' where slug = 'ada-quill'",
                "update topics set slug = 'harbour-renamed' where slug = 'harbour'");
        for (String path : paths) assertThat(t.get(path).statusCode()).as(path).isEqualTo(200);
        t.contentChanged();
        for (String path : paths) assertThat(t.get(path).statusCode()).as(path).isEqualTo(404);
        assertThat(t.get("/topics/harbour-renamed").statusCode()).isEqualTo(200);
    }
}
