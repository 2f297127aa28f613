package broadsheet.subscriptions;

import static broadsheet.subscriptions.StripeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stripe's webhook over real HTTP with signed event fixtures: what a reader's subscription becomes, and what cannot change it. */
class StripeWebhookTest {

    static final String PRICE = "price_monthly_test";
    static final long DAY = 86400;

    @RegisterExtension
    static final AppExtension app =
            AppExtension.stripe(new StripeConfig(SECRET_KEY, WEBHOOK_SECRET, "http://127.0.0.1:9"));

    static TestApp t;
    static Jdbi jdbi;
    static String hook;
    static int tests;

    /** Each test has its own reader, and its own Stripe ids (events, subscriptions, customers) ending in {@link #n}. */
    WebClient reader;

    long readerId;
    long now;
    String n;
    long subscriptionMark;
    Timestamp started;

    @BeforeAll
    static void setUp() {
        t = app.get();
        jdbi = t.fixtures.jdbi();
        plan(jdbi, "monthly", "Monthly", "month", 900, PRICE);
        hook = t.url("/stripe/webhook");
    }

    @BeforeEach
    void newReader() {
        n = "_t" + (++tests);
        String email = "ada" + n + "@example.org";
        reader = t.signedIn(email, Role.READER);
        readerId = userId(jdbi, email);
        now = Instant.now().getEpochSecond();
        subscriptionMark = jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) from subscriptions")
                .mapTo(Long.class)
                .one());
        started = jdbi.withHandle(h ->
                h.createQuery("select clock_timestamp()").mapTo(Timestamp.class).one());
    }

    /** This test's Stripe id: a Stripe id is unique across the paper. */
    String id(String stripeId) {
        return stripeId + n;
    }

    /** Subscriptions written since this test began. */
    int newSubscriptions() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from subscriptions where id > :m")
                .bind("m", subscriptionMark)
                .mapTo(Integer.class)
                .one());
    }

    /** Stripe events recorded since this test began. */
    int newEvents() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from stripe_events where received_at >= :t")
                .bind("t", started)
                .mapTo(Integer.class)
                .one());
    }

    HttpResponse<String> send(String id, String type, long created, String object) {
        HttpResponse<String> r = post(hook, event(id, type, created, object), WEBHOOK_SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    String sub(String status, long periodEnd, boolean cancelAtEnd) {
        return subscription(id("sub_1"), id("cus_1"), status, periodEnd, cancelAtEnd, readerId, PRICE);
    }

    Instant periodEnd() {
        return jdbi.withHandle(h -> h.createQuery("select current_period_end from subscriptions where user_id = :u")
                        .bind("u", readerId)
                        .mapTo(Timestamp.class)
                        .one())
                .toInstant();
    }

    int version() {
        return jdbi.withHandle(h -> h.createQuery("select version from subscriptions where user_id = :u")
                .bind("u", readerId)
                .mapTo(Integer.class)
                .one());
    }

    int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    boolean bool(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Boolean.class).one());
    }

    Document account() {
        HttpResponse<String> r = reader.get("/account");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        return Jsoup.parse(r.body());
    }

    String facts(Document d) {
        return d.select(".account-subscription dl").text();
    }

    @Test
    void checkoutThenSubscriptionMakesAReaderASubscriberShownOnTheirAccountPage() {
        assertThat(account().select(".account-subscription").text()).contains("You do not subscribe");
        send(
                id("evt_cs"),
                "checkout.session.completed",
                now,
                checkoutSession(id("cs_1"), readerId, id("cus_1"), id("sub_1")));
        assertThat(subscriber(jdbi, readerId))
                .as("no access before Stripe says the subscription is active")
                .isFalse();
        assertThat(facts(account())).contains("Waiting for payment").doesNotContain("Ended");

        send(id("evt_created"), "customer.subscription.created", now, sub("active", now + 30 * DAY, false));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        Document d = account();
        assertThat(facts(d))
                .contains("Plan Monthly", "Status Active", "Cancels at period end No", "Paid through Stripe");
        assertThat(d.select(".account-subscription time").attr("datetime"))
                .isEqualTo(Instant.ofEpochSecond(now + 30 * DAY).toString());
        assertThat(d.select("form[action=/account/subscription/cancel]")).hasSize(1);
    }

    @Test
    void subscriptionEventsBeforeCheckoutCompletedFindTheReaderByMetadataAndTheLateCheckoutChangesNothingBack() {
        send(id("evt_created"), "customer.subscription.created", now, sub("active", now + 30 * DAY, false));
        send(
                id("evt_cs"),
                "checkout.session.completed",
                now,
                checkoutSession(id("cs_1"), readerId, id("cus_1"), id("sub_1")));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        assertThat(facts(account())).contains("Status Active");
    }

    @Test
    void aDuplicateEventChangesNothing() {
        String payload =
                event(id("evt_once"), "customer.subscription.created", now, sub("active", now + 30 * DAY, false));
        HttpResponse<String> first = post(hook, payload, WEBHOOK_SECRET);
        assertThat(first.body()).contains("\"outcome\":\"applied\"");
        int version = version();
        HttpResponse<String> again = post(hook, payload, WEBHOOK_SECRET);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"duplicate\"");
        assertThat(version()).isEqualTo(version);
        assertThat(count("select count(*) from stripe_events where id = '" + id("evt_once") + "'"))
                .isEqualTo(1);
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        send(id("evt_2"), "customer.subscription.updated", now, sub("active", now + 60 * DAY, false));
        HttpResponse<String> late =
                send(id("evt_1"), "customer.subscription.created", now - 3600, sub("active", now + 30 * DAY, false));
        assertThat(late.body()).contains("\"outcome\":\"ignored\"");
        assertThat(periodEnd()).isEqualTo(Instant.ofEpochSecond(now + 60 * DAY));
    }

    @Test
    void aDeletionThatArrivesBeforeAnOlderUpdateStillWins() {
        send(id("evt_created"), "customer.subscription.created", now - 7200, sub("active", now + 30 * DAY, false));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        send(
                id("evt_deleted"),
                "customer.subscription.deleted",
                now,
                deletedSubscription(id("sub_1"), id("cus_1"), now + 30 * DAY, now, readerId, PRICE));
        assertThat(subscriber(jdbi, readerId)).as("cancellation shows at once").isFalse();
        // the update Stripe sent before the deletion arrives last
        send(id("evt_updated"), "customer.subscription.updated", now - 3600, sub("active", now + 30 * DAY, true));
        assertThat(subscriber(jdbi, readerId)).isFalse();
        Document d = account();
        assertThat(facts(d)).contains("Status Cancelled");
        assertThat(d.select("form[action=/account/subscription/cancel]")).isEmpty();
        assertThat(d.select(".account-subscription a[href=/subscribe]").text()).isEqualTo("Subscribe again");
    }

    @Test
    void aDeletionInTheSameSecondAsAnUpdateWinsWhicheverArrivesFirst() {
        send(id("evt_created"), "customer.subscription.created", now - 60, sub("active", now + 30 * DAY, false));
        send(
                id("evt_deleted"),
                "customer.subscription.deleted",
                now,
                deletedSubscription(id("sub_1"), id("cus_1"), now + 30 * DAY, now, readerId, PRICE));
        send(id("evt_updated"), "customer.subscription.updated", now, sub("active", now + 30 * DAY, false));
        assertThat(subscriber(jdbi, readerId)).isFalse();
    }

    @Test
    void aRenewalExtendsThePeriodAtOnce() {
        send(id("evt_created"), "customer.subscription.created", now - 3600, sub("active", now + 2 * DAY, false));
        send(id("evt_paid"), "invoice.paid", now, invoice(id("in_2"), id("sub_1"), now + 32 * DAY));
        assertThat(periodEnd()).isEqualTo(Instant.ofEpochSecond(now + 32 * DAY));
        // Stripe's own snapshot of the renewed subscription agrees, and an older invoice changes nothing
        send(id("evt_renewed"), "customer.subscription.updated", now + 1, sub("active", now + 32 * DAY, false));
        send(id("evt_old_paid"), "invoice.paid", now - 7200, invoice(id("in_1"), id("sub_1"), now + 2 * DAY));
        assertThat(periodEnd()).isEqualTo(Instant.ofEpochSecond(now + 32 * DAY));
        assertThat(account().select(".account-subscription time").attr("datetime"))
                .isEqualTo(Instant.ofEpochSecond(now + 32 * DAY).toString());
    }

    @Test
    void aFailedPaymentKeepsAccessWhileStripeRetriesAndAPaidInvoiceClearsIt() {
        send(id("evt_created"), "customer.subscription.created", now - 3600, sub("active", now + 3 * DAY, false));
        send(id("evt_failed"), "invoice.payment_failed", now - 60, invoice(id("in_2"), id("sub_1"), now + 33 * DAY));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        assertThat(facts(account())).contains("Active, payment overdue");
        send(id("evt_paid"), "invoice.paid", now, invoice(id("in_2"), id("sub_1"), now + 33 * DAY));
        assertThat(facts(account())).contains("Status Active ").doesNotContain("overdue");
        assertThat(periodEnd()).isEqualTo(Instant.ofEpochSecond(now + 33 * DAY));
    }

    @Test
    void cancellingAtPeriodEndShowsAtOnceAndAccessLastsToTheEnd() {
        send(id("evt_created"), "customer.subscription.created", now - 3600, sub("active", now + 10 * DAY, false));
        send(id("evt_cancel"), "customer.subscription.updated", now, sub("active", now + 10 * DAY, true));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        Document d = account();
        assertThat(facts(d)).contains("Active, cancels at period end", "Cancels at period end Yes");
        assertThat(d.select("form[action=/account/subscription/resume]")).hasSize(1);
    }

    @Test
    void aSubscriptionLapsesAtItsPeriodsEndOnItsOwn() {
        long soon = Instant.now().getEpochSecond() + 2;
        send(id("evt_created"), "customer.subscription.created", now, sub("active", soon, false));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > soon);
        assertThat(subscriber(jdbi, readerId)).isFalse();
        assertThat(facts(account())).contains("Status Lapsed");
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() {
        String payload =
                event(id("evt_forged"), "customer.subscription.created", now, sub("active", now + 365 * DAY, false));
        long ts = Instant.now().getEpochSecond();
        assertThat(post(hook, payload, "whsec_someone_else").statusCode()).isEqualTo(400);
        assertThat(postWithHeader(hook, payload, null).statusCode()).isEqualTo(400);
        assertThat(postWithHeader(hook, payload, "t=" + ts + ",v1=00ff").statusCode())
                .isEqualTo(400);
        // signed properly, but altered on the way
        String signed = signature(payload, WEBHOOK_SECRET, ts);
        assertThat(postWithHeader(hook, payload.replace("\"status\":\"active\"", "\"status\":\"trialing\""), signed)
                        .statusCode())
                .isEqualTo(400);
        // signed properly, but long ago (a replay of a captured request)
        assertThat(postWithHeader(hook, payload, signature(payload, WEBHOOK_SECRET, ts - 3600))
                        .statusCode())
                .isEqualTo(400);
        assertThat(subscriber(jdbi, readerId)).isFalse();
        assertThat(newEvents()).isZero();
        assertThat(newSubscriptions()).isZero();
    }

    @Test
    void theWebhookNeedsNoSessionOrCsrfTokenButOtherPostsStillDo() {
        // StripeFixtures.post sends no cookies at all
        send(id("evt_created"), "customer.subscription.created", now, sub("active", now + 30 * DAY, false));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        // the exemption is for that one address: a reader's own form without a token is still refused
        assertThat(reader.postRaw("/account/subscription/cancel", java.util.Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(subscriber(jdbi, readerId)).isTrue();
        assertThat(bool("select cancel_at_period_end from subscriptions where user_id = " + readerId))
                .isFalse();
    }

    @Test
    void eventsForAnotherSitesSubscriptionsAreRecordedAndIgnored() {
        HttpResponse<String> r = send(
                id("evt_other"),
                "customer.subscription.created",
                now,
                subscription(
                        id("sub_other"), id("cus_other"), "active", now + 30 * DAY, false, null, "price_elsewhere"));
        assertThat(r.body()).contains("\"outcome\":\"ignored\"");
        HttpResponse<String> unknown =
                send(id("evt_product"), "product.created", now, "{\"id\":\"prod_1\",\"object\":\"product\"}");
        assertThat(unknown.body()).contains("\"outcome\":\"ignored\"");
        assertThat(newSubscriptions()).isZero();
    }

    @Test
    void aLateEventAboutAnOlderSubscriptionDoesNotReplaceTheReadersCurrentOne() {
        send(id("evt_new"), "customer.subscription.created", now, sub("active", now + 30 * DAY, false));
        send(
                id("evt_old"),
                "customer.subscription.updated",
                now - 86400,
                subscription(id("sub_0"), id("cus_1"), "active", now + 5 * DAY, false, readerId, PRICE));
        send(
                id("evt_old_gone"),
                "customer.subscription.deleted",
                now + 5,
                deletedSubscription(id("sub_0"), id("cus_1"), now + 5 * DAY, now + 5, readerId, PRICE));
        assertThat(subscriber(jdbi, readerId)).isTrue();
        assertThat(periodEnd()).isEqualTo(Instant.ofEpochSecond(now + 30 * DAY));
        String current = jdbi.withHandle(
                h -> h.createQuery("select stripe_subscription_id from subscriptions where user_id = :u")
                        .bind("u", readerId)
                        .mapTo(String.class)
                        .one());
        assertThat(current).isEqualTo(id("sub_1"));
    }

    @Test
    void eventIdsAreForgottenOnlyLongAfterStripeStopsRetrying() {
        send(id("evt_recent"), "customer.subscription.created", now, sub("active", now + 30 * DAY, false));
        jdbi.useHandle(h -> h.execute("insert into stripe_events (id, type, created_at, received_at) " + "values ('"
                + id("evt_ancient") + "', 'invoice.paid', now() - interval '40 days', now() - interval '40 days')"));
        new broadsheet.accounts.Housekeeping(jdbi).runOnce();
        assertThat(count("select count(*) from stripe_events where id = '" + id("evt_ancient") + "'"))
                .isZero();
        assertThat(count("select count(*) from stripe_events where id = '" + id("evt_recent") + "'"))
                .isEqualTo(1);
    }

    @Test
    void theArticlesASubscriberMayReadFollowTheWebhookAtOnce() {
        t.fixtures.setting("paywall_meter", "0");
        t.fixtures.setting("site_time_zone", "UTC");
        long section = t.fixtures.section("politics", "Politics");
        Instant at =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(3600);
        long article = t.fixtures.article(
                "harbour-ledger",
                "The harbour ledger",
                section,
                "news",
                at,
                "The opening paragraph.\n\nThe ledger hides a golden key behind page nine.\n\nA closing paragraph.");
        t.fixtures.access(article, "subscribers");
        t.contentChanged();
        var d = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        String path = "/%04d/%02d/%02d/harbour-ledger".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        String secret = "golden key behind page nine";

        assertThat(reader.get(path).body()).contains("The harbour ledger").doesNotContain(secret);
        send(id("evt_created"), "customer.subscription.created", now - 60, sub("active", now + 30 * DAY, false));
        assertThat(reader.get(path).body()).contains(secret);
        send(
                id("evt_deleted"),
                "customer.subscription.deleted",
                now,
                deletedSubscription(id("sub_1"), id("cus_1"), now + 30 * DAY, now, readerId, PRICE));
        assertThat(reader.get(path).body()).doesNotContain(secret);
    }
}
