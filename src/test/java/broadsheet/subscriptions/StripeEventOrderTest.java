package broadsheet.subscriptions;

import static broadsheet.subscriptions.StripeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The state a subscription ends in does not depend on the order Stripe's events arrive in: every pair of
 * the events of one subscription's life, fed over real HTTP in both orders, leaves the same state.
 */
class StripeEventOrderTest {

    static final String PRICE = "price_monthly_order";
    static final long DAY = 86400;

    @RegisterExtension
    static final AppExtension app =
            AppExtension.stripe(new StripeConfig(SECRET_KEY, WEBHOOK_SECRET, "http://127.0.0.1:9"));

    static TestApp t;
    static Jdbi jdbi;
    static String hook;
    static int readers;

    /** One event of the fixtures, for the reader and Stripe ids of one run. */
    interface Fixture {
        String payload(long userId, String n);
    }

    @BeforeAll
    static void setUp() {
        t = app.get();
        jdbi = t.fixtures.jdbi();
        plan(jdbi, "monthly", "Monthly", "month", 900, PRICE);
        hook = t.url("/stripe/webhook");
    }

    /** One subscription's life: most of it in the second Checkout completes, as Stripe sends it. */
    static Map<String, Fixture> fixtures(long now) {
        long end = now + 30 * DAY;
        Map<String, Fixture> f = new java.util.LinkedHashMap<>();
        f.put(
                "checkout.session.completed",
                (u, n) -> event(
                        "evt_cs" + n,
                        "checkout.session.completed",
                        now,
                        checkoutSession("cs" + n, u, "cus" + n, "sub" + n)));
        f.put(
                "created (incomplete)",
                (u, n) -> event(
                        "evt_created" + n,
                        "customer.subscription.created",
                        now,
                        subscription("sub" + n, "cus" + n, "incomplete", end, false, u, PRICE)));
        f.put(
                "updated (active)",
                (u, n) -> event(
                        "evt_active" + n,
                        "customer.subscription.updated",
                        now,
                        subscription("sub" + n, "cus" + n, "active", end, false, u, PRICE)));
        f.put(
                "updated (past_due)",
                (u, n) -> event(
                        "evt_overdue" + n,
                        "customer.subscription.updated",
                        now,
                        subscription("sub" + n, "cus" + n, "past_due", end, false, u, PRICE)));
        f.put(
                "invoice.paid",
                (u, n) -> event("evt_paid" + n, "invoice.paid", now, invoice("in" + n, "sub" + n, "cus" + n, u, end)));
        f.put(
                "invoice.payment_failed",
                (u, n) -> event(
                        "evt_failed" + n,
                        "invoice.payment_failed",
                        now,
                        invoice("in" + n, "sub" + n, "cus" + n, u, end)));
        f.put(
                "updated (cancels at period end), a minute later",
                (u, n) -> event(
                        "evt_cancel" + n,
                        "customer.subscription.updated",
                        now + 60,
                        subscription("sub" + n, "cus" + n, "active", end, true, u, PRICE)));
        f.put(
                "deleted, two minutes later",
                (u, n) -> event(
                        "evt_deleted" + n,
                        "customer.subscription.deleted",
                        now + 120,
                        deletedSubscription("sub" + n, "cus" + n, end, now + 120, u, PRICE)));
        return f;
    }

    /** A new reader (no password: they never sign in here) and the Stripe id suffix of their run. */
    record Run(long userId, String n) {}

    static Run newRun() {
        String n = "_o" + (++readers);
        long id = jdbi.withHandle(h -> h.createQuery(
                        "insert into users (email, password_hash, email_confirmed_at) values (:e, 'x', now()) returning id")
                .bind("e", "reader" + n + "@example.org")
                .mapTo(Long.class)
                .one());
        return new Run(id, n);
    }

    static void send(String payload) {
        var r = post(hook, payload, WEBHOOK_SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** What the reader's subscription became, with this run's Stripe ids taken out so that runs compare. */
    static String state(Run run) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.status, s.current_period_end, s.cancel_at_period_end, s.stripe_subscription_id,
                               s.stripe_customer_id, p.slug from subscriptions s left join plans p on p.id = s.plan_id
                         where s.user_id = :u""")
                                .bind("u", run.userId())
                                .map((rs, c) -> {
                                    String status = rs.getString("status");
                                    Timestamp end = rs.getTimestamp("current_period_end");
                                    // a row still waiting for Stripe has no period yet (Checkout writes "now")
                                    String period = status.equals("incomplete")
                                            ? "-"
                                            : end.toInstant().toString();
                                    return String.join(
                                            " ",
                                            status,
                                            period,
                                            "cancelAtEnd=" + rs.getBoolean("cancel_at_period_end"),
                                            String.valueOf(rs.getString("stripe_subscription_id")),
                                            String.valueOf(rs.getString("stripe_customer_id")),
                                            "plan=" + rs.getString("slug"));
                                })
                                .findOne()
                                .orElse("no subscription"))
                        .replace(run.n(), "")
                + " subscriber=" + subscriber(jdbi, run.userId());
    }

    @Test
    void everyPairOfEventsLeavesTheSameStateInEitherOrder() {
        Map<String, Fixture> f = fixtures(Instant.now().getEpochSecond());
        List<String> names = new ArrayList<>(f.keySet());
        List<String> differences = new ArrayList<>();
        int pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Fixture a = f.get(names.get(i)), b = f.get(names.get(j));
                Run ab = newRun(), ba = newRun();
                send(a.payload(ab.userId(), ab.n()));
                send(b.payload(ab.userId(), ab.n()));
                send(b.payload(ba.userId(), ba.n()));
                send(a.payload(ba.userId(), ba.n()));
                pairs++;
                String one = state(ab), other = state(ba);
                if (!one.equals(other)) {
                    differences.add(names.get(i) + " then " + names.get(j) + ": " + one + "\n    " + names.get(j)
                            + " then " + names.get(i) + ": " + other);
                }
            }
        }
        assertThat(pairs).isEqualTo(28);
        assertThat(differences).as(String.join("\n", differences)).isEmpty();
    }

    @Test
    void aCreatedEventSayingIncompleteDoesNotUndoAPaymentReportedInTheSameSecond() {
        long now = Instant.now().getEpochSecond();
        Map<String, Fixture> f = fixtures(now);
        Run run = newRun();
        send(f.get("checkout.session.completed").payload(run.userId(), run.n()));
        send(f.get("updated (active)").payload(run.userId(), run.n()));
        assertThat(subscriber(jdbi, run.userId())).isTrue();
        // Stripe's "created" left in the same second as the "updated", and arrives after it
        send(f.get("created (incomplete)").payload(run.userId(), run.n()));
        assertThat(subscriber(jdbi, run.userId())).isTrue();
        assertThat(state(run))
                .startsWith(
                        "active " + Instant.ofEpochSecond(now + 30 * DAY) + " cancelAtEnd=false sub cus plan=monthly");
    }
}
