package broadsheet.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Sign-ups' SQL: subscribers of each newsletter and the confirmation links mailed to them, in the caller's handle. */
final class SignupDao {
    private SignupDao() {}

    /** A confirmation link's row: its address, whether it is still live. */
    record Confirmation(String email, boolean live) {}

    /** Serialises sign-ups of one address until the transaction ends. */
    static void lockAddress(Handle h, String email) {
        h.createUpdate("select pg_advisory_xact_lock(hashtext('newsletter-signup:' || :e))")
                .bind("e", email)
                .execute();
    }

    /** Adds the address as pending (an active one stays active); returns its status now. */
    static SubscriberStatus addPending(Handle h, long newsletterId, String email) {
        return h.createQuery("""
                insert into newsletter_subscribers (newsletter_id, email) values (:n, :e)
                on conflict (newsletter_id, email) do update
                   set status = case when newsletter_subscribers.status = :active then :active else :pending end,
                       updated_at = now()
                returning status""")
                .bind("n", newsletterId)
                .bind("e", email)
                .bind("active", SubscriberStatus.ACTIVE)
                .bind("pending", SubscriberStatus.PENDING)
                .mapTo(SubscriberStatus.class)
                .one();
    }

    static boolean suppressed(Handle h, String email) {
        return h.createQuery("select exists (select 1 from mail_suppressions where email = :e)")
                .bind("e", email)
                .mapTo(Boolean.class)
                .one();
    }

    static boolean mailedSince(Handle h, String email, Instant since) {
        return h.createQuery(
                        "select exists (select 1 from newsletter_confirmations where email = :e and created_at > :since)")
                .bind("e", email)
                .bind("since", Timestamp.from(since))
                .mapTo(Boolean.class)
                .one();
    }

    static void insertConfirmation(Handle h, String hash, String email, Instant expires) {
        h.createUpdate("insert into newsletter_confirmations (hash, email, expires_at) values (:h, :e, :x)")
                .bind("h", hash)
                .bind("e", email)
                .bind("x", Timestamp.from(expires))
                .execute();
    }

    /** Names of the newsletters the address is on with this status, by name. */
    static List<String> newsletterNames(Handle h, String email, SubscriberStatus status) {
        return h.createQuery("""
                select n.name from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id
                 where s.email = :e and s.status = :status order by n.name""")
                .bind("e", email)
                .bind("status", status)
                .mapTo(String.class)
                .list();
    }

    /** The confirmation with this hash, locked. */
    static Optional<Confirmation> confirmation(Handle h, String hash) {
        return h.createQuery(
                        "select email, expires_at > now() as live from newsletter_confirmations where hash = :h for update")
                .bind("h", hash)
                .map((rs, ctx) -> new Confirmation(rs.getString("email"), rs.getBoolean("live")))
                .findOne();
    }

    static void markUsed(Handle h, String hash) {
        h.createUpdate("update newsletter_confirmations set used_at = coalesce(used_at, now()) where hash = :h")
                .bind("h", hash)
                .execute();
    }

    /** Every pending sign-up of the address becomes active; returns the newsletters' names. */
    static List<String> confirmPending(Handle h, String email) {
        return h.createQuery("""
                update newsletter_subscribers s set status = :active, confirmed_at = now(), updated_at = now()
                  from newsletters n
                 where n.id = s.newsletter_id and s.email = :e and s.status = :pending
                returning n.name""")
                .bind("e", email)
                .bind("active", SubscriberStatus.ACTIVE)
                .bind("pending", SubscriberStatus.PENDING)
                .mapTo(String.class)
                .list();
    }

    /** Every newsletter with this address's status on it (null when it never signed up), by name. */
    static List<Signups.Preference> preferences(Handle h, String email, boolean subscriber) {
        return h.createQuery("""
                select n.id, n.slug, n.name, n.description, n.audience, n.schedule, s.status
                  from newsletters n left join newsletter_subscribers s on s.newsletter_id = n.id and s.email = :e
                 order by n.name""")
                .bind("e", email)
                .map((rs, ctx) -> {
                    Newsletter n = newsletter(rs, "id");
                    SubscriberStatus st = status(rs);
                    boolean on = st == SubscriberStatus.ACTIVE;
                    return new Signups.Preference(
                            n, on, st == SubscriberStatus.PENDING, on || !n.subscribersOnly() || subscriber);
                })
                .list();
    }

    static void unsubscribe(Handle h, long newsletterId, String email) {
        h.createUpdate("""
                update newsletter_subscribers set status = :unsubscribed, updated_at = now()
                 where newsletter_id = :n and email = :e""")
                .bind("unsubscribed", SubscriberStatus.UNSUBSCRIBED)
                .bind("n", newsletterId)
                .bind("e", email)
                .execute();
    }

    static Optional<Signups.Listing> listing(Handle h, long subscriberId) {
        return h.createQuery("""
                select s.id as subscriber_id, n.id, n.slug, n.name, n.description, n.audience, n.schedule, s.email, s.status
                  from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id where s.id = :id""")
                .bind("id", subscriberId)
                .map((rs, ctx) -> new Signups.Listing(
                        rs.getLong("subscriber_id"), newsletter(rs, "id"), rs.getString("email"), status(rs)))
                .findOne();
    }

    /** Takes the address off the newsletter; doing it again changes nothing. */
    static void unsubscribe(Handle h, long subscriberId) {
        h.createUpdate("""
                update newsletter_subscribers set status = :unsubscribed, updated_at = now()
                 where id = :id and status <> :unsubscribed""")
                .bind("unsubscribed", SubscriberStatus.UNSUBSCRIBED)
                .bind("id", subscriberId)
                .execute();
    }

    /** The address receives the newsletter from now on, confirmed, tied to the account if one is given. */
    static void activate(Handle h, long newsletterId, String email, Long userId) {
        h.createUpdate("""
                insert into newsletter_subscribers (newsletter_id, email, user_id, status, confirmed_at)
                values (:n, :e, :u, :active, now())
                on conflict (newsletter_id, email) do update
                   set status = :active, user_id = coalesce(excluded.user_id, newsletter_subscribers.user_id),
                       confirmed_at = coalesce(newsletter_subscribers.confirmed_at, now()), updated_at = now()""")
                .bind("n", newsletterId)
                .bind("e", email)
                .bind("u", userId)
                .bind("active", SubscriberStatus.ACTIVE)
                .execute();
    }

    private static Newsletter newsletter(ResultSet rs, String idColumn) throws SQLException {
        return new Newsletter(
                rs.getLong(idColumn),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("audience"),
                rs.getString("schedule"));
    }

    private static SubscriberStatus status(ResultSet rs) throws SQLException {
        String s = rs.getString("status");
        return s == null ? null : broadsheet.db.DbValue.of(SubscriberStatus.class, s);
    }
}
