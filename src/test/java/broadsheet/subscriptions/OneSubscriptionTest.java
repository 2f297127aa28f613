package broadsheet.subscriptions;

import static broadsheet.subscriptions.StripeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One reader, at most one live Stripe subscription: guarded at Checkout, and reconciled when Stripe reports two. */
class OneSubscriptionTest {

    static final FakeStripeApi stripe = new FakeStripeApi();
    static final String PRICE = "price_monthly_test";
    static final long DAY = 86400;

    @RegisterExtension
    static final AppExtension app = AppExtension.stripe(stripe.config());

    static TestApp t;
    static Jdbi jdbi;
    static int readers;

    String ada;
    String n;

    @BeforeAll
    static void setUp() {
        t = app.get();
        jdbi = t.fixtures.jdbi();
        plan(jdbi, "monthly", "Monthly", "month", 900, PRICE);
        plan(jdbi, "annual", "Annual", "year", 9000, "price_annual_test");
    }

    @AfterAll
    static void tearDown() {
        stripe.close();
    }

    @BeforeEach
    void newReader() {
        stripe.received.clear();
        n = "_one" + (++readers);
        ada = "ada" + n + "@example.org";
    }

    static void send(String payload) {
        HttpResponse<String> r = post(t.url("/stripe/webhook"), payload, WEBHOOK_SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static String following(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select stripe_subscription_id from subscriptions where user_id = :u")
                .bind("u", userId)
                .mapTo(String.class)
                .one());
    }

    @Test
    void twoCheckoutRequestsAtOnceOpenOnePaymentPageAndALaterOneGoesBackToIt() {
        WebClient reader = t.signedIn(ada, Role.READER);
        reader.get("/subscribe");
        stripe.holdCheckouts();
        CompletableFuture<HttpResponse<String>> first, second;
        try {
            first = CompletableFuture.supplyAsync(() -> reader.post("/subscribe/monthly", Map.of()));
            // the first tab's request is at Stripe, held there
            Waiting.upTo(java.time.Duration.ofSeconds(20))
                    .until(() -> stripe.calls("POST", "/v1/checkout/sessions").size() == 1);
            second = CompletableFuture.supplyAsync(() -> reader.post("/subscribe/annual", Map.of()));
            // the second tab's request is answered here, or (were there no guard) reaches Stripe too
            Waiting.upTo(java.time.Duration.ofSeconds(20))
                    .until(() -> second.isDone()
                            || stripe.calls("POST", "/v1/checkout/sessions").size() == 2);
        } finally {
            stripe.release(); // whatever happened, the next test's Checkout is not held
        }
        HttpResponse<String> a = first.join(), b = second.join();

        assertThat(stripe.calls("POST", "/v1/checkout/sessions")).hasSize(1);
        assertThat(a.statusCode()).isEqualTo(303);
        String page = a.headers().firstValue("Location").orElseThrow();
        assertThat(page).startsWith("https://checkout.stripe.com/c/pay/cs_test_a");
        assertThat(b.statusCode()).as(b.body()).isEqualTo(409);
        assertThat(HtmlValidator.problems(b.body())).isEmpty();
        assertThat(Jsoup.parse(b.body()).select("[role=alert]").text())
                .contains("Your payment page is being opened in another tab");

        // once the page is open, another tab is sent to the same page, not to a new one
        HttpResponse<String> again = reader.post("/subscribe/monthly", Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue(page);
        assertThat(stripe.calls("POST", "/v1/checkout/sessions")).hasSize(1);
    }

    @Test
    void anAccountIsNotDeletedWhileItsPaymentPageCouldStillBePaid() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        reader.get("/subscribe");
        assertThat(reader.post("/subscribe/monthly", Map.of()).statusCode()).isEqualTo(303);
        reader.get("/account");
        HttpResponse<String> refused = reader.post("/account/delete", Map.of("confirmPassword", "password for " + ada));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body())
                        .select("#f-confirmPassword-error")
                        .text())
                .contains("You have a Stripe payment page open");
        // the page's hour is over (Stripe expires the session then)
        jdbi.useHandle(h -> h.execute(
                "update stripe_checkouts set expires_at = now() - interval '1 second' where user_id = ?", id));
        HttpResponse<String> deleted = reader.post("/account/delete", Map.of("confirmPassword", "password for " + ada));
        assertThat(deleted.statusCode()).isEqualTo(200);
    }

    @Test
    void afterCheckoutCompletesNoOtherPaymentPageOpensWhileStripeConfirmsThePayment() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        reader.get("/subscribe");
        assertThat(reader.post("/subscribe/monthly", Map.of()).statusCode()).isEqualTo(303);
        long now = Instant.now().getEpochSecond();
        send(event(
                "evt_cs" + n, "checkout.session.completed", now, checkoutSession("cs" + n, id, "cus" + n, "sub" + n)));
        HttpResponse<String> r = reader.post("/subscribe/annual", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body()).select("[role=alert]").text())
                .contains("Stripe is still confirming the payment");
        assertThat(stripe.calls("POST", "/v1/checkout/sessions")).hasSize(1);
    }

    @Test
    void aSecondLiveSubscriptionIsCancelledAtOnceRefundedAndShownOnTheDesk() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        long now = Instant.now().getEpochSecond();
        // two subscriptions, the second made a minute after the first (two tabs before the guard, say)
        send(event(
                "evt_a" + n,
                "customer.subscription.created",
                now,
                subscription("sub_a" + n, "cus" + n, "active", now + 30 * DAY, false, id, PRICE)));
        send(event(
                "evt_b" + n,
                "customer.subscription.created",
                now + 60,
                subscription("sub_b" + n, "cus" + n, "active", now + 30 * DAY + 60, false, id, PRICE)));

        assertThat(following(id)).isEqualTo("sub_a" + n);
        assertThat(subscriber(jdbi, id)).isTrue();
        assertThat(stripe.calls("DELETE", "/v1/subscriptions/sub_b" + n)).hasSize(1);
        assertThat(stripe.calls("DELETE", "/v1/subscriptions/sub_a" + n)).isEmpty();
        assertThat(stripe.calls("POST", "/v1/refunds"))
                .singleElement()
                .satisfies(r -> assertThat(r.fields())
                        .containsEntry("payment_intent", "pi_in_sub_b" + n)
                        .containsEntry("reason", "duplicate"));

        // Stripe's news of the cancelled one changes nothing for the reader
        send(event(
                "evt_b_gone" + n,
                "customer.subscription.deleted",
                now + 61,
                deletedSubscription("sub_b" + n, "cus" + n, now + 30 * DAY + 60, now + 61, id, PRICE)));
        assertThat(following(id)).isEqualTo("sub_a" + n);
        assertThat(subscriber(jdbi, id)).isTrue();

        WebClient admin = t.signedIn("admin" + n + "@example.org", Role.ADMIN);
        HttpResponse<String> desk = admin.get("/newsroom/subscriptions");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(desk.body())).isEmpty();
        Document d = Jsoup.parse(desk.body());
        assertThat(d.select("#duplicates-h").text()).isEqualTo("Readers who had two Stripe subscriptions");
        String row = d.select(".duplicates-table tr:has(th:containsOwn(" + ada + "))")
                .text();
        assertThat(row).contains("sub_b" + n, "sub_a" + n, "Settled", "Refunded USD 9.00");
    }

    @Test
    void whenTheNewerSubscriptionIsReportedFirstTheOlderIsKeptAndTheNewerCancelled() {
        t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        long now = Instant.now().getEpochSecond();
        send(event(
                "evt_b" + n,
                "customer.subscription.created",
                now + 60,
                subscription("sub_b" + n, "cus" + n, "active", now + 30 * DAY + 60, false, id, PRICE)));
        send(event(
                "evt_a" + n,
                "customer.subscription.created",
                now,
                subscription("sub_a" + n, "cus" + n, "active", now + 30 * DAY, false, id, PRICE)));
        // that "created" of the older one arrived late: news older than the row's is not trusted to say it is live
        assertThat(following(id)).isEqualTo("sub_b" + n);
        assertThat(stripe.calls("DELETE", "/v1/subscriptions/sub_b" + n)).isEmpty();
        // its next news is newer, and says it runs: the older is kept
        send(event(
                "evt_a2" + n,
                "customer.subscription.updated",
                now + 120,
                subscription("sub_a" + n, "cus" + n, "active", now + 30 * DAY, false, id, PRICE)));
        assertThat(following(id)).isEqualTo("sub_a" + n);
        assertThat(stripe.calls("DELETE", "/v1/subscriptions/sub_b" + n)).hasSize(1);
        assertThat(stripe.calls("DELETE", "/v1/subscriptions/sub_a" + n)).isEmpty();
        assertThat(subscriber(jdbi, id)).isTrue();
    }
}
