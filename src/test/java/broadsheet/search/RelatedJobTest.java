package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Related" worked out in the background (RelatedJob) for an archive nobody has read yet. */
class RelatedJobTest {

    static TestApp t;
    static SearchPaper p;
    static Jdbi jdbi;
    static RelatedJob job;

    @BeforeAll
    static void setUp() {
        t = new TestApp(false);
        p = new SearchPaper(t.fixtures);
        jdbi = t.fixtures.jdbi();
        // an archive: more articles than one batch, none of them ever rendered
        for (int i = 0; i < RelatedJob.BATCH + 5; i++)
            t.fixtures.article(
                    "archive-story-" + i,
                    "Archive story " + i + " about the harbour cranes",
                    p.politics,
                    "news",
                    Instant.now().minus(Duration.ofDays(40 + i)),
                    "From the archive: container cranes at the quay, number " + i + ".");
        t.awaitSearch();
        job = new RelatedJob(new Related(t.app.searchEngine(), jdbi), jdbi);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @BeforeEach
    void nothingKept() {
        jdbi.useHandle(h -> h.execute("delete from article_related"));
    }

    static Map<Long, Integer> keptVersions() {
        return jdbi.withHandle(h -> h
                .createQuery("select article_id, version from article_related")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    static List<Long> published() {
        return jdbi.withHandle(h -> h.createQuery("select id from articles where status = 'published'")
                .mapTo(Long.class)
                .list());
    }

    @Test
    void everyPublishedArticleGetsItsListWithoutBeingRendered() {
        int stored = job.pass();

        Map<Long, Integer> kept = keptVersions();
        assertThat(kept.keySet()).containsExactlyInAnyOrderElementsOf(published());
        assertThat(kept).doesNotContainKey(p.draft);
        assertThat(stored).isEqualTo(kept.size());
        // what the page shows is what the job found (the render asks the index nothing)
        List<Long> harbourList = List.of(
                jdbi.withHandle(h -> h.createQuery("select related_ids from article_related where article_id = :id")
                        .bind("id", p.harbour)
                        .mapTo(Long[].class)
                        .one()));
        assertThat(harbourList).contains(p.opinion).doesNotContain(p.harbour, p.draft);
        jdbi.useHandle(h -> h.execute(
                "update article_related set related_ids = ? where article_id = ?", new Long[] {p.cycling}, p.harbour));
        Instant published = jdbi.withHandle(h -> h.createQuery("select published_at from articles where id = ?")
                .bind(0, p.harbour)
                .mapTo(Instant.class)
                .one());
        String path = broadsheet.web.Paths.article(java.time.ZoneOffset.UTC, "harbour-ports-expand", published);
        assertThat(Jsoup.parse(t.get(path).body())
                        .select("section.related .card__headline")
                        .eachText())
                .containsExactly("Council approves new cycling lanes");

        // a second pass finds nothing left to do
        assertThat(job.pass()).isZero();
    }

    @Test
    void anEditedArticleAndARecentStaleListAreWorkedOutAgainButAnOldArticlesListIsKept() {
        job.pass();
        long oldStory = jdbi.withHandle(h -> h.createQuery("select id from articles where slug = 'archive-story-0'")
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(h -> {
            h.execute("update articles set version = version + 1 where id = ?", p.cycling);
            h.execute(
                    "update article_related set found_at = now() - interval '2 days' where article_id in (?, ?)",
                    p.harbour,
                    oldStory);
        });

        assertThat(job.pass()).isEqualTo(2);

        Map<String, Object> harbour = jdbi.withHandle(h -> h.createQuery(
                        "select found_at > now() - interval '1 minute' as fresh from article_related where article_id = ?")
                .bind(0, p.harbour)
                .mapToMap()
                .one());
        assertThat(harbour).containsEntry("fresh", true);
        int cyclingVersion = jdbi.withHandle(h -> h.createQuery("select version from articles where id = ?")
                .bind(0, p.cycling)
                .mapTo(Integer.class)
                .one());
        assertThat(keptVersions()).containsEntry(p.cycling, cyclingVersion);
        boolean oldKept = jdbi.withHandle(h -> h.createQuery(
                        "select found_at < now() - interval '1 day' from article_related where article_id = ?")
                .bind(0, oldStory)
                .mapTo(Boolean.class)
                .one());
        assertThat(oldKept)
                .as("a 40-day-old article keeps its list until it changes")
                .isTrue();
    }

    @Test
    void whileAnotherNodeWorksThisOneWaitsForItsNextPass() {
        try (var other = jdbi.open()) {
            other.begin();
            other.createQuery("select pg_try_advisory_xact_lock(:k)")
                    .bind("k", 0x72656c61746564L)
                    .mapTo(Boolean.class)
                    .one();
            assertThat(job.pass()).isZero();
            assertThat(keptVersions()).isEmpty();
            other.rollback();
        }
        assertThat(job.pass()).isEqualTo(published().size());
    }
}
