package broadsheet.subscriptions;

import broadsheet.db.DbValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of applying Stripe's events to subscriptions; every method works in the caller's transaction. */
final class StripeEventDao {
    private StripeEventDao() {}

    /** What an event is checked against: a subscription row as it stands, locked. */
    record Row(
            long id,
            SubscriptionStatus status,
            Instant periodEnd,
            String stripeSubscriptionId,
            Instant stripeEventAt,
            EventOrder lastEvent,
            Instant subscriptionCreated) {
        boolean givesAccess() {
            return gives(status, periodEnd);
        }

        /** The row follows a Stripe subscription that runs, or waits for its first payment. */
        boolean followsLive() {
            return stripeSubscriptionId != null && (givesAccess() || status == SubscriptionStatus.INCOMPLETE);
        }
    }

    static boolean gives(SubscriptionStatus status, Instant end) {
        return status.running() && end.isAfter(Instant.now());
    }

    /** Records the event; false when it was recorded before (a replay). */
    static boolean recordEvent(Handle h, String id, String type, Instant created) {
        return h.createUpdate(
                                "insert into stripe_events (id, type, created_at) values (:id, :type, :at) on conflict (id) do nothing")
                        .bind("id", id)
                        .bind("type", type)
                        .bind("at", Timestamp.from(created))
                        .execute()
                == 1;
    }

