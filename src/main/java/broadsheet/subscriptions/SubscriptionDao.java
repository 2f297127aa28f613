package broadsheet.subscriptions;

import broadsheet.db.DbValue;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reading a reader's subscription and the reader's own changes to it; each method works in the caller's handle. */
public final class SubscriptionDao {
    private SubscriptionDao() {}

    static final String SELECT = """
            select s.id, s.user_id, s.plan_id, p.name as plan_name, s.status, s.current_period_end, s.cancel_at_period_end,
                   s.source, s.stripe_customer_id, s.stripe_subscription_id, s.version
              from subscriptions s left join plans p on p.id = s.plan_id""";

    static final RowMapper<Subscription> MAPPER = (rs, c) -> new Subscription(
            rs.getLong("id"),
            rs.getLong("user_id"),
            (Long) rs.getObject("plan_id"),
            rs.getString("plan_name"),
            DbValue.of(SubscriptionStatus.class, rs.getString("status")),
            rs.getTimestamp("current_period_end").toInstant(),
            rs.getBoolean("cancel_at_period_end"),
            rs.getString("source"),
            rs.getString("stripe_customer_id"),
            rs.getString("stripe_subscription_id"),
            rs.getInt("version"));

    public static Optional<Subscription> forUser(Handle h, long userId) {
        return h.createQuery(SELECT + " where s.user_id = :u")
                .bind("u", userId)
                .map(MAPPER)
                .findOne();
    }

    static Optional<Subscription> lockForUser(Handle h, long userId) {
        return h.createQuery(SELECT + " where s.user_id = :u for update of s")
                .bind("u", userId)
                .map(MAPPER)
                .findOne();
    }

    public static boolean isSubscriber(Handle h, long userId) {
        return h.createQuery("select " + Subscriptions.activeFor(":u"))
                .bind("u", userId)
                .mapTo(Boolean.class)
                .one();
    }

    /** Sets whether the running subscription ends at its period's end; false if none is running. */
    static boolean setCancelAtPeriodEnd(Handle h, long userId, boolean cancel) {
        return h.createUpdate("""
                update subscriptions set cancel_at_period_end = :c, updated_at = now(), version = version + 1
                 where user_id = :u and status in (:active, :pastDue) and current_period_end > now()""")
                        .bind("c", cancel)
                        .bind("u", userId)
                        .bind("active", SubscriptionStatus.ACTIVE)
                        .bind("pastDue", SubscriptionStatus.PAST_DUE)
                        .execute()
                == 1;
    }
}
