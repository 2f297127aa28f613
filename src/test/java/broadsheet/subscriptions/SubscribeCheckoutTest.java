package broadsheet.subscriptions;

import static broadsheet.subscriptions.StripeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plans page and Stripe Checkout, with a local server playing Stripe's API; and cancelling from the account page. */
class SubscribeCheckoutTest {

    static final FakeStripeApi stripe = new FakeStripeApi();

    @RegisterExtension
    static final AppExtension app = AppExtension.stripe(stripe.config());

    static TestApp t;
    static Jdbi jdbi;
    static int readers;

    /** This test's reader's address: a new account in each test. */
    String ada;

    @BeforeAll
    static void setUp() {
        t = app.get();
        jdbi = t.fixtures.jdbi();
        plan(jdbi, "monthly", "Monthly", "month", 900, "price_monthly_test");
        plan(jdbi, "annual", "Annual", "year", 9000, "price_annual_test");
    }

    @AfterAll
    static void tearDown() {
        stripe.close();
    }

    @BeforeEach
    void newReader() {
        stripe.received.clear();
        ada = "ada" + (++readers) + "@example.org";
    }

    static Document valid(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        return Jsoup.parse(r.body());
    }

    @Test
    void anonymousReadersSeeThePlansAndAreSentToSignInFirst() {
        Document d = valid(t.client().get("/subscribe"), 200);
        assertThat(d.select(".plan__name").eachText()).containsExactly("Monthly", "Annual");
        assertThat(d.select(".plan__price").eachText()).containsExactly("$9.00 a month", "$90.00 a year");
        assertThat(d.select(".plan a.button").eachAttr("href")).containsOnly("/sign-in?next=%2Fsubscribe");
        assertThat(d.select("form[method=post]")).isEmpty();
        // the form's target itself needs a signed-in reader
        WebClient anon = t.client();
        anon.get("/subscribe");
        HttpResponse<String> r = anon.post("/subscribe/monthly", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in?next=");
        assertThat(stripe.received).isEmpty();
    }

    @Test
    void subscribeStartsACheckoutSessionForThePlanAndSendsTheReaderToStripe() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        Document d = valid(reader.get("/subscribe"), 200);
        assertThat(d.select("form[action=/subscribe/annual] button").text()).startsWith("Subscribe");

        HttpResponse<String> r = reader.post("/subscribe/annual", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .startsWith("https://checkout.stripe.com/c/pay/cs_test_a");

        assertThat(stripe.received).hasSize(1);
        Received call = stripe.received.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(call.authorization()).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(call.fields())
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", "price_annual_test")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("client_reference_id", Long.toString(id))
                .containsEntry("customer_email", ada)
                .containsEntry("subscription_data[metadata][user_id]", Long.toString(id))
                .containsEntry("success_url", "http://news.example/subscribe/thanks?session={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", "http://news.example/subscribe?cancelled=1");

        // back from Stripe before its webhook: the thanks page says so
        Document thanks = valid(reader.get("/subscribe/thanks?session=cs_test_a1"), 200);
        assertThat(thanks.select("[role=status]").text()).contains("Stripe is confirming your payment");
        // cancelled at Stripe: nothing charged
        Document back = valid(reader.get("/subscribe?cancelled=1"), 200);
        assertThat(back.select("[role=status]").text()).contains("nothing was charged");
    }

    @Test
    void aSubscriberIsNotSentToCheckoutAgainAndUnknownPlansAreNotFound() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        jdbi.useHandle(h -> h.execute(
                "insert into subscriptions (user_id, status, current_period_end) values (?, 'active', now() + interval '5 days')",
                id));
        Document d = valid(reader.get("/subscribe"), 200);
        assertThat(d.select("[role=status]").text()).contains("You already subscribe");
        assertThat(d.select("form[method=post]")).isEmpty();
        HttpResponse<String> again = reader.post("/subscribe/monthly", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.body()).select("[role=alert]").text()).contains("You already subscribe");
        assertThat(reader.post("/subscribe/platinum", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stripe.received).isEmpty();
    }

