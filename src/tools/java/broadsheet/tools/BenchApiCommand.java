package broadsheet.tools;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.web.ApiPaths;
import broadsheet.web.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Content API benchmark: on a bench-data archive, starts the site in this process and measures over real
 * HTTP, at 16 connections, the article list and one article, each cached (the same answers again, kept by the
 * node until content changes) and uncached (every request a query the node has not answered: an extra query
 * parameter the API ignores, so each is read from PostgreSQL and made afresh). Prints a Markdown report.
 */
@Command(
        name = "bench-api",
        description = "Measure the Content API's article list and one article on a bench-data archive.")
final class BenchApiCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "Seconds per measurement (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--threads",
            defaultValue = "16",
            description = "Concurrent connections (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(
            names = "--rows",
            split = ",",
            description = "Only these rows, by number (1-5, in the report's order; default all), e.g. 2 for the"
                    + " uncached list alone under a profiler.")
    java.util.Set<Integer> rows;

    @Option(
            names = "--timeline",
            description = "Also write each row's requests second by second (100 ms slices: started, p50, slowest,"
                    + " over 25 ms) to DIR/row-N.csv, to tell pauses (slow slices) from queueing (slow everywhere).")
    java.nio.file.Path timeline;

    @Option(
            names = "--client",
            defaultValue = "jvm",
            description = "Who asks: jvm (this process's HTTP client, beside the server; the rows of docs/benchmarks.md"
                    + " before 8 December) or wrk (wrk in its own process, 2 threads, the same requests; the server"
                    + " then has this JVM to itself). Default ${DEFAULT-VALUE}.")
    String client;

    @Option(names = "--port", defaultValue = "0", description = "The site's HTTP port (default: any free one).")
    int port;

    /** Per row: what this JVM spent (the server's, and with --client jvm the client's too). */
    private final StringBuilder used = new StringBuilder();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        Config c = common.config();
        // no background jobs, as bench-search: over a fresh archive the related-stories job would take half a core
        // the environment's operator settings kept (DB_POOL=16 sizes the pool as for serve)
        Config config = new Config(
                port,
                c.dataDir(),
                c.databaseUrl(),
                "http://localhost",
                false,
                false,
                c.mail(),
                broadsheet.subscriptions.StripeConfig.none(),
                false,
                false,
                List.of(),
                List.of(),
                c.ops());
        StringBuilder out = new StringBuilder();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            long articles =
                    jdbi.withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
                            .mapTo(Long.class)
                            .one());
            if (articles == 0) throw new Main.UserError("no articles: run bench-data first");
            String key = newKey(jdbi);
            List<Long> ids = jdbi.withHandle(h -> h.createQuery(
                            "select id from articles where status = 'published' order by md5(id::text) limit 20000")
                    .mapTo(Long.class)
                    .list());
            String section = jdbi.withHandle(h -> h.createQuery(
                            "select s.slug from sections s join articles a on a.section_id = s.id group by s.slug order by count(*) desc limit 1")
                    .mapTo(String.class)
                    .one());
            out.append(String.format(
                    Locale.ROOT,
                    "Data: %,d published articles; %d connections (%s), %d s per row; a pool of %d; load average"
                            + " before: %s%n%n",
                    articles,
                    threads,
                    client,
                    seconds,
                    config.ops().dbPool(),
                    load()));
            try (App app = App.start(config, db)) {
                String base = "http://localhost:" + app.port();
                String list = ApiPaths.contentArticles() + "?key=" + key + "&include=authors,topics";
                AtomicLong unique = new AtomicLong();
                Random rnd = new Random(seed);
                // warm up the JIT, PostgreSQL's caches and the node's answers for the cached rows
                for (int i = 0; i < 2000; i++) {
                    get(base, list);
                    get(base, one(key, ids.get(i % 200)));
                }
                // each client of each row has a key of its own: a key may make at most 100,000 requests a minute
                // (counted for every node together), which one fast row of 16 clients passes in under a minute
                out.append(Timings.header("Content API request (" + threads + " at once)"));
                List<String> cachedLists = keys(jdbi, threads).stream()
                        .map(k -> list.replace(key, k))
                        .toList();
                // the same answer for each key, asked twice: the node keeps an answer from its second asking
                for (String l : cachedLists) for (int i = 0; i < 2; i++) get(base, l);
                row(
                        out,
                        1,
                        "article list, first page of 15 with authors and topics, cached",
                        () -> Timings.together(threads, seconds, t -> i -> get(base, cachedLists.get(t))),
                        new Wrk(base, cachedLists, "same"));
                List<String> uncachedLists = keys(jdbi, threads).stream()
                        .map(k -> list.replace(key, k))
                        .toList();
                row(
                        out,
                        2,
                        "article list, first page of 15 with authors and topics, uncached",
                        () -> Timings.together(
                                threads,
                                seconds,
                                t -> i -> get(base, uncachedLists.get(t) + "&bench=" + unique.incrementAndGet())),
                        new Wrk(base, uncachedLists, "unique"));
                List<String> sectionLists = keys(jdbi, threads).stream()
                        .map(k -> ApiPaths.contentArticles() + "?key=" + k + "&section=" + section)
                        .toList();
                row(
                        out,
                        3,
                        "article list of one section (" + section + "), uncached",
                        () -> Timings.together(
                                threads,
                                seconds,
                                t -> i -> get(base, sectionLists.get(t) + "&bench=" + unique.incrementAndGet())),
                        new Wrk(base, sectionLists, "unique"));
                List<String> cachedKeys = keys(jdbi, threads);
                for (String k : cachedKeys)
                    for (int i = 0; i < 400; i++) get(base, one(k, ids.get(i % 200))); // the same answers, kept
                row(
                        out,
                        4,
                        "one article (HTML body), cached",
                        () -> Timings.together(
                                threads,
                                seconds,
                                t -> i -> get(base, one(cachedKeys.get(t), ids.get((t * 31 + i) % 200)))),
                        new Wrk(
                                base,
                                java.util.stream.IntStream.range(0, 200 * threads)
                                        .mapToObj(i -> one(cachedKeys.get(i % threads), ids.get(i / threads)))
                                        .toList(),
                                "same"));
                List<String> uncachedKeys = keys(jdbi, threads);
                row(
                        out,
                        5,
                        "one article (HTML body), uncached, random across the archive",
                        () -> Timings.together(threads, seconds, t -> {
                            Random r = new Random(rnd.nextLong());
                            return i -> get(
                                    base,
                                    one(uncachedKeys.get(t), ids.get(r.nextInt(ids.size()))) + "&bench="
                                            + unique.incrementAndGet());
                        }),
                        new Wrk(
                                base,
                                java.util.stream.IntStream.range(0, ids.size())
                                        .mapToObj(i -> one(uncachedKeys.get(i % threads), ids.get(i)))
                                        .toList(),
                                "random"));
            }
            out.append(String.format(Locale.ROOT, "%n%s%nLoad average after: %s%n", used, load()));
        }
        System.out.println(out);
        return 0;
    }

    interface Row {
        Timings run() throws Exception;
    }

    /** A row's requests for wrk: {@code paths} asked as {@code mode} says (see bench/api.lua in the tools jar). */
    record Wrk(String base, List<String> paths, String mode) {}

    /**
     * Runs row {@code n} unless {@code --rows} leaves it out, with this process's client or wrk as {@code --client}
     * says, and writes its timeline when asked (this process's client only: wrk keeps no list of requests).
     */
    private void row(StringBuilder out, int n, String label, Row row, Wrk wrk) throws Exception {
        if (rows != null && !rows.contains(n)) return;
        JvmUse before = JvmUse.now();
        if (client.equals("wrk")) {
            WrkRun.Result r = WrkRun.run(wrk, threads, seconds);
            out.append(r.row(label));
            used.append(JvmUse.now().since(before, r.requests(), "row " + n));
            return;
        }
        if (!client.equals("jvm")) throw new Main.UserError("--client is jvm or wrk, not " + client);
        Timings t = row.run();
        used.append(JvmUse.now().since(before, t.count(), "row " + n));
        out.append(t.row(label));
        if (timeline != null) {
            java.nio.file.Files.createDirectories(timeline);
            java.nio.file.Files.writeString(timeline.resolve("row-" + n + ".csv"), t.timeline(100));
        }
    }

    private static List<String> keys(Jdbi jdbi, int n) {
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) keys.add(newKey(jdbi));
        return keys;
    }

    /** A key with the highest limit an admin may give, made as the newsroom would (only its hash kept). */
    private static String newKey(Jdbi jdbi) {
        String key = "bs_content_bench_" + Tokens.random();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into api_keys (name, key_hash, key_prefix, per_minute)
                        values ('bench-api', :hash, 'bs_content_be', 100000)""").bind("hash", Tokens.sha256(key)).execute());
        return key;
    }

    private static String one(String key, long id) {
        return ApiPaths.contentArticle(id) + "?key=" + key;
    }

    private void get(String base, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
