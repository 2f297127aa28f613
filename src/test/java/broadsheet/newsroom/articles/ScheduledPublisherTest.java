package broadsheet.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDb;
import broadsheet.testing.Waiting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScheduledPublisherTest {

    static Database db;
    static Jdbi jdbi;
    static long section;

    @BeforeAll
    static void setUp() {
        db = TestDb.fresh();
        jdbi = db.jdbi();
        section = jdbi.withHandle(
                h -> h.createQuery("insert into sections (slug, name) values ('city', 'City') returning id")
                        .mapTo(Long.class)
                        .one());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static List<Long> schedule(String prefix, int n, String when) {
        List<Long> ids = new ArrayList<>();
        jdbi.useHandle(h -> {
            for (int i = 0; i < n; i++) {
                ids.add(h.createQuery(
                                "insert into articles (slug, headline, section_id, status, published_at) values (?, ?, ?, 'scheduled', "
                                        + when + ") returning id")
                        .bind(0, prefix + "-" + i)
                        .bind(1, "Item " + i)
                        .bind(2, section)
                        .mapTo(Long.class)
                        .one());
            }
        });
        return ids;
    }

    @Test
    void publishesOnlyWhatIsDue() {
        List<Long> due = schedule("due", 3, "now() - interval '1 minute'");
        List<Long> later = schedule("later", 2, "now() + interval '1 hour'");
        assertThat(new ScheduledPublisher(jdbi).runOnce()).isEqualTo(3);
        assertThat(statuses(due)).containsOnly("published");
        assertThat(statuses(later)).containsOnly("scheduled");
        assertThat(new ScheduledPublisher(jdbi).runOnce()).isZero();
        String actor = jdbi.withHandle(
                h -> h.createQuery("select actor_label from audit_log where subject_id = :id and action = 'published'")
                        .bind("id", due.get(0))
                        .mapTo(String.class)
                        .one());
        assertThat(actor).isEqualTo("system");
    }

    @Test
    void twoPublishersRacingPublishEachArticleExactlyOnce() throws Exception {
        List<Long> ids = schedule("race", 120, "now() - interval '5 seconds'");
        ScheduledPublisher a = new ScheduledPublisher(jdbi);
        ScheduledPublisher b = new ScheduledPublisher(jdbi);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> passes = new ArrayList<>();
        for (ScheduledPublisher p : List.of(a, b, a, b)) {
            passes.add(() -> {
                go.await();
                return p.runOnce();
            });
        }
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> c : passes) results.add(pool.submit(c));
        go.countDown();
        int published = 0;
        for (Future<Integer> f : results) published += f.get();
        pool.shutdown();
        assertThat(published).isEqualTo(120);
        assertThat(statuses(ids)).containsOnly("published");
        List<Map<String, Object>> counts = jdbi.withHandle(h -> h.createQuery("""
                select subject_id, count(*) as n from audit_log
                 where action = 'published' and subject_type = 'article' and subject_id = any(:ids) group by subject_id""")
                .bind("ids", ids.toArray(Long[]::new))
                .mapToMap()
                .list());
        assertThat(counts)
                .hasSize(120)
                .allSatisfy(
                        row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
        a.close();
        b.close();
    }

    @Test
    void theTimerPublishesWithoutBeingAsked() throws Exception {
        List<Long> ids = schedule("timer", 1, "now()");
        try (ScheduledPublisher p = new ScheduledPublisher(jdbi).start(java.time.Duration.ofMillis(200))) {
            Waiting.upTo(java.time.Duration.ofSeconds(10))
                    .until(() -> statuses(ids).equals(List.of("published")));
        }
        assertThat(statuses(ids)).containsOnly("published");
    }

    @Test
    void servingRunsThePublisherOnItsOwn() {
        assertThat(broadsheet.Config.fromEnv(Map.of()).jobs())
                .as("serve runs the background jobs")
                .isTrue();
        try (TestApp app = new TestApp(TestApp.Options.defaults().withJobs())) {
            long city = app.fixtures.section("harbour", "Harbour");
            long id = app.db
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "insert into articles (slug, headline, section_id, status, published_at) "
                                            + "values ('served', 'Served', :s, 'scheduled', now()) returning id")
                            .bind("s", city)
                            .mapTo(Long.class)
                            .one());
            // the app's publisher makes its first pass a second after start
            Waiting.upTo(java.time.Duration.ofSeconds(10))
                    .until(() -> app.db
                            .jdbi()
                            .withHandle(h -> h.createQuery("select status from articles where id = :id")
                                    .bind("id", id)
                                    .mapTo(String.class)
                                    .one())
                            .equals("published"));
        }
    }

    static List<String> statuses(List<Long> ids) {
        return jdbi.withHandle(h -> h.createQuery("select status from articles where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .mapTo(String.class)
                .list());
    }
}
