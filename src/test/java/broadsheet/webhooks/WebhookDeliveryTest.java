package broadsheet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end: an admin registers a real local receiver in the newsroom (its host allowed explicitly),
 * changes write events in their own transaction, the delivery job signs and sends them, retries, gives up
 * after a day and disables the endpoint with a mail to its admin; every other address is refused.
 */
class WebhookDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestApp t;
    static MailConfig mail;
    static long section;
    static final AtomicInteger counter = new AtomicInteger();

    Receiver receiver;
    TestClock clock;
    DeliveryJob job;
    String adminEmail;
    WebClient admin;

    @BeforeAll
    static void startApp() {
        mail = new MailConfig("localhost", smtp.getSmtp().getPort(), "", "", false, "Ledger <news@example.org>");
        t = new TestApp(TestApp.Options.defaults().withMail(mail).withWebhookAllowHosts("localhost"));
        section = t.fixtures.section("webhook-news", "Webhook news");
    }

    @AfterAll
    static void stopApp() {
        t.close();
    }

    @BeforeEach
    void setUp() {
        receiver = new Receiver();
        clock = new TestClock();
        job = node();
        adminEmail = "hooks-admin-" + counter.incrementAndGet() + "@example.org";
        admin = t.signedIn(adminEmail, Role.ADMIN);
        admin.get(NewsroomPaths.webhooks());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        // each test's endpoints go with it, so no test's events reach another's receiver
        t.fixtures.jdbi().useHandle(h -> h.execute("delete from webhook_endpoints"));
    }

    DeliveryJob node() {
        return Nodes.job(t.fixtures.jdbi(), clock, mail, t.dataDir.resolve("mail"), "localhost");
    }

    /** Registers an endpoint through the newsroom form; returns its secret, read from the page (shown once). */
    String register(String url, String... events) {
        HttpResponse<String> r = postRegistration(url, events);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String secret = Jsoup.parse(r.body()).selectFirst("#secret").attr("value");
        receiver.secret(secret);
        return secret;
    }

    HttpResponse<String> postRegistration(String url, String... events) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", admin.cookie("bs_csrf").orElseThrow()));
        fields.add(Map.entry("url", url));
        fields.add(Map.entry("description", "Partner feed"));
        for (String e : events) fields.add(Map.entry("events", e));
        return admin.postForm(NewsroomPaths.webhooks(), fields);
    }

    long endpointId() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select max(id) from webhook_endpoints")
                        .mapTo(Long.class)
                        .one());
    }

    long publish(String headline) {
        String slug = "hook-" + counter.incrementAndGet();
        return t.fixtures.article(slug, headline, section, "news", Instant.now(), "Body of " + headline);
    }

    static JsonNode json(String body) throws Exception {
        return broadsheet.web.Json.MAPPER.readTree(body);
    }

    @Test
    void aPublishedArticleIsDeliveredOnceSignedWithTheSecretShownOnce() throws Exception {
        String secret = register(receiver.url("/published"), "article.published");
        assertThat(admin.get(NewsroomPaths.webhooks()).body())
                .contains(receiver.url("/published"))
                .doesNotContain(secret);

        long id = publish("Harbour bill passes");
        assertThat(job.drain()).isEqualTo(1);
        assertThat(job.drain()).isZero();

        List<Receiver.Received> got = receiver.at("/published");
        assertThat(got).hasSize(1);
        Receiver.Received one = got.getFirst();
        assertThat(one.signatureValid()).isTrue();
        assertThat(one.id()).startsWith("msg_");
        assertThat(Long.parseLong(one.timestamp()))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        JsonNode body = json(one.body());
        assertThat(body.get("type").asText()).isEqualTo("article.published");
        assertThat(body.at("/data/id").asLong()).isEqualTo(id);
        assertThat(body.at("/data/headline").asText()).isEqualTo("Harbour bill passes");
        assertThat(body.at("/data/section").asText()).isEqualTo("webhook-news");
        assertThat(body.at("/data/url").asText())
                .startsWith("http://news.example/20")
                .endsWith("/hook-" + (counter.get()));
        assertThat(Receiver.valid(secret, one.id(), one.timestamp(), one.body() + " ", one.signature()))
                .as("a changed body fails the check")
                .isFalse();
    }

    @Test
    void everyEventIsWrittenByTheChangeItself() throws Exception {
        register(
                receiver.url("/all"),
                Arrays.stream(WebhookEvent.values()).map(WebhookEvent::dbValue).toArray(String[]::new));
        var jdbi = t.fixtures.jdbi();
        long article = publish("Tides rise");
        jdbi.useHandle(h -> h.execute("update articles set headline = 'Tides rise again' where id = ?", article));
        jdbi.useHandle(
                h -> h.execute("update articles set updated_at = now() where id = ?", article)); // no content change
        t.fixtures.correction(article, "correction", "An earlier version misnamed the harbour.", Instant.now());
        jdbi.useHandle(h -> h.execute("""
                insert into comments (article_id, author_name, body, body_html, status)
                values (?, 'Reader', 'Well said', '<p>Well said</p>', 'visible')""", article));
        jdbi.useHandle(h -> h.execute("""
                insert into comments (article_id, author_name, body, body_html, status)
                values (?, 'Reader', 'Held', '<p>Held</p>', 'pending')""", article)); // not posted until let through
        jdbi.useHandle(h -> h.execute("update articles set status = 'unpublished' where id = ?", article));
        long reader = t.fixtures.user(
                "sub-" + counter.incrementAndGet() + "@example.org", Role.READER, "correct horse battery staple");
        jdbi.useHandle(h -> h.execute("""
                insert into subscriptions (user_id, status, current_period_end) values (?, 'active', now() + interval '30 days')""", reader));
        jdbi.useHandle(h -> h.execute("update subscriptions set status = 'revoked' where user_id = ?", reader));
        long newsletter =
                t.fixtures.newsletter("hook-letter-" + counter.incrementAndGet(), "Letter", "Daily", "everyone");
        jdbi.useHandle(h -> h.execute("""
                insert into newsletter_issues (newsletter_id, subject, status) values (?, 'Monday', 'draft')""", newsletter));
        jdbi.useHandle(h -> h.execute(
                "update newsletter_issues set status = 'sent', sent_at = now() where newsletter_id = ?", newsletter));

        job.drain();
        List<String> types = new ArrayList<>();
        for (Receiver.Received r : receiver.at("/all")) {
            assertThat(r.signatureValid()).isTrue();
            types.add(json(r.body()).get("type").asText());
        }
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "article.published",
                        "article.updated",
                        "correction.added",
                        "comment.posted",
                        "article.unpublished",
                        "subscription.started",
                        "subscription.ended",
                        "newsletter_issue.sent");
    }

    @Test
    void aChangeThatIsRolledBackSendsNothing() {
        register(receiver.url("/rollback"), "article.published");
        long before = events();
        try {
            t.fixtures.jdbi().useTransaction(h -> {
                h.execute("""
                        insert into articles (slug, headline, section_id, status, published_at)
                        values ('rolled-back-story', 'Never was', ?, 'published', now())""", section);
                throw new IllegalStateException("the editor's save failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its event went together
        }
        assertThat(events()).isEqualTo(before);
        assertThat(job.drain()).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    long events() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from webhook_events")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void theDeskRefusesInternalAddressesAndSaysWhy() {
        long before = endpointCount();
        String page = postRegistration("http://127.0.0.1:" + receiver.port() + "/x", "article.published")
                .body();
        assertThat(page).contains("loopback");
        HttpResponse<String> metadata =
                postRegistration("http://169.254.169.254/latest/meta-data/", "article.published");
        assertThat(metadata.statusCode()).isEqualTo(422);
        assertThat(metadata.body()).contains("link-local");
        assertThat(postRegistration("http://10.0.0.7/hook", "article.published").body())
                .contains("private address");
        assertThat(postRegistration(receiver.url("/none")).body()).contains("Choose at least one event");
        assertThat(postRegistration("not a url", "article.published").statusCode())
                .isEqualTo(422);
        assertThat(endpointCount()).isEqualTo(before);
        assertThat(receiver.received()).isEmpty();
    }

    long endpointCount() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from webhook_endpoints")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void anInternalAddressIsRefusedAgainAtDeliveryTime() {
        // written past the desk's check (as by an older version, or a name that now resolves elsewhere)
        String url = "http://127.0.0.1:" + receiver.port() + "/direct";
        long owner = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", adminEmail)
                        .mapTo(Long.class)
                        .one());
        t.fixtures
                .jdbi()
                .useTransaction(h -> new WebhookDao(t.fixtures.jdbi())
                        .create(h, url, "", List.of(WebhookEvent.ARTICLE_PUBLISHED), Signature.newSecret(), owner));
        publish("Nobody inside hears this");
        job.drain();
        assertThat(receiver.received()).isEmpty();
        LogEntry entry = new WebhookDao(t.fixtures.jdbi()).log(endpointId(), 10).getFirst();
        assertThat(entry.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(entry.lastError()).contains("refused").contains("loopback");
    }

    @Test
    void redirectsAreNotFollowed() {
        register(receiver.url("/moved"), "article.published");
        receiver.answer(() -> 307);
        publish("Moved story");
        job.drain();
        assertThat(receiver.at("/moved")).hasSize(1);
        assertThat(receiver.at("/elsewhere")).isEmpty();
        LogEntry entry = new WebhookDao(t.fixtures.jdbi()).log(endpointId(), 10).getFirst();
        assertThat(entry.responseCode()).isEqualTo(307);
        assertThat(entry.lastError()).contains("redirect");
    }

    @Test
    void aFailedDeliveryIsRetriedLaterWithTheSameIdAndAFreshSignature() {
        register(receiver.url("/flaky"), "article.published");
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() == 1 ? 503 : 200);
        publish("Second time lucky");

        job.drain();
        LogEntry first = new WebhookDao(t.fixtures.jdbi()).log(endpointId(), 10).getFirst();
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.responseCode()).isEqualTo(503);
        assertThat(Duration.between(clock.instant(), first.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));
        assertThat(job.drain()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(31));
        job.drain();
        List<Receiver.Received> got = receiver.at("/flaky");
        assertThat(got).hasSize(2);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        assertThat(got).allMatch(Receiver.Received::signatureValid);
        LogEntry done = new WebhookDao(t.fixtures.jdbi()).log(endpointId(), 10).getFirst();
        assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.responseCode()).isEqualTo(200);
    }

    @Test
    void backoffDoublesAndStopsAfterADay() {
        Instant event = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(DeliveryJob.nextAttempt(event, 1, event)).contains(event.plusSeconds(30));
        assertThat(DeliveryJob.nextAttempt(event, 2, event)).contains(event.plusSeconds(60));
        assertThat(DeliveryJob.nextAttempt(event, 5, event)).contains(event.plusSeconds(480));
        assertThat(DeliveryJob.nextAttempt(event, 12, event)).contains(event.plus(Duration.ofHours(4)));
        Instant late = event.plus(Duration.ofHours(23));
        assertThat(DeliveryJob.nextAttempt(event, 12, late)).contains(event.plus(Duration.ofDays(1)));
        assertThat(DeliveryJob.nextAttempt(event, 13, event.plus(Duration.ofDays(1))))
                .isEmpty();
    }

    @Test
    void anEndpointFailingForADayIsDisabledAndItsAdminToldByMail() throws Exception {
        register(receiver.url("/down"), "article.published");
        long id = endpointId();
        receiver.answer(() -> 500);
        publish("Into the void");
        job.drain();
        assertThat(receiver.at("/down")).hasSize(1);

        // retries through the day; then the day is up
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofHours(2).plusMinutes(1));
            job.drain();
        }
        clock.advance(Duration.ofMinutes(5));
        job.drain();
        Endpoint endpoint = new WebhookDao(t.fixtures.jdbi()).endpoint(id).orElseThrow();
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabledReason()).contains("failed for a day");
        LogEntry entry = new WebhookDao(t.fixtures.jdbi()).log(id, 10).getFirst();
        assertThat(entry.status()).isEqualTo(DeliveryStatus.FAILED);
        int attempts = receiver.at("/down").size();
        assertThat(attempts).isBetween(8, 20);

        var told = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(adminEmail);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.getFirst().getSubject()).isEqualTo("Webhook disabled: " + receiver.url("/down"));
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(told.getFirst()))
                .contains("/newsroom/webhooks/" + id);

        // a disabled endpoint gets no new events
        publish("Not for a disabled endpoint");
        assertThat(job.drain()).isZero();
        assertThat(receiver.at("/down")).hasSize(attempts);
        assertThat(admin.get(NewsroomPaths.webhook(id)).body()).contains("This endpoint is disabled");

        // the admin turns it on again
        receiver.answer(() -> 204);
        assertThat(admin.post(NewsroomPaths.webhook(id, "enable"), Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(new WebhookDao(t.fixtures.jdbi()).endpoint(id).orElseThrow().enabled())
                .isTrue();
        publish("Back on");
        job.drain();
        assertThat(receiver.at("/down")).hasSize(attempts + 1);
    }

    @Test
    void theLogShowsEachDeliveryAndRetryNowSendsAWaitingOneAtOnce() {
        register(receiver.url("/log"), "article.published");
        long id = endpointId();
        receiver.answer(() -> 502);
        publish("Logged story");
        job.drain();
        assertThat(job.drain()).as("the next retry is 30 seconds away").isZero();
        var page = Jsoup.parse(admin.get(NewsroomPaths.webhook(id)).body());
        var row = page.selectFirst("table.webhook-log tbody tr");
        assertThat(row.text()).contains("article.published").contains("Waiting").contains("502");
        assertThat(row.select("time"))
                .as("the event, the last attempt, the next retry")
                .hasSize(3);
        String retry = row.selectFirst("form").attr("action");

        receiver.answer(() -> 200);
        HttpResponse<String> r = admin.post(retry, Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(admin.get(r.headers().firstValue("Location").orElseThrow()).body())
                .contains("will be tried again");
        job.drain();
        var after = Jsoup.parse(admin.get(NewsroomPaths.webhook(id)).body()).selectFirst("table.webhook-log tbody tr");
        assertThat(after.text()).contains("Delivered").contains("200");
        assertThat(after.select("form")).as("nothing to retry").isEmpty();
    }

    @Test
    void onlyAdminsReachTheWebhooksDesk() {
        WebClient editor = t.signedIn("hooks-editor-" + counter.incrementAndGet() + "@example.org", Role.EDITOR);
        assertThat(editor.get(NewsroomPaths.webhooks()).statusCode()).isEqualTo(403);
        assertThat(t.client().get(NewsroomPaths.webhooks()).statusCode()).isEqualTo(303);
    }

    @Test
    void twoNodesDeliverEachEventExactlyOnce() throws Exception {
        register(receiver.url("/both"), "article.published");
        for (int i = 0; i < 150; i++) publish("Story " + i);
        DeliveryJob other = node();
        var a = java.util.concurrent.CompletableFuture.supplyAsync(job::drain);
        var b = java.util.concurrent.CompletableFuture.supplyAsync(other::drain);
        assertThat(a.get() + b.get()).isEqualTo(150);
        List<String> ids =
                receiver.at("/both").stream().map(Receiver.Received::id).toList();
        assertThat(ids).hasSize(150).doesNotHaveDuplicates();
        assertThat(new WebhookDao(t.fixtures.jdbi())
                        .endpoint(endpointId())
                        .orElseThrow()
                        .pending())
                .isZero();
    }

    @Test
    void theAppsOwnJobDeliversWhenJobsRun() throws Exception {
        try (TestApp withJobs =
                new TestApp(TestApp.Options.defaults().withMail(mail).withJobs().withWebhookAllowHosts("localhost"))) {
            String secret = Signature.newSecret();
            receiver.secret(secret);
            long owner = withJobs.fixtures.user("jobs-admin@example.org", Role.ADMIN, "correct horse battery staple");
            withJobs.fixtures
                    .jdbi()
                    .useTransaction(h -> new WebhookDao(withJobs.fixtures.jdbi())
                            .create(
                                    h,
                                    receiver.url("/jobs"),
                                    "",
                                    List.of(WebhookEvent.ARTICLE_PUBLISHED),
                                    secret,
                                    owner));
            long s = withJobs.fixtures.section("jobs", "Jobs");
            withJobs.fixtures.article("jobs-story", "On its own", s, "news", Instant.now(), "Body");
            // the job's first pass, a second after start, then its HTTP client's start: more than five seconds
            // on a busy machine (seen at load 30)
            broadsheet.testing.Waiting.upTo(java.time.Duration.ofSeconds(20))
                    .until(() -> receiver.at("/jobs").size() == 1);
            assertThat(receiver.at("/jobs").getFirst().signatureValid()).isTrue();
        }
    }

    @Test
    void theDeskPagesAreValidHtml() {
        var errors = postRegistration("http://10.0.0.7/hook");
        assertThat(broadsheet.testing.HtmlValidator.problems(errors.body()))
                .as("form with errors")
                .isEmpty();
        var created = postRegistration(receiver.url("/html"), "article.published", "comment.posted");
        assertThat(broadsheet.testing.HtmlValidator.problems(created.body()))
                .as("secret shown")
                .isEmpty();
        receiver.answer(() -> 500);
        publish("Checked markup");
        job.drain();
        assertThat(broadsheet.testing.HtmlValidator.problems(
                        admin.get(NewsroomPaths.webhooks()).body()))
                .as("list")
                .isEmpty();
        assertThat(broadsheet.testing.HtmlValidator.problems(
                        admin.get(NewsroomPaths.webhook(endpointId())).body()))
                .as("delivery log")
                .isEmpty();
    }
}
