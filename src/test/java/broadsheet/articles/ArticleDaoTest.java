package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Cursor;
import broadsheet.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The list queries, run often enough that PostgreSQL switches to its reused (generic) plans. */
class ArticleDaoTest {

    static TestApp t;
    static ArticleDao dao;
    static long news;
    static long sport;
    static long big;
    static long small;
    static final List<Long> newestFirst = new ArrayList<>();
    static final List<Long> bigTopic = new ArrayList<>();
    static final List<Long> smallTopic = new ArrayList<>();
    static final List<Long> sportSection = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        var f = t.fixtures;
        news = f.section("news", "News");
        sport = f.section("sport", "Sport");
        big = f.topic("harbour", "Harbour", "place");
        small = f.topic("ferry-strike", "Ferry strike", "subject");
        long unrelated = f.topic("budget", "Budget", "subject");
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        for (int i = 0; i < 60; i++) {
            boolean inSport = i % 3 == 0;
            long id = f.article(
                    "story-" + i,
                    "Story " + i,
                    inSport ? sport : news,
                    "news",
                    start.plus(Duration.ofHours(i)),
                    "Body of story " + i + ".");
            newestFirst.add(0, id);
            if (inSport) sportSection.add(0, id);
            f.tag(id, i % 5 == 0 ? unrelated : big);
            if (i % 17 == 0) {
                f.tag(id, small);
                smallTopic.add(0, id);
            }
            if (i % 5 != 0) bigTopic.add(0, id);
        }
        // a draft is never listed
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "insert into articles (slug, headline, section_id, status) values ('draft-story', 'Draft', ?, 'draft')",
                        news));
        dao = new ArticleDao(t.db.jdbi());
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    /** Every page of a list, following the cursor of each page's last item. */
    static List<Long> allPages(ListFilter filter, int pageSize) {
        List<Long> ids = new ArrayList<>();
        Cursor after = Cursor.first();
        while (true) {
            List<ArticleSummary> page = dao.latest(filter, after, pageSize);
            page.forEach(a -> ids.add(a.id()));
            if (page.size() < pageSize) return ids;
            ArticleSummary last = page.get(page.size() - 1);
            after = new Cursor(last.publishedAt(), last.id());
        }
    }

    @Test
    void pagesThroughEveryListNewestFirstWithoutGapsOrRepeats() {
        // ten rounds: past the five executions after which the server may switch to a generic plan
        for (int round = 0; round < 10; round++) {
            assertThat(allPages(ListFilter.all(), 7)).isEqualTo(newestFirst);
            assertThat(allPages(ListFilter.section(sport), 4)).isEqualTo(sportSection);
            assertThat(allPages(ListFilter.topic(big), 9)).isEqualTo(bigTopic);
            assertThat(allPages(ListFilter.topic(small), 9)).isEqualTo(smallTopic);
        }
    }

    @Test
    void firstPageExcludesWhatIsAlreadyShown() {
        List<Long> shown = newestFirst.subList(0, 3);
        for (int round = 0; round < 8; round++) {
            assertThat(dao.latest(ListFilter.notIn(ListFilter.all(), shown), Cursor.first(), 4))
                    .extracting(ArticleSummary::id)
                    .isEqualTo(newestFirst.subList(3, 7));
            assertThat(dao.latest(ListFilter.notIn(ListFilter.topic(big), shown), Cursor.first(), 2))
                    .extracting(ArticleSummary::id)
                    .doesNotContainAnyElementsOf(shown)
                    .hasSize(2);
        }
    }

    @Test
    void byIdsKeepsTheGivenOrderAndBySlugsFindsEachOnce() {
        List<Long> wanted = List.of(newestFirst.get(10), newestFirst.get(2), -1L, newestFirst.get(30));
        for (int round = 0; round < 8; round++) {
            assertThat(dao.byIds(wanted))
                    .extracting(ArticleSummary::id)
                    .containsExactly(newestFirst.get(10), newestFirst.get(2), newestFirst.get(30));
            assertThat(dao.bySlugs(List.of("story-4", "story-9", "story-4", "draft-story", "no-such-story")))
                    .containsOnlyKeys("story-4", "story-9");
        }
        assertThat(IntStream.range(1, 6)
                        .mapToObj(n -> dao.byIds(newestFirst.subList(0, n)).size()))
                .containsExactly(1, 2, 3, 4, 5);
    }
}