    static Optional<Long> userById(Handle h, long id) {
        return h.createQuery("select id from users where id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne();
    }

    static Optional<Long> planByPrice(Handle h, String priceId) {
        return h.createQuery("select id from plans where stripe_price_id = :p")
                .bind("p", priceId)
                .mapTo(Long.class)
                .findOne();
    }

    static Optional<Long> planBySlug(Handle h, String slug) {
        return h.createQuery("select id from plans where slug = :s")
                .bind("s", slug)
                .mapTo(Long.class)
                .findOne();
    }

    static Optional<Long> userByCustomer(Handle h, String customer) {
        return h.createQuery("select user_id from subscriptions where stripe_customer_id = :c")
                .bind("c", customer)
                .mapTo(Long.class)
                .findFirst();
    }

    /** A new Stripe subscription waiting for its period; false when the reader has a row already. */
    static boolean insertFromCheckout(Handle h, long userId, Long planId, String customer, String subId) {
        return h.createUpdate("""
                insert into subscriptions (user_id, plan_id, status, current_period_end, source, stripe_customer_id, stripe_subscription_id)
                values (:u, :plan, :incomplete, now(), 'stripe', :cust, :sub) on conflict (user_id) do nothing""")
                        .bind("u", userId)
                        .bind("plan", planId)
                        .bind("incomplete", SubscriptionStatus.INCOMPLETE)
                        .bind("cust", customer)
                        .bind("sub", subId)
                        .execute()
                == 1;
    }

    static void setCustomer(Handle h, long id, String customer) {
        h.createUpdate("""
                update subscriptions set stripe_customer_id = coalesce(:cust, stripe_customer_id), updated_at = now(),
                       version = version + 1 where id = :id""").bind("cust", customer).bind("id", id).execute();
    }

    /** The row follows this Stripe subscription from now on, waiting for its period. */
    static void followCheckout(Handle h, long id, String subId, String customer, Long planId) {
        h.createUpdate("""
                update subscriptions set stripe_subscription_id = :sub, stripe_customer_id = coalesce(:cust, stripe_customer_id),
                       plan_id = coalesce(:plan, plan_id), source = 'stripe', status = :incomplete, cancel_at_period_end = false,
                       stripe_event_at = null, stripe_event_order = null, stripe_subscription_created = null, updated_at = now(), version = version + 1
                 where id = :id""")
                .bind("sub", subId)
                .bind("cust", customer)
                .bind("plan", planId)
                .bind("incomplete", SubscriptionStatus.INCOMPLETE)
                .bind("id", id)
                .execute();
    }

    /** A row for the reader, if they have none, for a snapshot to fill in. */
    static void insertWaiting(Handle h, long userId) {
        h.createUpdate("""
                insert into subscriptions (user_id, status, current_period_end, source) values (:u, :incomplete, now(), 'stripe')
                on conflict (user_id) do nothing""")
                .bind("u", userId)
                .bind("incomplete", SubscriptionStatus.INCOMPLETE)
                .execute();
    }

    /** Applies a whole snapshot of the Stripe subscription, remembering the event's time. */
    static void applySnapshot(
            Handle h,
            long id,
            String subId,
            String customer,
            Long planId,
            SubscriptionStatus status,
            Instant periodEnd,
            boolean cancelAtEnd,
            Instant created,
            EventOrder order,
            Instant subscriptionCreated) {
        h.createUpdate("""
                update subscriptions
                   set stripe_subscription_id = :sub, stripe_customer_id = coalesce(:cust, stripe_customer_id), source = 'stripe',
                       plan_id = coalesce(:plan, plan_id), status = :status, current_period_end = :end,
                       cancel_at_period_end = :cae, stripe_event_at = :at, stripe_event_order = :order,
                       stripe_subscription_created = :subCreated, updated_at = now(), version = version + 1
                 where id = :id""")
                .bind("sub", subId)
                .bind("cust", customer)
                .bind("plan", planId)
                .bind("status", status)
                .bind("end", Timestamp.from(periodEnd))
                .bind("cae", cancelAtEnd)
                .bind("at", Timestamp.from(created))
                .bind("order", order.text())
                .bind("subCreated", subscriptionCreated == null ? null : Timestamp.from(subscriptionCreated))
                .bind("id", id)
                .execute();
    }

    static void markPaid(Handle h, long id, Instant end, EventOrder order) {
        h.createUpdate("""
                update subscriptions set status = :active, current_period_end = :end, stripe_event_order = :order,
                       updated_at = now(), version = version + 1
                 where id = :id""")
                .bind("active", SubscriptionStatus.ACTIVE)
                .bind("end", Timestamp.from(end))
                .bind("order", order.text())
                .bind("id", id)
                .execute();
    }

    /** A paid invoice of a subscription no snapshot has told us of yet: the row follows it, paid up. */
    static void followPaidInvoice(
            Handle h, long id, String subId, String customer, Long planId, Instant end, EventOrder order) {
        h.createUpdate("""
                update subscriptions
                   set stripe_subscription_id = :sub, stripe_customer_id = coalesce(:cust, stripe_customer_id), source = 'stripe',
                       plan_id = coalesce(:plan, plan_id), status = :active, current_period_end = :end,
                       cancel_at_period_end = false, stripe_event_order = :order, stripe_subscription_created = null, updated_at = now(), version = version + 1
                 where id = :id""")
                .bind("sub", subId)
                .bind("cust", customer)
                .bind("plan", planId)
                .bind("active", SubscriptionStatus.ACTIVE)
                .bind("end", Timestamp.from(end))
                .bind("order", order.text())
                .bind("id", id)
                .execute();
    }

    static void markPastDue(Handle h, long id, EventOrder order) {
        h.createUpdate("""
                update subscriptions set status = :pastDue, stripe_event_order = :order, updated_at = now(),
                       version = version + 1 where id = :id""")
                .bind("pastDue", SubscriptionStatus.PAST_DUE)
                .bind("order", order.text())
                .bind("id", id)
                .execute();
    }

    private static final String ROW =
            "select id, status, current_period_end, stripe_subscription_id, stripe_event_at, stripe_event_order,"
                    + " stripe_subscription_created from subscriptions ";

    static Optional<Row> lockBySubscription(Handle h, String subId) {
        return h.createQuery(ROW + "where stripe_subscription_id = :s for update")
                .bind("s", subId)
                .map(StripeEventDao::row)
                .findOne();
    }

    static Row lockByUser(Handle h, long userId) {
        return h.createQuery(ROW + "where user_id = :u for update")
                .bind("u", userId)
                .map(StripeEventDao::row)
                .one();
    }

    private static Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws java.sql.SQLException {
        Timestamp ts = rs.getTimestamp("stripe_event_at");
        Instant at = ts == null ? null : ts.toInstant();
        return new Row(
                rs.getLong("id"),
                DbValue.of(SubscriptionStatus.class, rs.getString("status")),
                rs.getTimestamp("current_period_end").toInstant(),
                rs.getString("stripe_subscription_id"),
                at,
                EventOrder.ofRow(rs.getString("stripe_event_order"), at),
                Optional.ofNullable(rs.getTimestamp("stripe_subscription_created"))
                        .map(Timestamp::toInstant)
                        .orElse(null));
    }
}
