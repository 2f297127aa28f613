package broadsheet.subscriptions;

import static broadsheet.subscriptions.StripeFixtures.WEBHOOK_SECRET;
import static broadsheet.subscriptions.StripeFixtures.checkoutSession;
import static broadsheet.subscriptions.StripeFixtures.event;
import static broadsheet.subscriptions.StripeFixtures.post;
import static broadsheet.subscriptions.StripeFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.TestDb;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged product, {@code target/broadsheet.jar}, run as an operator runs it ({@code java -jar}),
 * through every path whose libraries the jar was slimmed of (docs/architecture.md, "What the jar holds"):
 * Stripe's API and webhooks (our own client instead of stripe-java), {@code /metrics} (Prometheus's text
 * format without its protobuf one) and DKIM signing (Bouncy Castle's provider without its PKIX and util
 * jars). A class missing from the jar fails here, not in a reader's payment.
 *
 * <p>It runs in the {@code package} phase, after the shade plugin has built the jar (the
 * {@code packaged-jar} execution of the surefire plugin in pom.xml), so {@code mvn package} runs it
 * and {@code mvn test} does not; the jar's size is checked by the enforcer in the same phase.
 */
class PackagedJarTest {

    static final Path JAR = Path.of("target/broadsheet.jar");
    static final String PRICE = "price_monthly_test";
    static final long DAY = 86400;

    static final StripeFixtures.FakeStripeApi stripe = new StripeFixtures.FakeStripeApi();
    static Database db;
    static Path dir;
    static Process server;
    static String base;

    @BeforeAll
    static void serveTheJar() throws Exception {
        assertThat(JAR).as("target/broadsheet.jar: run mvn package").exists();
        db = TestDb.fresh();
        dir = Files.createTempDirectory("broadsheet-packaged");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://localhost:" + port;
        ProcessBuilder b = new ProcessBuilder(
                        java(),
                        "-Xmx256m",
                        "-jar",
                        JAR.toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--database-url",
                        db.jdbcUrl() + "?user=postgres")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        b.environment().put("KEEP_MAIL_LOCALLY", "on");
        b.environment().put("STRIPE_SECRET_KEY", StripeFixtures.SECRET_KEY);
        b.environment().put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        b.environment().put("STRIPE_API_BASE", stripe.base());
        server = b.start();
        HttpClient http = HttpClient.newHttpClient();
        Waiting.upTo(Duration.ofSeconds(120))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/readyz"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .as(() -> log())
                        .isEqualTo(200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
        stripe.close();
        if (db != null) db.close();
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void metricsAnswerInPrometheusTextFormat() {
        HttpResponse<String> m = new WebClient(base).get("/metrics");
        assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(m.body()).contains("# TYPE ").contains("broadsheet_db_up 1.0");
    }

    @Test
    void aReaderPaysThroughStripeAndADuplicateIsCancelledAndRefunded() throws Exception {
        long plan = StripeFixtures.plan(db.jdbi(), "monthly", "Monthly", "month", 900, PRICE);
        assertThat(plan).isPositive();
        String ada = "ada@packaged.example";
        // made by the jar's own user command, so hashed with production's Argon2id parameters (the test
        // JVM hashes cheaply: testing/TestDb), and checked by the served jar at sign-in
        Process user = new ProcessBuilder(
                        java(),
                        "-jar",
                        JAR.toString(),
                        "user",
                        ada,
                        "--role",
                        "reader",
                        "--password-stdin",
                        "--database-url",
                        db.jdbcUrl() + "?user=postgres")
                .redirectErrorStream(true)
                .start();
        user.getOutputStream().write("password for ada\n".getBytes(StandardCharsets.UTF_8));
        user.getOutputStream().close();
        String said = new String(user.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(user.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(user.exitValue()).as(said).isZero();
        long id = StripeFixtures.userId(db.jdbi(), ada);
        String hash = db.jdbi()
                .withHandle(h -> h.createQuery("select password_hash from users where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        WebClient reader = new WebClient(base);
        reader.get("/sign-in");
        assertThat(reader.post("/sign-in", Map.of("email", ada, "password", "password for ada", "next", "/"))
                        .statusCode())
                .isEqualTo(303);

        // Checkout: a Checkout Session at Stripe, the reader sent to its page
        HttpResponse<String> r = reader.post("/subscribe/monthly", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("https://checkout.stripe.com/c/pay/");
        assertThat(stripe.calls("POST", "/v1/checkout/sessions"))
                .singleElement()
                .satisfies(c -> assertThat(c.authorization()).isEqualTo("Bearer " + StripeFixtures.SECRET_KEY))
                .satisfies(c -> assertThat(c.fields()).containsEntry("line_items[0][price]", PRICE));

        // webhooks: a forged one is refused; two live subscriptions make the second a duplicate, settled at Stripe
        long now = Instant.now().getEpochSecond();
        String first =
                event("evt_p1", "checkout.session.completed", now, checkoutSession("cs_p", id, "cus_p", "sub_p1"));
        assertThat(post(base + "/stripe/webhook", first, "whsec_someone_else").statusCode())
                .isEqualTo(400);
        for (String e : List.of(
                first,
                event(
                        "evt_p2",
                        "customer.subscription.created",
                        now,
                        subscription("sub_p1", "cus_p", "active", now + 30 * DAY, false, id, PRICE)),
                event(
                        "evt_p3",
                        "customer.subscription.created",
                        now + 60,
                        subscription("sub_p2", "cus_p", "active", now + 30 * DAY + 60, false, id, PRICE)))) {
            HttpResponse<String> hook = post(base + "/stripe/webhook", e, WEBHOOK_SECRET);
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
        }
        assertThat(stripe.calls("DELETE", "/v1/subscriptions/sub_p2")).hasSize(1);
        assertThat(stripe.calls("GET", "/v1/invoices")).hasSize(1);
        assertThat(stripe.calls("POST", "/v1/refunds"))
                .singleElement()
                .satisfies(c -> assertThat(c.fields()).containsEntry("payment_intent", "pi_in_sub_p2"));

        // the reader ends the one left at its period's end
        reader.get("/account");
        assertThat(reader.post("/account/subscription/cancel", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(stripe.calls("POST", "/v1/subscriptions/sub_p1"))
                .singleElement()
                .satisfies(c -> assertThat(c.fields()).containsEntry("cancel_at_period_end", "true"));
    }

    @Test
    void aNewsletterIsSignedWithDkimByThePackagedClasses() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path key = dir.resolve("dkim.der");
        Files.write(key, g.generateKeyPair().getPrivate().getEncoded()); // PKCS#8, DER
        Path source = Path.of(
                PackagedJarTest.class.getResource("/packaged/SignWithDkim.java").toURI());
        Process p = new ProcessBuilder(java(), "-cp", JAR.toString(), source.toString(), key.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String bodyHash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest("Good morning.\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(out.replaceAll("\r\n[ \t]+", " "))
                .containsPattern("(?m)^DKIM-Signature: .*a=rsa-sha256")
                .containsPattern("(?m)^DKIM-Signature: .*d=news\\.example")
                .containsPattern("(?m)^DKIM-Signature: .*s=brief")
                .contains("bh=" + bodyHash)
                .contains("Good morning.");
    }
}
