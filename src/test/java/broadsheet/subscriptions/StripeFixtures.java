package broadsheet.subscriptions;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/** Stripe's side, for tests: event payloads signed as Stripe signs them, and a local server playing Stripe's API. */
final class StripeFixtures {

    static final String SECRET_KEY = "sk_test_broadsheet";
    static final String WEBHOOK_SECRET = "whsec_test_broadsheet_signing_secret";

    private StripeFixtures() {}

    // --- events

    /** Stripe's header: t=unix time, v1=hex HMAC-SHA256 of "t.payload" keyed with the endpoint's secret. */
    static String signature(String payload, String secret, long t) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String event(String id, String type, long created, String object) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s","data":{"object":%s}}""".formatted(id, StripeHttp.API_VERSION, created, type, object);
    }

    /** A subscription as the 2025 API versions show it: the period lives on its item. */
    static String subscription(
            String id,
            String customer,
            String status,
            long periodEnd,
            boolean cancelAtPeriodEnd,
            Long userId,
            String priceId) {
        return """
                {"id":"%s","object":"subscription","created":%d,"customer":"%s","status":"%s","cancel_at_period_end":%s,
                 "cancel_at":null,"ended_at":null,"metadata":{%s},
                 "items":{"object":"list","data":[{"id":"si_%s","object":"subscription_item","current_period_start":%d,
                   "current_period_end":%d,"price":{"id":"%s","object":"price"}}]}}""".formatted(
                        id,
                        periodEnd - 30L * 86400,
                        customer,
                        status,
                        cancelAtPeriodEnd,
                        userId == null ? "" : "\"user_id\":\"" + userId + "\"",
                        id,
                        periodEnd - 30L * 86400,
                        periodEnd,
                        priceId);
    }

    static String deletedSubscription(
            String id, String customer, long periodEnd, long endedAt, Long userId, String priceId) {
        return subscription(id, customer, "canceled", periodEnd, false, userId, priceId)
                .replace("\"ended_at\":null", "\"ended_at\":" + endedAt);
    }

    static String checkoutSession(String id, long userId, String customer, String subscription) {
        return """
                {"id":"%s","object":"checkout.session","mode":"subscription","payment_status":"paid","status":"complete",
                 "client_reference_id":"%d","customer":"%s","subscription":"%s","metadata":{"user_id":"%d","plan":"monthly"}}""".formatted(id, userId, customer, subscription, userId);
    }

    /** An invoice as the 2025 API versions show it: its subscription under parent.subscription_details. */
    static String invoice(String id, String subscription, long periodEnd) {
        return invoice(id, subscription, "cus_x", null, periodEnd);
    }

    /** An invoice with its customer, and the subscription's metadata (the reader, the plan) as Stripe copies it. */
    static String invoice(String id, String subscription, String customer, Long userId, long periodEnd) {
        return """
                {"id":"%s","object":"invoice","status":"paid","customer":"%s",
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s","metadata":{%s}}},
                 "lines":{"object":"list","data":[{"id":"il_%s","object":"line_item","period":{"start":%d,"end":%d}}]}}""".formatted(
                        id,
                        customer,
                        subscription,
                        userId == null ? "" : "\"user_id\":\"" + userId + "\",\"plan\":\"monthly\"",
                        id,
                        periodEnd - 30L * 86400,
                        periodEnd);
    }

    /** Posts the payload to the webhook signed with {@code secret}, with no session and no CSRF token. */
    static HttpResponse<String> post(String url, String payload, String secret) {
        return postWithHeader(url, payload, signature(payload, secret, System.currentTimeMillis() / 1000));
    }

    static HttpResponse<String> postWithHeader(String url, String payload, String header) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (header != null) b.header("Stripe-Signature", header);
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the database

    static long plan(Jdbi jdbi, String slug, String name, String interval, int cents, String priceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                insert into plans (slug, name, interval, price_cents, currency, stripe_price_id)
                values (:s, :n, :i, :c, 'usd', :p) returning id""")
                .bind("s", slug)
                .bind("n", name)
                .bind("i", interval)
                .bind("c", cents)
                .bind("p", priceId)
                .mapTo(Long.class)
                .one());
    }

    static boolean subscriber(Jdbi jdbi, long userId) {
        return jdbi.withHandle(h -> Subscriptions.isSubscriber(h, userId));
    }

    static long userId(Jdbi jdbi, String email) {
        return jdbi.withHandle(h -> h.createQuery("select id from users where email = :e")
                .bind("e", email)
                .mapTo(Long.class)
                .one());
    }

    // --- Stripe's API, played locally

    /** One request Stripe's API received: method, path, the Authorization header and the form fields. */
    record Received(String method, String path, String authorization, Map<String, String> fields) {}

    /**
     * Answers Checkout Session creation, subscription updates and cancellations, and the invoice, payment and
     * refund calls of settling a duplicate, as Stripe's API would; keeps what it was sent. Each request is
     * answered on its own thread, so that one held at {@link #holdCheckouts} does not hold the others.
     */
    static final class FakeStripeApi implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final HttpServer server;
        private final java.util.concurrent.atomic.AtomicInteger sessions =
                new java.util.concurrent.atomic.AtomicInteger();
        private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

        FakeStripeApi() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                Map<String, String> fields =
                        form(method.equals("GET") ? exchange.getRequestURI().getRawQuery() : body);
                received.add(
                        new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"), fields));
                String json;
                int status = 200;
                if (path.equals("/v1/checkout/sessions")) {
                    try {
                        hold.await(); // until the test lets Checkout answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    String id = "cs_test_a" + sessions.incrementAndGet();
                    json = """
                            {"id":"%s","object":"checkout.session","mode":"subscription","status":"open",
                             "expires_at":%s,"url":"https://checkout.stripe.com/c/pay/%s"}""".formatted(id, fields.getOrDefault("expires_at", "null"), id);
                } else if (method.equals("DELETE") && path.startsWith("/v1/subscriptions/")) {
                    String id = path.substring("/v1/subscriptions/".length());
                    json = """
                            {"id":"%s","object":"subscription","status":"canceled"}""".formatted(id);
                } else if (path.equals("/v1/invoices")) {
                    String sub = fields.getOrDefault("subscription", "");
                    json = """
                            {"object":"list","url":"/v1/invoices","has_more":false,
                             "data":[{"id":"in_%s","object":"invoice","status":"paid","amount_paid":900,"currency":"usd"}]}""".formatted(sub);
                } else if (path.equals("/v1/invoice_payments")) {
                    String invoice = fields.getOrDefault("invoice", "");
                    json = """
                            {"object":"list","url":"/v1/invoice_payments","has_more":false,
                             "data":[{"id":"inpay_%s","object":"invoice_payment","invoice":"%s","status":"paid","amount_paid":900,
                                      "currency":"usd","payment":{"type":"payment_intent","payment_intent":"pi_%s"}}]}""".formatted(invoice, invoice, invoice);
                } else if (path.equals("/v1/refunds")) {
                    json = """
                            {"id":"re_%s","object":"refund","amount":900,"currency":"usd","payment_intent":"%s",
                             "status":"succeeded"}""".formatted(fields.get("payment_intent"), fields.get("payment_intent"));
                } else if (path.startsWith("/v1/subscriptions/")) {
                    String id = path.substring("/v1/subscriptions/".length());
                    json = """
                            {"id":"%s","object":"subscription","status":"active","cancel_at_period_end":%s}""".formatted(id, form(body).getOrDefault("cancel_at_period_end", "false"));
                } else {
                    status = 404;
                    json = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}";
                }
                byte[] out = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Request-Id", "req_test");
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            server.start();
        }

        /** Checkout Session requests wait until {@link #release} (to force two requests to overlap). */
        void holdCheckouts() {
            hold = new java.util.concurrent.CountDownLatch(1);
        }

        void release() {
            hold.countDown();
        }

        /** Requests to this method and path so far. */
        List<Received> calls(String method, String path) {
            return received.stream()
                    .filter(r -> r.method().equals(method) && r.path().equals(path))
                    .toList();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        StripeConfig config() {
            return new StripeConfig(SECRET_KEY, WEBHOOK_SECRET, base());
        }

        @Override
        public void close() {
            release();
            server.stop(0);
        }

        private static Map<String, String> form(String body) {
            Map<String, String> out = new LinkedHashMap<>();
            if (body == null || body.isEmpty()) return out;
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }
    }
}
