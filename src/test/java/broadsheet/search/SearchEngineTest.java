package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's promise to whoever waits for a change (a staff search right after saving, the tests). */
class SearchEngineTest {

    @TempDir
    Path dir;

    Database db;
    SearchEngine engine;
    volatile CountDownLatch entered;
    volatile CountDownLatch release;

    @BeforeEach
    void setUp() {
        db = TestDb.fresh();
        engine = new SearchEngine(db.dataSource(), new SearchDao(db.jdbi()), dir.resolve("search"), () -> {
            CountDownLatch in = entered;
            CountDownLatch out = release;
            if (in == null) return;
            in.countDown();
            try {
                out.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
    }

    @AfterEach
    void tearDown() {
        if (release != null) release.countDown();
        engine.close();
        db.close();
    }

    /**
     * "Caught up" means the pages made from the index before the change are gone too: a search page cached a
     * moment before a publish was served after the engine said the publish was applied (SearchSyncTest failed
     * so on a busy machine: the follower had marked the change applied and not yet dropped the pages).
     */
    @Test
    void aChangeCountsAsAppliedOnlyOnceThePagesMadeBeforeItAreDropped() throws InterruptedException {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        long section = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "insert into sections (slug, name, position) values ('engine', 'Engine', 99) returning id")
                        .mapTo(Long.class)
                        .one());
        db.jdbi()
                .useHandle(h -> h.execute(
                        "insert into articles (slug, headline, body, section_id, status, published_at)"
                                + " values ('bridge', 'Engineers open the bridge', 'Traffic flowed.', ?, 'published', now())",
                        section));
        // the follower has the change in its searchers and is dropping the cached pages, held here
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.awaitCaughtUp(Duration.ofMillis(200))).isFalse();
        release.countDown();
        assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        assertThat(engine.lag()).isZero();
    }
}
