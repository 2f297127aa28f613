package broadsheet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.newsroom.articles.ScheduledPublisher;
import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node whose clock is five minutes fast still publishes on time by the database's clock, and once.
 * The database here runs five minutes behind this JVM: its {@code now()} is overridden by a function
 * that {@code search_path} finds before PostgreSQL's own, for every new connection to it.
 */
class DatabaseClockTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.create();

    @Test
    void scheduledPublishingGoesByTheDatabasesClockNotTheNodes() throws Exception {
        TestApp t = app.get();
        long section = t.fixtures.section("clock", "Clock");
        Instant nodeNow = Instant.now();
        long dueByNodeOnly = scheduled(t, section, "due-by-the-node-only", nodeNow.minus(Duration.ofMinutes(2)));
        long dueByDatabase = scheduled(
                t,
                section,
                "due-by-the-database",
                nodeNow.minus(Duration.ofMinutes(5).plusSeconds(5)));
        t.db.jdbi().useHandle(h -> {
            h.execute("create schema clock");
            h.execute("create function clock.now() returns timestamptz language sql stable"
                    + " as $$ select pg_catalog.now() - interval '5 minutes' $$");
            h.execute("do $$ begin execute format('alter database %I set search_path = public, clock, pg_catalog',"
                    + " current_database()); end $$");
        });
        try (Database slowClock = TestDb.another(t.db)) {
            Instant dbNow = slowClock
                    .jdbi()
                    .withHandle(h ->
                            h.createQuery("select now()").mapTo(Instant.class).one());
            assertThat(Duration.between(dbNow, nodeNow).abs().minusMinutes(5).abs())
                    .isLessThan(Duration.ofSeconds(30));

            // three nodes' publishers at once: one publishes, none twice, none early
            var runs = java.util.stream.Stream.generate(() ->
                            CompletableFuture.supplyAsync(() -> new ScheduledPublisher(slowClock.jdbi()).runOnce()))
                    .limit(3)
                    .toList();
            int published = runs.stream().mapToInt(CompletableFuture::join).sum();
            assertThat(published).isEqualTo(1);
            assertThat(status(t, dueByDatabase)).isEqualTo("published");
            assertThat(status(t, dueByNodeOnly))
                    .as("not yet due by the database's clock")
                    .isEqualTo("scheduled");
            assertThat(new ScheduledPublisher(slowClock.jdbi()).runOnce()).isZero();
        }
    }

    private static long scheduled(TestApp t, long section, String slug, Instant at) {
        long id = t.fixtures.article(slug, slug, section, "news", at, "Body.");
        t.db.jdbi().useHandle(h -> h.execute("update articles set status = 'scheduled' where id = ?", id));
        return id;
    }

    private static String status(TestApp t, long id) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select status from articles where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }
}
