package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.mail.MailConfig;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDb;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index follows the database whoever writes to it: every change becomes searchable (or gone) without
 * a restart (how fast is a benchmark figure, measured by bench-search, not a test's), a node that was down catches up, a lost or damaged index is rebuilt, and {@code reindex}
 * builds a new one beside the old while the server keeps answering.
 */
class SearchSyncTest {

    @TempDir
    Path dataDir;

    Database db;
    Fixtures f;
    App app;
    SearchPaper p;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        db = TestDb.fresh();
        f = newFixtures();
        p = new SearchPaper(f);
        start();
    }

    @AfterEach
    void tearDown() {
        if (app != null) app.close();
        db.close();
    }

    private Fixtures newFixtures() {
        try {
            var c = Fixtures.class.getDeclaredConstructor(org.jdbi.v3.core.Jdbi.class, Path.class, Runnable.class);
            c.setAccessible(true);
            Runnable nothing = () -> {}; // these tests announce their changes themselves
            return c.newInstance(db.jdbi(), dataDir.resolve("media"), nothing);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void start() {
        Config config = new Config(
                0, dataDir, "jdbc:test", "https://news.example", true, false, MailConfig.fromEnv(java.util.Map.of()));
        app = App.start(config, db);
        assertThat(app.searchEngine().awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        for (int i = 0; i < 5; i++) found("warm up " + i); // the first searches load and compile the code they run
    }

    private void stop() {
        app.close();
        app = null;
    }

    List<String> found(String words) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/search?q="
                                    + URLEncoder.encode(words, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return Jsoup.parse(r.body()).select(".search-hit__headline a").eachText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until this node has applied what was just written (its searchers see it then), after which the
     * search for {@code words} must find (or no longer find) the headline; returns the wait, which is logged.
     */
    long millisUntil(String words, String headline, boolean present) {
        long start = System.nanoTime();
        assertThat(app.searchEngine().awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        long ms = (System.nanoTime() - start) / 1_000_000;
        org.slf4j.LoggerFactory.getLogger(SearchSyncTest.class).info("“{}” applied after {} ms", words, ms);
        if (present) assertThat(found(words)).contains(headline);
        else assertThat(found(words)).doesNotContain(headline);
        return ms;
    }

    void sql(String statement, Object... args) {
        db.jdbi().useHandle(h -> h.execute(statement, args));
    }

    @Test
    void publishingEditingAndUnpublishingShowInSearch() {
        long id = f.article(
                "new-bridge",
                "Engineers open the suspension bridge",
                p.politics,
                "news",
                p.now,
                "Traffic flowed at dawn.");
        millisUntil("suspension bridge", "Engineers open the suspension bridge", true);
        sql("update articles set headline = 'Engineers open the rope bridge', deck = '' where id = ?", id);
        millisUntil("rope bridge", "Engineers open the rope bridge", true);
        assertThat(found("suspension")).isEmpty();
        sql("update articles set status = 'unpublished' where id = ?", id);
        millisUntil("rope bridge", "Engineers open the rope bridge", false);
        sql("update articles set status = 'published' where id = ?", id);
        millisUntil("rope bridge", "Engineers open the rope bridge", true);
        sql("delete from articles where id = ?", id);
        millisUntil("rope bridge", "Engineers open the rope bridge", false);
    }

    @Test
    void correctionsRenamesAndAccessChangesReachTheIndex() {
        String harbour = "Harbour ports expand to meet shipping demand";
        f.correction(p.harbour, "correction", "An earlier version misnamed the dredger Neptunia.", p.now);
        millisUntil("Neptunia", harbour, true);
        sql("update authors set name = 'Ada Quillon' where id = ?", p.ada);
        millisUntil("Quillon", harbour, true);
        sql("update topics set name = 'Seaport' where id = ?", p.harbourTopic);
        millisUntil("seaport", harbour, true);
        // the second paragraph is behind the paywall once the article is for subscribers
        assertThat(found("double capacity")).contains(harbour);
        f.access(p.harbour, "subscribers");
        millisUntil("double capacity", harbour, false);
        assertThat(found("eastern quay")).contains(harbour); // the first paragraph stays free
    }

    /**
     * A node whose every pooled connection is busy (requests queued on a slow page) still takes a publish into
     * search at once: the follower reads the change log and the article on its own connection.
     */
    @Test
    void aChangeReachesSearchWhileEveryPooledConnectionIsBusy() throws Exception {
        List<java.sql.Connection> held = new java.util.ArrayList<>();
        try {
            while (true) held.add(db.pool().getConnection()); // until the pool has none left to give
        } catch (java.sql.SQLException poolEmpty) {
            assertThat(held).isNotEmpty();
        }
        try {
            long id;
            try (var insert = held.get(0).prepareStatement("""
                    insert into articles (slug, headline, deck, body, section_id, kind, status, published_at, updated_at)
                    values ('busy-pool', 'Ferry timetable doubles in winter', '', 'More crossings.', ?, 'news',
                            'published', now(), now()) returning id""")) {
                insert.setLong(1, p.politics);
                try (var rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int hits = 0;
            while (hits == 0 && System.nanoTime() < deadline) {
                hits = app.searchEngine()
                        .index()
                        .orElseThrow()
                        .read((searcher, facets) ->
                                searcher.count(new org.apache.lucene.search.TermQuery(Documents.articleKey(id))));
                if (hits == 0) sleep(20);
            }
            assertThat(hits)
                    .as("the article is in this node's index while the pool is exhausted")
                    .isEqualTo(1);
        } finally {
            for (java.sql.Connection c : held) c.close();
        }
    }

    @Test
    void aNodeStartedAfterChangesCatchesUp() {
        stop();
        f.article(
                "while-down",
                "Lighthouse keeper retires after forty years",
                p.politics,
                "news",
                p.now,
                "A last watch.");
        sql("update articles set status = 'unpublished' where id = ?", p.cycling);
        start();
        assertThat(found("lighthouse keeper")).containsExactly("Lighthouse keeper retires after forty years");
        assertThat(found("cycling lanes")).isEmpty();
    }

    @Test
    void aDeletedOrDamagedIndexIsRebuiltOnStart() throws IOException {
        stop();
        deleteTree(dataDir.resolve("search"));
        start();
        assertThat(found("container cranes")).containsExactly("Harbour ports expand to meet shipping demand");
        stop();
        Path gen = Files.readString(dataDir.resolve("search/current"))
                .strip()
                .transform(dataDir.resolve("search")::resolve);
        try (Stream<Path> files = Files.list(gen)) {
            for (Path file : files.filter(x -> !x.getFileName().toString().equals("write.lock"))
                    .toList()) Files.write(file, new byte[] {1, 2, 3, 4});
        }
        start();
        assertThat(found("container cranes")).containsExactly("Harbour ports expand to meet shipping demand");
    }

    @Test
    void anIndexWrittenByAnOlderVersionIsRebuiltOnStart() throws IOException {
        stop();
        Path search = dataDir.resolve("search");
        Path gen = search.resolve(Files.readString(search.resolve("current")).strip());
        // an index as an older version left it: another schema mark, and here without the documents
        // a rebuild would bring back (the change log has nothing newer to replay)
        try (var dir = org.apache.lucene.store.FSDirectory.open(gen);
                var w = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(Analyzers.perField()))) {
            java.util.Map<String, String> data = map(w);
            data.put(SearchIndex.SCHEMA, "1");
            w.deleteAll();
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        start();
        assertThat(found("container cranes")).containsExactly("Harbour ports expand to meet shipping demand");
        assertThat(Files.readString(search.resolve("current")).strip())
                .isNotEqualTo(gen.getFileName().toString());
    }

    private static java.util.Map<String, String> map(org.apache.lucene.index.IndexWriter w) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        if (w.getLiveCommitData() != null) for (var e : w.getLiveCommitData()) m.put(e.getKey(), e.getValue());
        return m;
    }

    @Test
    void reindexBuildsANewGenerationWhileTheServerAnswersAndTheServerSwitchesToIt() throws IOException {
        String before = Files.readString(dataDir.resolve("search/current")).strip();
        StringWriter out = new StringWriter();
        String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
        int code = Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "reindex",
                "--database-url",
                url,
                "--data-dir",
                dataDir.toString());
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("of 5 articles")
                .containsPattern("Reindexed 5 articles and 1 photos in [0-9.]+ s");
        String after = Files.readString(dataDir.resolve("search/current")).strip();
        assertThat(after).isNotEqualTo(before);
        // the server picks the new generation up and goes on following the change log in it
        long id = f.article(
                "after-reindex",
                "Orchard growers count a record harvest",
                p.business,
                "news",
                p.now,
                "Apples everywhere.");
        millisUntil("orchard harvest", "Orchard growers count a record harvest", true);
        assertThat(found("container cranes")).containsExactly("Harbour ports expand to meet shipping demand");
        assertThat(id).isPositive();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
