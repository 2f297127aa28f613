package broadsheet.tools;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.following.Feed;
import broadsheet.web.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Following benchmark: adds readers with a skewed number of follows to a bench-data archive,
 * starts the site in this process, and measures over real HTTP the feed's first and a deep page
 * (one reader at a time and 16 at once), follow and unfollow, and publish-to-visible; prints
 * EXPLAIN (ANALYZE, BUFFERS) of the feed query and what a per-reader timeline would cost instead.
 * Prints a Markdown report for docs/benchmarks.md.
 */
@Command(
        name = "bench-following",
        description = "Add readers and follows to a bench-data archive and measure the Following feed.")
final class BenchFollowingCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--readers",
            defaultValue = "100000",
            description = "Readers to add if there are none yet (default ${DEFAULT-VALUE}).")
    int readers;

    @Option(
            names = "--samples",
            defaultValue = "400",
            description = "Requests per one-at-a-time measurement (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--seconds",
            defaultValue = "15",
            description = "Seconds per 16-at-once measurement (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "16", description = "Concurrent readers (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--vacuum", description = "VACUUM ANALYZE before measuring (done anyway after adding readers).")
    boolean vacuum;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    static final int DEEP_PAGE = 10;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;

    @Override
    public Integer call() throws Exception {
        Config c = common.config();
        Config config = new Config(0, c.dataDir(), c.databaseUrl(), "http://localhost", false, false, c.mail());
        Random rnd = new Random(seed);
        StringBuilder out = new StringBuilder();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            long articles =
                    jdbi.withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
                            .mapTo(Long.class)
                            .one());
            if (articles == 0) throw new Main.UserError("no articles: run bench-data first");
            long existing = jdbi.withHandle(
                    h -> h.createQuery("select count(*) from users where email like 'reader-%@bench.example'")
                            .mapTo(Long.class)
                            .one());
            if (existing > 0 && vacuum) jdbi.useHandle(h -> h.execute("vacuum analyze"));
            if (existing == 0) {
                long t0 = System.nanoTime();
                new BenchFollows(jdbi, rnd).generate(readers);
                System.err.printf(
                        Locale.ROOT,
                        "added %d readers and their follows in %.0f s%n",
                        readers,
                        (System.nanoTime() - t0) / 1e9);
                // the steady state autovacuum reaches: visibility maps set, so index-only scans skip the heap
                jdbi.useHandle(h -> h.execute("vacuum analyze"));
            }
            jdbi.useHandle(h -> h.execute("analyze"));
            Facts f = facts(jdbi);
            out.append(f.describe());

            List<Long> sample =
                    jdbi.withHandle(h -> h.createQuery("""
                    select id from users where email like 'reader-%@bench.example' order by md5(id::text) limit 2000""").mapTo(Long.class).list());
            List<String> sampleTokens = sessions(jdbi, sample);
            String heavy = sessions(jdbi, List.of(f.heavyUser())).get(0);
            String stale = sessions(jdbi, List.of(f.staleUser())).get(0);

            try (App app = App.start(config, db)) {
                base = "http://localhost:" + app.port();
                // warm up the JIT and PostgreSQL's caches
                for (int i = 0; i < 600; i++) get("/api/feed", sampleTokens.get(i % sampleTokens.size()));

                out.append(
                        "\n| measurement (over HTTP, JSON feed page of 20) | requests | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
                out.append(row(
                        "first page, one reader at a time (random readers)",
                        oneAtATime(sampleTokens, "/api/feed", rnd)));
                List<String[]> deep = deepCursors(sampleTokens.subList(0, Math.min(samples, sampleTokens.size())));
                out.append(row("page " + DEEP_PAGE + ", one reader at a time", oneAtATime(deep)));
                out.append(row("first page, reader following 500", repeat(heavy, "/api/feed")));
                out.append(row(
                        "page " + DEEP_PAGE + ", reader following 500",
                        oneAtATime(deepCursors(List.of(heavy)).stream()
                                .flatMap(x -> java.util.stream.Stream.generate(() -> x)
                                        .limit(samples))
                                .toList())));
                out.append(
                        row("first page, reader following only topics quiet for months", repeat(stale, "/api/feed")));
                out.append(row(
                        "first page HTML (/following), random readers", oneAtATime(sampleTokens, "/following", rnd)));
                Result together = together(sampleTokens, "/api/feed");
                out.append(row(
                        threads + " readers at once, first page (" + Math.round(together.count() / (double) seconds)
                                + " pages/s)",
                        together));
                Result deepTogether =
                        together(deep.stream().map(x -> x[0] + " " + x[1]).toList(), null);
                out.append(row(
                        threads + " readers at once, page " + DEEP_PAGE + " ("
                                + Math.round(deepTogether.count() / (double) seconds) + " pages/s)",
                        deepTogether));
                Result[] fu = followUnfollow(jdbi, sampleTokens, rnd);
                out.append(row("follow (POST /api/following)", fu[0]));
                out.append(row("unfollow (DELETE /api/following/…)", fu[1]));
                out.append(row("publish to visible in a follower's feed", publishToVisible(jdbi, heavy, f)));
            }
            out.append(explain(jdbi, f));
            out.append(timelineAlternative(jdbi));
        }
        System.out.println(out);
        return 0;
    }

    // ---- what the data looks like ----

    record Facts(
            long readers,
            long follows,
            double avgFollows,
            long maxFollows,
            long heavyUser,
            long staleUser,
            String biggestTopic,
            long biggestTopicArticles,
            long biggestTopicFollowers,
            long articles) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    """
                    Data: %,d published articles; %,d readers with %,d follows (mean %.0f, most %d per reader); the most followed
                    topic ("%s") has %,d articles and %,d followers.
                    """,
                    articles,
                    readers,
                    follows,
                    avgFollows,
                    maxFollows,
                    biggestTopic,
                    biggestTopicArticles,
                    biggestTopicFollowers);
        }
    }

    private static Facts facts(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            long articles = h.createQuery("select count(*) from articles where status = 'published'")
                    .mapTo(Long.class)
                    .one();
            long readers = h.createQuery("select count(*) from users where email like 'reader-%@bench.example'")
                    .mapTo(Long.class)
                    .one();
            long follows = h.createQuery("select count(*) from follows")
                    .mapTo(Long.class)
                    .one();
            long max = h.createQuery("select max(n) from (select count(*) n from follows group by user_id) x")
                    .mapTo(Long.class)
                    .one();
            long heavy = h.createQuery("select id from users where email = 'reader-heavy@bench.example'")
                    .mapTo(Long.class)
                    .one();
            long stale = h.createQuery("select id from users where email = 'reader-stale@bench.example'")
                    .mapTo(Long.class)
                    .one();
            var top = h.createQuery("""
                    select t.name, (select count(*) from article_topics x where x.topic_id = t.id), c.followers
                      from follow_counts c join topics t on t.id = c.target_id where c.kind = 'topic' order by c.followers desc limit 1""")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})
                    .one();
            return new Facts(
                    readers,
                    follows,
                    follows / (double) Math.max(1, readers),
                    max,
                    heavy,
                    stale,
                    (String) top[0],
                    (Long) top[1],
                    (Long) top[2],
                    articles);
        });
    }

    /** A signed-in session for each user, as signing in makes one; returns the cookie values. */
    private static List<String> sessions(Jdbi jdbi, List<Long> users) {
        List<String> tokens = new ArrayList<>();
        jdbi.useTransaction(h -> {
            var b = h.prepareBatch("insert into sessions (id, user_id, expires_at) values (?, ?, ?)");
            for (long u : users) {
                String token = Tokens.random();
                tokens.add(token);
                b.add(Tokens.sha256(token), u, Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)));
            }
            b.execute();
        });
        return tokens;
    }

    // ---- measurements ----

    record Result(long[] nanos) {
        int count() {
            return nanos.length;
        }

        double pct(double p) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
        }
    }

    private static String row(String label, Result r) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.2f | %.2f | %.2f |%n",
                label,
                r.count(),
                r.pct(0.50),
                r.pct(0.99),
                r.pct(1.0));
    }

    private HttpResponse<String> get(String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "bs_session=" + session)
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 400)
                throw new IllegalStateException(
                        r.method() + " " + r.uri() + " answered " + res.statusCode() + ": " + res.body());
            return res;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long timed(String path, String session) {
        long t0 = System.nanoTime();
        get(path, session);
        return System.nanoTime() - t0;
    }

    private Result oneAtATime(List<String> sessions, String path, Random rnd) {
        long[] n = new long[samples];
        for (int i = 0; i < samples; i++) n[i] = timed(path, sessions.get(rnd.nextInt(sessions.size())));
        return new Result(n);
    }

    private Result oneAtATime(List<String[]> sessionAndPath) {
        long[] n = new long[sessionAndPath.size()];
        for (int i = 0; i < n.length; i++)
            n[i] = timed(sessionAndPath.get(i)[1], sessionAndPath.get(i)[0]);
        return new Result(n);
    }

    private Result repeat(String session, String path) {
        long[] n = new long[samples];
        for (int i = 0; i < samples; i++) n[i] = timed(path, session);
        return new Result(n);
    }

    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    /** For each reader, the address of their feed's page {@link #DEEP_PAGE}, found by following "next". */
    private List<String[]> deepCursors(List<String> sessions) {
        List<String[]> out = new ArrayList<>();
        for (String s : sessions) {
            String path = "/api/feed";
            for (int p = 1; p < DEEP_PAGE && path != null; p++) {
                Matcher m = NEXT.matcher(get(path, s).body());
                path = m.find() ? m.group(1) : null;
            }
            if (path != null) out.add(new String[] {s, path});
        }
        return out;
    }

    /** {@code threads} clients at once for {@code seconds}; each item is a session, or "session path". */
    private Result together(List<String> items, String path) throws Exception {
        ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seedT = t;
            done.add(pool.submit(() -> {
                Random r = new Random(seed + seedT);
                while (System.nanoTime() < end) {
                    String item = items.get(r.nextInt(items.size()));
                    int sp = item.indexOf(' ');
                    all.add(path != null ? timed(path, item) : timed(item.substring(sp + 1), item.substring(0, sp)));
                }
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        return new Result(all.stream().mapToLong(Long::longValue).toArray());
    }

    private Result[] followUnfollow(Jdbi jdbi, List<String> sessions, Random rnd) {
        List<String> topics =
                jdbi.withHandle(h -> h.createQuery("select slug from topics order by md5(slug) limit 2000")
                        .mapTo(String.class)
                        .list());
        String csrf = Tokens.random();
        long[] follow = new long[samples], unfollow = new long[samples];
        for (int i = 0; i < samples; i++) {
            String s = sessions.get(rnd.nextInt(sessions.size()));
            String slug = topics.get(rnd.nextInt(topics.size()));
            String cookie = "bs_session=" + s + "; bs_csrf=" + csrf;
            long t0 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(base + "/api/following"))
                    .header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"topic\",\"slug\":\"" + slug + "\"}"))
                    .build());
            long t1 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(base + "/api/following/topic/" + slug))
                    .header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf)
                    .DELETE()
                    .build());
            long t2 = System.nanoTime();
            follow[i] = t1 - t0;
            unfollow[i] = t2 - t1;
        }
        return new Result[] {new Result(follow), new Result(unfollow)};
    }

    /** Publishes an article on a topic the reader follows (one transaction, as the newsroom does) and polls their feed. */
    private Result publishToVisible(Jdbi jdbi, String session, Facts f) {
        long topic = jdbi.withHandle(
                h -> h.createQuery("select target_id from follows where user_id = :u and kind = 'topic' limit 1")
                        .bind("u", f.heavyUser())
                        .mapTo(Long.class)
                        .one());
        long section = jdbi.withHandle(h -> h.createQuery("select id from sections order by id limit 1")
                .mapTo(Long.class)
                .one());
        int n = 50;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String slug = "bench-publish-" + System.nanoTime();
            long id = jdbi.inTransaction(h -> {
                long a = h.createQuery("""
                        insert into articles (slug, headline, section_id, status, published_at, external_id)
                        values (:s, 'Published for the benchmark', :sec, 'published', now(), :s) returning id""")
                        .bind("s", slug)
                        .bind("sec", section)
                        .mapTo(Long.class)
                        .one();
                h.execute("insert into article_topics (article_id, topic_id) values (?, ?)", a, topic);
                // announced in its transaction, as the newsroom's publishing does (the feed's first page is
                // merged from reads kept until content changes)
                broadsheet.db.ContentChanges.announceArticles(h, java.util.List.of(a));
                return a;
            });
            long t0 = System.nanoTime();
            String needle = "\"id\":" + id + ",";
            while (!get("/api/feed?limit=1", session).body().contains(needle)) {
                if (System.nanoTime() - t0 > 10_000_000_000L)
                    throw new IllegalStateException("article " + id + " not in the feed after 10 s");
            }
            nanos[i] = System.nanoTime() - t0;
        }
        jdbi.useHandle(h -> h.execute("delete from articles where external_id like 'bench-publish-%'"));
        return new Result(nanos);
    }

    // ---- plans and the design not taken ----

    private static String explain(Jdbi jdbi, Facts f) {
        StringBuilder sb = new StringBuilder();
        for (Object[] who : new Object[][] {
            {"the reader following 500, first page", f.heavyUser()},
            {"the reader following only quiet topics, first page", f.staleUser()}
        }) {
            List<String> plan =
                    jdbi.withHandle(h -> h.createQuery("explain (analyze, buffers) " + Feed.query(Feed.PAGE_SIZE))
                            .bind("u", (Long) who[1])
                            .bind("at", Timestamp.from(Instant.parse("9999-12-31T00:00:00Z")))
                            .bind("id", Long.MAX_VALUE)
                            .mapTo(String.class)
                            .list());
            sb.append("\nEXPLAIN (ANALYZE, BUFFERS), ")
                    .append(who[0])
                    .append(":\n\n```\n")
                    .append(String.join("\n", plan))
                    .append("\n```\n");
        }
        return sb.toString();
    }

    /**
     * The other design: a timeline table per reader, filled when an article is published (fan-out on
     * write). Measures the fan-out of one article on the most followed topic, and counts the rows a
     * full timeline would hold.
     */
    private static String timelineAlternative(Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            h.execute(
                    "create temp table timeline (user_id bigint, published_at timestamptz, article_id bigint, primary key (user_id, published_at, article_id))");
            var top = h.createQuery(
                            "select target_id, followers from follow_counts where kind = 'topic' order by followers desc limit 1")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            long t0 = System.nanoTime();
            int rows = h.createUpdate(
                            "insert into timeline select user_id, now(), -1 from follows where kind = 'topic' and target_id = :t")
                    .bind("t", top[0])
                    .execute();
            double ms = (System.nanoTime() - t0) / 1e6;
            long full = h.createQuery("""
                    select coalesce(sum(c.followers::bigint * n.n), 0) from follow_counts c join (
                      select 'topic' as kind, topic_id as id, count(*) as n from article_topics where published_at is not null group by topic_id
                      union all select 'author', author_id, count(*) from article_authors where published_at is not null group by author_id
                      union all select 'section', section_id, count(*) from articles where status = 'published' group by section_id) n
                    on n.kind = c.kind and n.id = c.target_id""").mapTo(Long.class).one();
            h.rollback();
            return String.format(Locale.ROOT, """

                    Per-reader timeline (fan-out on write), measured in the same run: publishing one article on the most
                    followed topic writes %,d timeline rows, %.0f ms inside one transaction (into an empty table: a real one
                    would be billions of rows); keeping every reader's whole history would need about %,d rows (before removing
                    duplicates), and a reader who follows something new would have to be back-filled.
                    """, rows, ms, full);
        });
    }
}
