package broadsheet.subscriptions;

import static broadsheet.subscriptions.StripeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How many signed Stripe events a second the webhook applies (signature check, the event id kept,
 * the subscription row locked and updated, all over real HTTP). Not part of the test suite: run with
 * {@code mvn -q test -Dtest=StripeWebhookBench -Dbench.events=4000 -Dbench.clients=8}.
 */
class StripeWebhookBench {

    @Test
    void webhookThroughput() throws Exception {
        String n = System.getProperty("bench.events");
        Assumptions.assumeTrue(n != null, "a benchmark: run with -Dbench.events=N");
        int events = Integer.parseInt(n);
        int clients = Integer.parseInt(System.getProperty("bench.clients", "8"));
        int readers = 200;
        try (TestApp t = new TestApp(new StripeConfig(SECRET_KEY, WEBHOOK_SECRET, "http://127.0.0.1:9"))) {
            var jdbi = t.fixtures.jdbi();
            plan(jdbi, "monthly", "Monthly", "month", 900, "price_m");
            long[] ids = new long[readers];
            for (int i = 0; i < readers; i++)
                ids[i] = t.fixtures.user("r" + i + "@example.org", Role.READER, "password for reader " + i);
            long now = Instant.now().getEpochSecond();
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                int r = i % readers;
                payloads.add(event(
                        "evt_b" + i,
                        "customer.subscription.updated",
                        now - events + i,
                        subscription(
                                "sub_b" + r, "cus_b" + r, "active", now + 30L * 86400 + i, false, ids[r], "price_m")));
            }
            HttpClient http = HttpClient.newHttpClient();
            URI hook = URI.create(t.url("/stripe/webhook"));
            // warm-up: a tenth, not counted (replays of the first events, which change nothing)
            for (int i = 0; i < Math.max(1, events / 10); i++) send(http, hook, payloads.get(i));
            jdbi.useHandle(h -> h.execute("delete from stripe_events"));
            jdbi.useHandle(h -> h.execute("delete from subscriptions"));
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    done.add(pool.submit(() -> {
                        for (int i = client; i < events; i += clients) {
                            long s = System.nanoTime();
                            HttpResponse<String> resp = send(http, hook, payloads.get(i));
                            latencies.add(System.nanoTime() - s);
                            if (resp.statusCode() != 200) throw new IllegalStateException(resp.body());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(
                    "BENCH stripe webhook: %d events, %d clients, %.1f s, %.0f events/s, p50 %.1f ms, p99 %.1f ms%n",
                    events,
                    clients,
                    seconds,
                    events / seconds,
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.99)) / 1e6);
            int applied = jdbi.withHandle(h -> h.createQuery("select count(*) from stripe_events")
                    .mapTo(Integer.class)
                    .one());
            assertThat(applied).isEqualTo(events);
            int rows = jdbi.withHandle(h -> h.createQuery("select count(*) from subscriptions")
                    .mapTo(Integer.class)
                    .one());
            assertThat(rows).isEqualTo(readers);
        }
    }

    private static HttpResponse<String> send(HttpClient http, URI hook, String payload) {
        try {
            return http.send(
                    HttpRequest.newBuilder(hook)
                            .header("Content-Type", "application/json")
                            .header(
                                    "Stripe-Signature",
                                    signature(
                                            payload,
                                            WEBHOOK_SECRET,
                                            Instant.now().getEpochSecond()))
                            .POST(HttpRequest.BodyPublishers.ofString(payload))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
