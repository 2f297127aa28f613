package broadsheet.newsroom.subscriptions;

import broadsheet.subscriptions.SubscriptionStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The subscriptions desk's SQL: finding a reader by address, and the manual changes to a
 * subscription (each guarded by its version); every method works in the caller's transaction.
 */
final class SubscriptionAdminDao {
    private SubscriptionAdminDao() {}

    static Optional<SubscriptionAdmin.Reader> readerByEmail(Handle h, String email) {
        return h.createQuery("select id, email, display_name from users where email = lower(:e)")
                .bind("e", email)
                .map((rs, c) -> new SubscriptionAdmin.Reader(
                        rs.getLong("id"), rs.getString("email"), rs.getString("display_name")))
                .findOne();
    }

    /** A first, manual subscription; returns 0 if the reader has one already (someone was quicker). */
    static int grantFirst(Handle h, long userId, long planId, Instant end) {
        return h.createUpdate("""
                insert into subscriptions (user_id, plan_id, status, current_period_end, source)
                values (:u, :p, :active, :end, 'manual') on conflict (user_id) do nothing""")
                .bind("u", userId)
                .bind("p", planId)
                .bind("active", SubscriptionStatus.ACTIVE)
                .bind("end", Timestamp.from(end))
                .execute();
    }

    /** The reader's subscription becomes a manual one on this plan; 0 if it changed since {@code version}. */
    static int grantOver(Handle h, long id, int version, long planId, Instant end) {
        return h.createUpdate("""
                update subscriptions set plan_id = :p, status = :active, current_period_end = :end, source = 'manual',
                       cancel_at_period_end = false, stripe_subscription_id = null, stripe_event_at = null, stripe_event_order = null,
                       updated_at = now(), version = version + 1
                 where id = :id and version = :v""")
                .bind("p", planId)
                .bind("active", SubscriptionStatus.ACTIVE)
                .bind("end", Timestamp.from(end))
                .bind("id", id)
                .bind("v", version)
                .execute();
    }

    static int revoke(Handle h, long id, int version) {
        return h.createUpdate("""
                update subscriptions set status = :revoked, current_period_end = least(current_period_end, now()),
                       cancel_at_period_end = false, updated_at = now(), version = version + 1
                 where id = :id and version = :v""")
                .bind("revoked", SubscriptionStatus.REVOKED)
                .bind("id", id)
                .bind("v", version)
                .execute();
    }

    static int extend(Handle h, long id, int version, Instant end) {
        return h.createUpdate("""
                update subscriptions set current_period_end = :end, status = :active, source = 'manual',
                       updated_at = now(), version = version + 1
                 where id = :id and version = :v""")
                .bind("end", Timestamp.from(end))
                .bind("active", SubscriptionStatus.ACTIVE)
                .bind("id", id)
                .bind("v", version)
                .execute();
    }
}
