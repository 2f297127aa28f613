package broadsheet.tools;

import broadsheet.Config;
import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.web.Site;
import broadsheet.webhooks.AddressGuard;
import broadsheet.webhooks.Deliverer;
import broadsheet.webhooks.DeliveryJob;
import broadsheet.webhooks.Payloads;
import broadsheet.webhooks.Signature;
import broadsheet.webhooks.WebhookDao;
import broadsheet.webhooks.WebhookEvent;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Publishes N articles (each writes an {@code article.published} event through the trigger), then delivers
 * them with the real delivery job, as several nodes at once, to a receiver on loopback that checks every
 * signature; reports deliveries per second and whether each event arrived exactly once. What it made is
 * deleted after the run.
 */
@Command(
        name = "bench-webhooks",
        description = "Benchmark webhook delivery: N events through the outbox to a local receiver, by W delivery"
                + " jobs at once; prints deliveries/s and duplicates. Use a scratch --data-dir or database.")
final class BenchWebhooksCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Events (default ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--nodes",
            paramLabel = "W",
            defaultValue = "2",
            description = "Delivery jobs draining the outbox at once, as nodes would (default ${DEFAULT-VALUE}).")
    int nodes;

    @Override
    public Integer call() throws Exception {
        if (events < 1 || nodes < 1) throw new Main.UserError("--events and --nodes must be at least 1");
        Config config = common.config();
        String secret = Signature.newSecret();
        Map<String, Integer> received = new ConcurrentHashMap<>();
        Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        AtomicInteger badSignatures = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            String id = h.getFirst("webhook-id");
            long ts = Long.parseLong(h.getFirst("webhook-timestamp"));
            if (!Signature.verify(secret, id, ts, body, h.getFirst("webhook-signature")))
                badSignatures.incrementAndGet();
            received.merge(id, 1, Integer::sum);
            firstArrival.putIfAbsent(id, System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        String prefix = "bench-hook-" + System.currentTimeMillis() + "-";
        String loadBefore = load();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            WebhookDao dao = new WebhookDao(jdbi);
            long endpoint = jdbi.inTransaction(h -> dao.create(
                    h,
                    "http://localhost:" + receiver.getAddress().getPort() + "/hook",
                    "bench-webhooks",
                    List.of(WebhookEvent.ARTICLE_PUBLISHED),
                    secret,
                    null));
            try {
                long section = jdbi.withHandle(
                        h -> h.createQuery("""
                        insert into sections (slug, name) values ('bench-webhooks', 'Bench webhooks')
                        on conflict (slug) do update set name = excluded.name returning id""").mapTo(Long.class).one());
                long p0 = System.nanoTime();
                jdbi.useTransaction(h -> h.createUpdate("""
                        insert into articles (slug, headline, body, section_id, status, published_at)
                        select :prefix || g, 'Benchmark story ' || g, 'Body', :section, 'published', now()
                          from generate_series(1, :n) g""")
                        .bind("prefix", prefix)
                        .bind("section", section)
                        .bind("n", events)
                        .execute());
                long p1 = System.nanoTime();
                Supplier<Site> site = () -> new Site("Bench", "", config.baseUrl(), ZoneId.of("UTC"), "en");
                List<DeliveryJob> jobs = new ArrayList<>();
                List<Deliverer> deliverers = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    Deliverer deliverer = new Deliverer(new AddressGuard(List.of("localhost")));
                    deliverers.add(deliverer);
                    jobs.add(new DeliveryJob(
                            dao, jdbi, deliverer, new Payloads(site), mail -> {}, site, Clock.systemUTC()));
                }
                long d0 = System.nanoTime();
                List<CompletableFuture<Integer>> running = jobs.stream()
                        .map(j -> CompletableFuture.supplyAsync(j::drain))
                        .toList();
                int attempts =
                        running.stream().mapToInt(CompletableFuture::join).sum();
                long d1 = System.nanoTime();
                for (Deliverer d : deliverers) d.close();
                double secs = (d1 - d0) / 1e9;
                long duplicates = received.values().stream().filter(n -> n > 1).count();
                boolean exactlyOnce =
                        received.size() == events && duplicates == 0 && badSignatures.get() == 0 && attempts == events;
                // how long after the delivery jobs started each event reached the receiver
                Timings arrival = new Timings(
                        firstArrival.values().stream().mapToLong(t -> t - d0).toArray(), secs);
                StringBuilder out = new StringBuilder();
                out.append(String.format(
                        Locale.ROOT,
                        "Webhooks: %,d article.published events (written by the trigger in %.2f s), delivered by %d"
                                + " delivery job(s) at once to a receiver on loopback that checks every signature;"
                                + " load average before: %s%n%n",
                        events,
                        (p1 - p0) / 1e9,
                        nodes,
                        loadBefore));
                out.append(Timings.header("event reached the receiver, after the jobs started"));
                out.append(arrival.row("each event's first arrival"));
                out.append(String.format(
                        Locale.ROOT,
                        "%n| measure | value |%n|---|---:|%n"
                                + "| delivery attempts | %,d |%n"
                                + "| seconds to deliver all | %.2f |%n"
                                + "| deliveries per second | %,.0f |%n"
                                + "| distinct webhook-ids received | %,d of %,d |%n"
                                + "| received more than once | %d |%n"
                                + "| bad signatures | %d |%n"
                                + "| **each event delivered exactly once** | **%s** |%n",
                        attempts,
                        secs,
                        attempts / secs,
                        received.size(),
                        events,
                        duplicates,
                        badSignatures.get(),
                        exactlyOnce ? "yes" : "NO"));
                out.append(String.format(Locale.ROOT, "%nLoad average after: %s%n", load()));
                System.out.print(out);
                return exactlyOnce ? 0 : 1;
            } finally {
                jdbi.useTransaction(h -> {
                    h.execute("delete from webhook_endpoints where id = ?", endpoint);
                    h.execute("delete from webhook_events where id not in (select event_id from webhook_deliveries)");
                    h.execute("set local session_replication_role = replica"); // no unpublish events for the cleanup
                    h.execute("delete from articles where slug like ?", prefix + "%");
                });
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
