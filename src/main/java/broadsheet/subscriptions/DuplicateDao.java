package broadsheet.subscriptions;

import broadsheet.db.DbValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Duplicate Stripe subscriptions (table stripe_duplicates); every method works in the caller's handle. */
public final class DuplicateDao {
    private DuplicateDao() {}

    /** A reader's second live subscription, and what became of it. */
    public record Duplicate(
            long id,
            String email,
            String subscriptionId,
            String keptSubscriptionId,
            DuplicateState state,
            long refundedCents,
            String currency,
            String detail,
            Instant foundAt) {

        /** The amount refunded, as "USD 9.00"; empty when nothing was. */
        public String refundLabel() {
            if (refundedCents == 0 || currency == null) return "";
            return currency.toUpperCase(java.util.Locale.ROOT)
                    + " %d.%02d".formatted(refundedCents / 100, refundedCents % 100);
        }
    }

    /** Records the duplicate once; empty when it was recorded before. */
    static Optional<Long> record(Handle h, long userId, String subscriptionId, String keptSubscriptionId) {
        return h.createQuery("""
                insert into stripe_duplicates (user_id, email, stripe_subscription_id, kept_subscription_id)
                select id, email, :sub, :kept from users where id = :u
                on conflict (stripe_subscription_id) do nothing returning id""")
                .bind("u", userId)
                .bind("sub", subscriptionId)
                .bind("kept", keptSubscriptionId)
                .mapTo(Long.class)
                .findOne();
    }

    static boolean isDuplicate(Handle h, String subscriptionId) {
        return h.createQuery("select exists (select 1 from stripe_duplicates where stripe_subscription_id = :s)")
                .bind("s", subscriptionId)
                .mapTo(Boolean.class)
                .one();
    }

    static String subscriptionOf(Handle h, long id) {
        return h.createQuery("select stripe_subscription_id from stripe_duplicates where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one();
    }

    static void settle(Handle h, long id, DuplicateState state, long refundedCents, String currency, String detail) {
        h.createUpdate("""
                update stripe_duplicates set state = :state, refunded_cents = :cents, currency = :cur, detail = :detail,
                       settled_at = now() where id = :id""")
                .bind("state", state)
                .bind("cents", refundedCents)
                .bind("cur", currency)
                .bind("detail", detail)
                .bind("id", id)
                .execute();
    }

    /** The latest duplicates, newest first, for the subscriptions desk. */
    public static List<Duplicate> recent(Handle h, int limit) {
        return h.createQuery("""
                select id, email, stripe_subscription_id, kept_subscription_id, state, refunded_cents, currency, detail,
                       found_at from stripe_duplicates order by found_at desc, id desc limit :n""")
                .bind("n", limit)
                .map((rs, c) -> new Duplicate(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("stripe_subscription_id"),
                        rs.getString("kept_subscription_id"),
                        DbValue.of(DuplicateState.class, rs.getString("state")),
                        rs.getLong("refunded_cents"),
                        rs.getString("currency"),
                        rs.getString("detail"),
                        rs.getTimestamp("found_at").toInstant()))
                .list();
    }
}