    @Test
    void cancellingAStripeSubscriptionAsksStripeAndShowsAtOnce() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        jdbi.useHandle(h -> h.execute("""
                insert into subscriptions (user_id, status, current_period_end, source, stripe_customer_id, stripe_subscription_id)
                values (?, 'active', now() + interval '20 days', 'stripe', 'cus_9', 'sub_9')""", id));
        reader.get("/account");
        HttpResponse<String> r = reader.post("/account/subscription/cancel", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(stripe.received).hasSize(1);
        assertThat(stripe.received.get(0).path()).isEqualTo("/v1/subscriptions/sub_9");
        assertThat(stripe.received.get(0).fields()).containsEntry("cancel_at_period_end", "true");
        Document account = valid(reader.follow(r), 200);
        assertThat(account.select("p.notice[role=status]").text()).contains("will end at the end of this period");
        assertThat(account.select(".account-subscription dl").text()).contains("Cancels at period end Yes");
        assertThat(subscriber(jdbi, id)).as("access lasts to the period's end").isTrue();

        HttpResponse<String> keep = reader.post("/account/subscription/resume", Map.of());
        assertThat(stripe.received.get(1).fields()).containsEntry("cancel_at_period_end", "false");
        assertThat(valid(reader.follow(keep), 200)
                        .select(".account-subscription dl")
                        .text())
                .contains("Cancels at period end No");
    }

