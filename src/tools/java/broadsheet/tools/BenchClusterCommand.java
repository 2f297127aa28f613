package broadsheet.tools;

import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.web.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The cluster test's client (bench/cluster.sh): a steady mixed load through the load balancer that
 * counts failed requests and lost writes, or a series of publishes timed until every address shows them.
 */
@Command(
        name = "bench-cluster",
        description = "Mixed load with failure and lost-write counts (--seconds), or publish latency (--publishes).")
final class BenchClusterCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--url", required = true, description = "Where the load goes (the load balancer).")
    String url;

    @Option(names = "--seconds", defaultValue = "0", description = "Run the mixed load this long.")
    int seconds;

    @Option(names = "--workers", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--pause-ms", defaultValue = "20", description = "Pause between a client's requests.")
    int pauseMs;

    @Option(
            names = "--first-reader",
            defaultValue = "0",
            description =
                    "Number of this load's first signed-in reader, so that loads run at once follow as different readers.")
    int firstReader;

    @Option(names = "--poll-ms", defaultValue = "50", description = "How often each watched address is asked again.")
    int pollMs;

    @Option(names = "--stop-file", description = "End the load early once this file exists.")
    java.nio.file.Path stopFile;

    @Option(
            names = "--newsletter",
            defaultValue = "0",
            description = "Send one issue to this many recipients through the nodes (their SMTP_PORT is --smtp-port).")
    int newsletter;

    @Option(names = "--smtp-port", defaultValue = "12525", description = "Where this command's SMTP sink listens.")
    int smtpPort;

    @Option(names = "--publishes", defaultValue = "0", description = "Publish this many articles, timing each.")
    int publishes;

    @Option(
            names = "--watch",
            split = ",",
            description = "Addresses that must all show a publish (every node, the cache in front).")
    List<String> watch = List.of();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 && publishes <= 0 && newsletter <= 0)
            throw new Main.UserError("give --seconds, --publishes or --newsletter");
        try (Database db = Database.open(common.config())) {
            if (newsletter > 0) newsletter(db.jdbi());
            if (seconds > 0) load(db.jdbi());
            if (publishes > 0) publish(db.jdbi());
        }
        return 0;
    }

    record Reader(long id, String session, List<String> topics) {}

    private void load(Jdbi jdbi) throws InterruptedException {
        List<String> topics = jdbi.withHandle(h -> h.createQuery("select slug from topics order by id limit 400")
                .mapTo(String.class)
                .list());
        List<String> articles = jdbi.withHandle(
                h -> h.createQuery("select slug || ' ' || published_at from articles where status = 'published'"
                                + " order by published_at desc limit 500")
                        .mapTo(String.class)
                        .list());
        ZoneId zone = zone(jdbi);
        List<String> paths = articles.stream()
                .map(s -> broadsheet.web.Paths.article(
                        zone,
                        s.substring(0, s.indexOf(' ')),
                        jdbi.withHandle(h -> h.createQuery("select :t::timestamptz")
                                .bind("t", s.substring(s.indexOf(' ') + 1))
                                .mapTo(Instant.class)
                                .one())))
                .toList();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        Map<String, Boolean> lastAcknowledged = new ConcurrentHashMap<>(); // "reader topic" -> followed
        java.util.Set<String> uncertain = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicLong> failuresBySecond = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Reader reader = reader(
                    jdbi,
                    firstReader + w,
                    topics.subList(w * 5 % topics.size(), Math.min(topics.size(), w * 5 % topics.size() + 5)));
            int n = w;
            threads.add(Thread.ofVirtual().start(() -> {
                Random rnd = new Random(n);
                while (System.nanoTime() < end && (stopFile == null || !java.nio.file.Files.exists(stopFile))) {
                    int pick = rnd.nextInt(100);
                    boolean ok;
                    if (pick < 10 && !reader.topics().isEmpty()) {
                        String topic =
                                reader.topics().get(rnd.nextInt(reader.topics().size()));
                        boolean follow = rnd.nextBoolean();
                        ok = follow(reader, topic, follow);
                        String pair = reader.id() + " " + topic;
                        if (ok) {
                            lastAcknowledged.put(pair, follow);
                            writes.incrementAndGet();
                        } else {
                            // no answer: the node may still have done it, so this pair's state is unknown
                            uncertain.add(pair);
                        }
                    } else if (pick < 60 && !paths.isEmpty()) {
                        ok = get(paths.get(rnd.nextInt(paths.size())), null);
                    } else if (pick < 80) {
                        ok = get("/", null);
                    } else if (pick < 90) {
                        ok = get("/search?q=" + BenchWords.PLACE_A[rnd.nextInt(BenchWords.PLACE_A.length)], null);
                    } else {
                        ok = get("/following", reader.session());
                    }
                    requests.incrementAndGet();
                    if (!ok) {
                        failed.incrementAndGet();
                        int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                        failuresBySecond
                                .computeIfAbsent(second, k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    sleep(pauseMs);
                }
            }));
        }
        for (Thread t : threads) t.join();
        long lost = 0;
        for (var e : lastAcknowledged.entrySet()) {
            if (uncertain.contains(e.getKey())) continue;
            long user = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf(' ')));
            String topic = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            boolean followed = jdbi.withHandle(h -> h.createQuery("""
                            select exists (select 1 from follows f join topics t on t.id = f.target_id
                             where f.kind = 'topic' and f.user_id = :u and t.slug = :s)""")
                    .bind("u", user)
                    .bind("s", topic)
                    .mapTo(Boolean.class)
                    .one());
            if (followed != e.getValue()) lost++;
        }
        System.out.printf(
                "requests=%d failed=%d writes_acknowledged=%d writes_lost=%d writes_unknown=%d rps=%.1f failures_by_second=%s%n",
                requests.get(),
                failed.get(),
                writes.get(),
                lost,
                uncertain.size(),
                requests.get() / ((System.nanoTime() - start) / 1e9),
                new java.util.TreeMap<>(failuresBySecond));
    }

    private Reader reader(Jdbi jdbi, int n, List<String> topics) {
        String token = Tokens.random();
        long id = jdbi.inTransaction(h -> {
            long user = h.createQuery("""
                            insert into users (email, email_confirmed_at, password_hash, display_name)
                            values (:email, now(), '!', 'Cluster Reader')
                            on conflict (email) do update set display_name = excluded.display_name
                            returning id""")
                    .bind("email", "cluster-" + n + "@bench.example")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("insert into sessions (id, user_id, expires_at) values (:id, :u, :exp)")
                    .bind("id", Tokens.sha256(token))
                    .bind("u", user)
                    .bind("exp", Timestamp.from(Instant.now().plus(Duration.ofDays(1))))
                    .execute();
            return user;
        });
        return new Reader(id, token, topics);
    }

    private static final String CSRF = "c".repeat(43);

    private boolean follow(Reader r, String topic, boolean follow) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(url + (follow ? "/api/following" : "/api/following/topic/" + topic)))
                .timeout(Duration.ofSeconds(10))
                .header("Cookie", "bs_session=" + r.session() + "; bs_csrf=" + CSRF)
                .header("X-CSRF-Token", CSRF);
        if (follow)
            b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"topic\", \"slug\": \"" + topic + "\"}"));
        else b.DELETE();
        return status(b.build()) / 100 == 2;
    }

    private boolean get(String path, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        if (session != null) b.header("Cookie", "bs_session=" + session);
        int s = status(b.build());
        return s == 200 || s == 304;
    }

    private int status(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String body(String address, String session) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(5));
            if (session != null) b.header("Cookie", "bs_session=" + session);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static ZoneId zone(Jdbi jdbi) {
        return ZoneId.of(jdbi.withHandle(h -> h.createQuery("select value from settings where key = 'site_time_zone'")
                .mapTo(String.class)
                .findOne()
                .orElse("UTC")));
    }

    /**
     * Publishes articles one at a time (a database write with the change notice the desk's publish
     * sends: this article's pages and the lists) and times until each watched address shows it on the article page, the home page, the site
     * feed, search and the personal feed of a reader who follows its section.
     */
    private void publish(Jdbi jdbi) {
        long section = jdbi.withHandle(h -> h.createQuery("select id from sections order by position limit 1")
                .mapTo(Long.class)
                .one());
        ZoneId zone = zone(jdbi);
        // address and page: its wait for each publish counted
        Map<String, List<Long>> waits = new ConcurrentHashMap<>();
        Reader follower = reader(jdbi, 0, List.of());
        jdbi.useHandle(h ->
                h.createUpdate("""
                        insert into follows (user_id, kind, target_id) values (:u, 'section', :s) on conflict do nothing""").bind("u", follower.id()).bind("s", section).execute());
        List<Long> millis = new ArrayList<>();
        // one publish first, not counted: the watching client's connections and code paths warm up on it
        for (int i = -1; i < publishes; i++) {
            String word = "clusterword" + Long.toString(System.nanoTime(), 36);
            String slug = "cluster-publish-" + word;
            long t0 = System.nanoTime();
            Instant at = jdbi.inTransaction(h -> {
                Map.Entry<Long, Instant> now = h.createQuery("""
                                insert into articles (slug, headline, deck, body, section_id, kind, status, published_at, updated_at)
                                values (:slug, :headline, 'Published by the cluster test.', :body, :section, 'news', 'published', now(), now())
                                returning id, published_at""")
                        .bind("slug", slug)
                        .bind("headline", "Cluster publish " + word)
                        .bind("body", "The word " + word + " appears here.")
                        .bind("section", section)
                        .map((rs, ctx) -> Map.entry(
                                rs.getLong("id"),
                                rs.getTimestamp("published_at").toInstant()))
                        .one();
                broadsheet.db.ContentChanges.announceArticles(h, List.of(now.getKey()));
                return now.getValue();
            });
            String path = broadsheet.web.Paths.article(zone, slug, at);
            List<String[]> checks = new ArrayList<>();
            for (String base : watch) {
                checks.add(new String[] {base + path, word, null, base + " article"});
                checks.add(new String[] {base + "/", slug, null, base + " home"});
                checks.add(new String[] {base + "/feed.rss", slug, null, base + " feed"});
                checks.add(new String[] {base + "/following", slug, follower.session(), base + " following"});
                checks.add(new String[] {base + "/search?q=" + word, slug, null, base + " search"});
            }
            // every address is watched at once, so the time is when the last one showed it, not the sum of the checks
            try (var each = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (String[] c : checks) {
                    each.submit(() -> {
                        Predicate<String> shows = b -> b.contains(c[1]);
                        while (!shows.test(body(c[0], c[2]))) {
                            if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                                System.err.println("not shown within 30 s: " + c[0]);
                                break;
                            }
                            sleep(pollMs);
                        }
                        waits.computeIfAbsent(c[3], k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add((System.nanoTime() - t0) / 1_000_000);
                    });
                }
            }
            if (i >= 0) millis.add((System.nanoTime() - t0) / 1_000_000);
            else waits.clear();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "publishes=%d p50_ms=%d p99_ms=%d max_ms=%d%n",
                sorted.size(),
                sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() - 1));
        // the five slowest addresses by their p99, each as p50/p99/max
        System.out.println("slowest_ms_by_address "
                + waits.entrySet().stream()
                        .map(e -> Map.entry(
                                e.getKey(), e.getValue().stream().sorted().toList()))
                        .sorted(Comparator.comparing(
                                        (Map.Entry<String, List<Long>> e) -> percentile(e.getValue(), 0.99))
                                .reversed())
                        .limit(5)
                        .map(e ->
                                e.getKey() + "=" + percentile(e.getValue(), 0.5) + "/" + percentile(e.getValue(), 0.99)
                                        + "/" + e.getValue().getLast())
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    /**
     * One issue to N recipients, sent by the nodes' own senders into this command's SMTP sink, which
     * counts the messages each address received; waits until the outbox is drained (a node may be
     * killed meanwhile), then prints how many received it once, more than once, or never.
     */
    private void newsletter(Jdbi jdbi) throws Exception {
        try (SmtpSink sink = new SmtpSink(smtpPort)) {
            long issue = jdbi.inTransaction(h -> {
                long list = h.createQuery("""
                                insert into newsletters (slug, name, description, audience, schedule)
                                values (:s, 'Cluster briefing', 'For the cluster test.', 'everyone', '') returning id""")
                        .bind("s", "cluster-" + System.currentTimeMillis())
                        .mapTo(Long.class)
                        .one();
                h.createUpdate("""
                                insert into newsletter_subscribers (newsletter_id, email, status, confirmed_at)
                                select :n, 'reader' || g || '@cluster.invalid', 'active', now() from generate_series(1, :count) g""").bind("n", list).bind("count", newsletter).execute();
                long id = h.createQuery("""
                                insert into newsletter_issues (newsletter_id, subject, intro)
                                values (:n, 'Cluster issue', 'Good morning.') returning id""").bind("n", list).mapTo(Long.class).one();
                h.execute("""
                        insert into newsletter_issue_articles (issue_id, article_id, position)
                        select ?, id, row_number() over (order by published_at desc) from
                          (select id, published_at from articles where status = 'published' order by published_at desc limit 5) a""", id);
                broadsheet.newsletters.Outbox.fill(h, id);
                return id;
            });
            System.err.println("newsletter issue " + issue + " filled for " + newsletter + " recipients");
            long t0 = System.nanoTime();
            long left;
            do {
                sleep(250);
                left = jdbi.withHandle(h -> h.createQuery(
                                "select count(*) from newsletter_outbox where issue_id = :i and state in ('pending', 'sending')")
                        .bind("i", issue)
                        .mapTo(Long.class)
                        .one());
            } while (left > 0
                    && System.nanoTime() - t0
                            < broadsheet.newsletters.NewsletterSender.LEASE
                                    .plusMinutes(2)
                                    .toNanos()); // a killed node's batch waits out its lease
            sleep(2000); // messages in flight when the outbox said done
            long once =
                    sink.delivered.values().stream().filter(n -> n.get() == 1).count();
            long twice =
                    sink.delivered.values().stream().filter(n -> n.get() > 1).count();
            long extra = sink.delivered.values().stream()
                    .mapToLong(n -> n.get() - 1)
                    .filter(n -> n > 0)
                    .sum();
            System.out.printf(
                    "recipients=%d received_once=%d received_more_than_once=%d extra_messages=%d never=%d outbox_left=%d seconds=%.1f%n",
                    newsletter,
                    once,
                    twice,
                    extra,
                    newsletter - sink.delivered.size(),
                    left,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * p) - 1)));
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
