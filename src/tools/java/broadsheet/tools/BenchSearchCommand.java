package broadsheet.tools;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.search.Generations;
import broadsheet.search.Rebuild;
import broadsheet.search.Related;
import broadsheet.search.Search;
import broadsheet.search.SearchDao;
import broadsheet.search.SearchRequest;
import broadsheet.subscriptions.StripeConfig;
import broadsheet.tools.BenchSearchQueries.Query;
import broadsheet.tools.BenchSearchQueries.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The search benchmark on a bench-data archive: a full reindex (time, documents per second, size on
 * disk, heap), then with the site started in this process (page cache off) each kind of query at 16
 * connections over HTTP and straight to the engine, publish-to-searchable, the Related block
 * uncached, and PostgreSQL's full-text search on the same queries in the same run. Prints a Markdown
 * report for docs/benchmarks.md; progress goes to standard error.
 */
@Command(
        name = "bench-search",
        description = "Measure search on a bench-data archive: reindex, queries at 16 connections, publish to"
                + " searchable, Related, and PostgreSQL full-text search on the same queries.")
final class BenchSearchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "Seconds per query kind and engine (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--samples",
            defaultValue = "200",
            description = "Publish and Related samples (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--no-postgres", description = "Skip the PostgreSQL full-text comparison (it builds a GIN index).")
    boolean noPostgres;

    @Option(names = "--keep-index", description = "Measure on the index there is instead of rebuilding it first.")
    boolean keepIndex;

    @Option(names = "--seed", defaultValue = "11")
    long seed;

    @Option(
            names = "--client",
            defaultValue = "jvm",
            description = "Who asks the HTTP rows: jvm (this process's HTTP client, as before 8 December) or wrk (wrk"
                    + " in its own process, 2 threads, the same queries in turn), so the client's CPU is not the"
                    + " server's (default ${DEFAULT-VALUE}).")
    String client;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        Config c = common.config();
        Config config = new Config(
                0,
                c.dataDir(),
                c.databaseUrl(),
                "http://localhost",
                false,
                false,
                c.mail(),
                StripeConfig.none(),
                false);
        StringBuilder out = new StringBuilder();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            long articles =
                    jdbi.withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
                            .mapTo(Long.class)
                            .one());
            if (articles == 0) throw new Main.UserError("no articles: run bench-data first");
            out.append(String.format(
                    Locale.ROOT,
                    "Machine: %d cores; %s; load before: %s. Data: %,d published articles; %d clients; %d s per row.%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                    Files.readString(Path.of("/proc/loadavg")).strip(),
                    articles,
                    threads,
                    seconds));
            if (!keepIndex) out.append(reindex(jdbi, config.dataDir().resolve("search")));
            List<Type> types = BenchSearchQueries.draw(jdbi, seed, 200);
            try (App app = App.start(config, db)) {
                String base = "http://localhost:" + app.port();
                Search search = new Search(app.searchEngine());
                long wait = System.nanoTime();
                while (!search.ready()) {
                    if (System.nanoTime() - wait > 600_000_000_000L)
                        throw new IllegalStateException("index not ready after 10 min");
                    Thread.sleep(100);
                }
                progress("warming up");
                for (Type t : types) for (Query q : t.queries()) get(base + q.path());
                out.append(
                        "\nQueries over HTTP (the whole results page: hits, facet counts, snippets; page cache off; client: "
                                + client + "):\n\n");
                out.append(Timings.header("query"));
                if (!client.equals("jvm") && !client.equals("wrk"))
                    throw new broadsheet.cli.Main.UserError("--client is jvm or wrk, not " + client);
                for (Type t : types) {
                    progress("HTTP (" + client + "): " + t.name());
                    if (client.equals("wrk")) {
                        List<String> paths =
                                t.queries().stream().map(Query::path).toList();
                        out.append(WrkRun.run(new BenchApiCommand.Wrk(base, paths, "same"), threads, seconds)
                                .row(t.name()));
                    } else {
                        out.append(together(t, q -> get(base + q.path())).row(t.name()));
                    }
                }
                out.append("\nThe same queries straight to the engine (in this process, no HTTP, no page):\n\n");
                out.append(Timings.header("query"));
                Instant now = Instant.now();
                for (Type t : types) {
                    progress("engine: " + t.name());
                    out.append(together(t, q -> search.search(q.request(), ZoneOffset.UTC, now))
                            .row(t.name()));
                }
                out.append("\n").append(Timings.header("change"));
                out.append(publishToSearchable(jdbi, search).row("publish to searchable (an edited headline)"));
                out.append(
                        related(jdbi, new Related(app.searchEngine(), jdbi)).row("Related for an article, uncached"));
                System.gc();
                out.append(String.format(
                        Locale.ROOT,
                        "%nHeap in use with the site running and the index open, after a full GC: %,d MiB.%n",
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20));
            }
            if (!noPostgres) out.append(postgres(jdbi, types));
        }
        System.out.println(out);
        return 0;
    }

    private static void progress(String what) {
        System.err.println("bench-search: " + what);
    }

    private String reindex(Jdbi jdbi, Path root) throws Exception {
        Generations generations = new Generations(root);
        var memory = ManagementFactory.getMemoryMXBean();
        long[] peak = {0};
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long[] last = {0};
        Rebuild.Result r = new Rebuild(new SearchDao(jdbi)).into(generations, (done, total, elapsed) -> {
            if (System.nanoTime() - last[0] < 5_000_000_000L) return;
            last[0] = System.nanoTime();
            double rate = done / Math.max(0.001, elapsed.toNanos() / 1e9);
            progress(String.format(
                    Locale.ROOT,
                    "reindex %,d of %,d, %,.0f/s, about %.0f s left",
                    done,
                    total,
                    rate,
                    (total - done) / Math.max(1, rate)));
        });
        sampler.interrupt();
        generations.point(r.generation());
        generations.deleteOlderThan(r.generation());
        long bytes;
        try (Stream<Path> files = Files.walk(r.generation())) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
        double s = r.took().toMillis() / 1000.0;
        return String.format(
                Locale.ROOT,
                "Full reindex: %,d articles and %,d photos in %.0f s (%,.0f documents/s); index on disk %,d MiB;"
                        + " heap in use at most %,d MiB (sampled every 100 ms, of a %,d MiB maximum).%n",
                r.articles(),
                r.photos(),
                s,
                (r.articles() + r.photos()) / Math.max(0.001, s),
                bytes >> 20,
                peak[0] >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }

    /** What one client does with a query. */
    private interface Ask {
        void run(Query q) throws Exception;
    }

    private Timings together(Type t, Ask ask) throws Exception {
        List<Query> qs = t.queries();
        return Timings.together(threads, seconds, thread -> i -> ask.run(qs.get((thread * 37 + i) % qs.size())));
    }

    private void get(String url) {
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An editor's change to a headline, from its commit to the moment this node's searches find it. */
    private Timings publishToSearchable(Jdbi jdbi, Search search) throws InterruptedException {
        progress("publish to searchable");
        Random rnd = new Random(seed);
        List<Long> ids = sample(jdbi, samples);
        long[] nanos = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            String word = "zq" + Long.toString(Math.abs(rnd.nextLong()), 36).replaceAll("[0-9]", "x");
            long id = ids.get(i);
            String old = jdbi.withHandle(h -> h.createQuery("select headline from articles where id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
            jdbi.useHandle(h -> h.execute("update articles set headline = ? where id = ?", word + " " + old, id));
            long t0 = System.nanoTime();
            SearchRequest q = new SearchRequest(word, SearchRequest.Order.RELEVANCE, "", "", "", "", "", null, null, 1);
            while (search.search(q, ZoneOffset.UTC, Instant.now()).total() == 0) {
                if (System.nanoTime() - t0 > 10_000_000_000L)
                    throw new IllegalStateException(word + " not found after 10 s");
                Thread.sleep(2);
            }
            nanos[i] = System.nanoTime() - t0;
            jdbi.useHandle(h -> h.execute("update articles set headline = ? where id = ?", old, id));
        }
        return Timings.of(nanos);
    }

    private Timings related(Jdbi jdbi, Related related) {
        progress("Related");
        List<Long> ids = sample(jdbi, samples);
        long[] nanos = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            List<String> topics = jdbi.withHandle(h -> h.createQuery(
                            "select t.slug from article_topics x join topics t on t.id = x.topic_id where x.article_id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .list());
            long t0 = System.nanoTime();
            related.of(id, topics, Set.of());
            nanos[i] = System.nanoTime() - t0;
        }
        return Timings.of(nanos);
    }

    private List<Long> sample(Jdbi jdbi, int n) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id from articles where status = 'published' order by md5(id::text || :seed) limit :n")
                .bind("seed", String.valueOf(seed))
                .bind("n", n)
                .mapTo(Long.class)
                .list());
    }

    /**
     * PostgreSQL's full-text search as a paper would set it up: a table of weighted vectors (headline A,
     * deck B, body) with a GIN index, ranked by ts_rank; ids only (no facets, no snippets).
     */
    private String postgres(Jdbi jdbi, List<Type> types) throws Exception {
        StringBuilder out =
                new StringBuilder("\nPostgreSQL full-text search on the same queries (ranked ids only):\n\n");
        boolean exists = jdbi.withHandle(h -> h.createQuery("select to_regclass('bench_fts') is not null")
                .mapTo(Boolean.class)
                .one());
        if (!exists) {
            progress("PostgreSQL: building the vectors and their GIN index");
            long t0 = System.nanoTime();
            jdbi.useHandle(h -> {
                h.execute("""
                        create table bench_fts as
                        select id, section_id, kind, published_at,
                               setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', deck), 'B')
                               || to_tsvector('english', body) as v
                          from articles where status = 'published'""");
                h.execute("create index bench_fts_v on bench_fts using gin (v)");
                h.execute("analyze bench_fts");
            });
            out.append(String.format(
                    Locale.ROOT, "Built the vectors and GIN index in %.0f s; ", (System.nanoTime() - t0) / 1e9));
        }
        long size = jdbi.withHandle(h -> h.createQuery("select pg_total_relation_size('bench_fts')")
                .mapTo(Long.class)
                .one());
        out.append(String.format(Locale.ROOT, "table and index %,d MiB.%n%n", size >> 20));
        out.append(Timings.header("query"));
        for (Type t : types) {
            progress("PostgreSQL: " + t.name());
            out.append(together(
                            t,
                            q -> jdbi.useHandle(h -> {
                                StringBuilder sql = new StringBuilder(
                                        "select id from bench_fts, websearch_to_tsquery('english', :q) q where v @@ q");
                                if (q.sectionId() != null) sql.append(" and section_id = :s and kind = :k");
                                if (q.from() != null) sql.append(" and published_at >= :from and published_at < :to");
                                sql.append(" order by ts_rank(v, q) desc limit 10");
                                var query = h.createQuery(sql.toString()).bind("q", q.words());
                                if (q.sectionId() != null)
                                    query.bind("s", q.sectionId()).bind("k", q.kind());
                                if (q.from() != null)
                                    query.bind("from", q.from()).bind("to", q.to());
                                query.mapTo(Long.class).list();
                            }))
                    .row(t.name()));
        }
        return out.toString();
    }
}