    @Test
    void cancellingAManualSubscriptionNeedsNoStripe() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        jdbi.useHandle(h -> h.execute(
                "insert into subscriptions (user_id, status, current_period_end) values (?, 'active', now() + interval '5 days')",
                id));
        reader.get("/account");
        HttpResponse<String> r = reader.post("/account/subscription/cancel", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(stripe.received).isEmpty();
        assertThat(valid(reader.follow(r), 200)
                        .select(".account-subscription dl")
                        .text())
                .contains("Active, cancels at period end", "Paid through Arranged with the paper");
        // with nothing running, there is nothing to cancel
        jdbi.useHandle(h -> h.execute(
                "update subscriptions set current_period_end = now() - interval '1 minute' where user_id = ?", id));
        assertThat(reader.post("/account/subscription/cancel", Map.of()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void withoutAStripeKeyThePageSaysSoAndHowToReachThePaperWithNoButtons() {
        TestApp plain = app.fresh(o -> TestApp.Options.defaults());
        var db = plain.fixtures.jdbi();
        plan(db, "monthly", "Monthly", "month", 900, "price_monthly_test");
        db.useHandle(h -> h.execute(
                "insert into settings (key, value) values ('subscriptions_contact', 'Call the desk on +1 555 0100.')"));
        Document d = valid(plain.get("/subscribe"), 200);
        assertThat(d.select("#offline-h").text()).isEqualTo("Paying online is not set up");
        assertThat(d.select(".subscribe__offline").text()).contains("Call the desk on +1 555 0100.");
        assertThat(d.select(".plan__name").eachText()).containsExactly("Monthly");
        assertThat(d.select("form[method=post], .plan a.button, .plan button")).isEmpty();
    }

    @Test
    void theDemoPaperGetsAMonthlyAndAnAnnualPlanOnce() {
        TestApp plain = app.fresh(o -> TestApp.Options.defaults());
        var db = plain.fixtures.jdbi();
        PlanDao.seedDemo(db);
        PlanDao.seedDemo(db);
        assertThat(new PlanDao(db).offered()).extracting(Plan::slug).containsExactly("monthly", "annual");
        Document d = valid(plain.get("/subscribe"), 200);
        assertThat(d.select(".subscribe__offline").text()).contains("subscriptions@meridian-ledger.example");
    }

    @Test
    void whenStripeFailsTheReaderIsToldAndNothingChanges() {
        // an app of its own, whose Stripe has stopped answering
        FakeStripeApi gone = new FakeStripeApi();
        gone.close();
        TestApp down = app.fresh(o -> o.withStripe(gone.config()));
        plan(down.fixtures.jdbi(), "monthly", "Monthly", "month", 900, "price_monthly_test");
        WebClient reader = down.signedIn(ada, Role.READER);
        reader.get("/subscribe");
        HttpResponse<String> r = reader.post("/subscribe/monthly", Map.of());
        Document d = valid(r, 502);
        assertThat(d.select("[role=alert]").text()).contains("Nothing was charged");
        assertThat(down.fixtures
                        .jdbi()
                        .withHandle(h -> h.createQuery("select count(*) from subscriptions")
                                .mapTo(Integer.class)
                                .one())
                        .intValue())
                .isZero();
    }

    @Test
    void aKeyWithoutAWebhookSecretDoesNotTakePaymentsThatCouldNotBeRecorded() {
        TestApp half = app.fresh(o -> o.withStripe(new StripeConfig(SECRET_KEY, "", stripe.base())));
        plan(half.fixtures.jdbi(), "monthly", "Monthly", "month", 900, "price_monthly_test");
        WebClient reader = half.signedIn(ada, Role.READER);
        Document d = valid(reader.get("/subscribe"), 200);
        assertThat(d.select("#offline-h").text()).isEqualTo("Paying online is not set up");
        assertThat(d.select("form[method=post]")).isEmpty();
        assertThat(reader.post("/subscribe/monthly", Map.of()).statusCode()).isEqualTo(409);
        assertThat(stripe.received).isEmpty();
        assertThat(StripeFixtures.post(half.url("/stripe/webhook"), "{}", WEBHOOK_SECRET)
                        .statusCode())
                .isEqualTo(503);
    }

    @Test
    void anAccountWhoseSubscriptionRenewsThroughStripeIsNotDeletedUntilItIsCancelledAndTheExportShowsIt() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        jdbi.useHandle(h -> h.execute(
                "insert into subscriptions (user_id, status, current_period_end, source, stripe_customer_id, "
                        + "stripe_subscription_id) values (?, 'active', now() + interval '20 days', 'stripe', 'cus_10', 'sub_10')",
                id));
        String export = reader.get("/account/export.json").body();
        assertThat(export).contains("\"subscription\"", "\"paidThrough\":\"stripe\"", "\"status\":\"active\"");

        reader.get("/account");
        HttpResponse<String> refused = reader.post("/account/delete", Map.of("confirmPassword", "password for " + ada));
        Document d = valid(refused, 422);
        assertThat(d.select("#f-confirmPassword-error").text())
                .contains("Your subscription still renews through Stripe");
        assertThat(users(id)).isEqualTo(1);

        reader.post("/account/subscription/cancel", Map.of());
        HttpResponse<String> deleted = reader.post("/account/delete", Map.of("confirmPassword", "password for " + ada));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(users(id)).isZero();
    }

    @Test
    void anAccountWhoseFirstStripePaymentIsStillUnconfirmedIsNotDeletedUntilStripeEndsTheSubscription() {
        WebClient reader = t.signedIn(ada, Role.READER);
        long id = userId(jdbi, ada);
        long now = java.time.Instant.now().getEpochSecond();
        // Checkout finished; Stripe has not confirmed the payment (3-D Secure pending, say)
        StripeFixtures.post(
                t.url("/stripe/webhook"),
                event("evt_cs_11", "checkout.session.completed", now, checkoutSession("cs_11", id, "cus_11", "sub_11")),
                WEBHOOK_SECRET);
        reader.get("/account");
        HttpResponse<String> refused = reader.post("/account/delete", Map.of("confirmPassword", "password for " + ada));
        Document d = valid(refused, 422);
        assertThat(d.select("#f-confirmPassword-error").text())
                .contains("Stripe is still confirming the first payment of your subscription");
        assertThat(users(id)).isEqualTo(1);

        // the payment never went through: Stripe ends the subscription, and the account may go
        StripeFixtures.post(
                t.url("/stripe/webhook"),
                event(
                        "evt_expired_11",
                        "customer.subscription.updated",
                        now + 1,
                        subscription(
                                "sub_11",
                                "cus_11",
                                "incomplete_expired",
                                now + 30 * 86400,
                                false,
                                id,
                                "price_monthly_test")),
                WEBHOOK_SECRET);
        HttpResponse<String> deleted = reader.post("/account/delete", Map.of("confirmPassword", "password for " + ada));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(users(id)).isZero();
    }

    int users(long id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from users where id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
    }
}
