package broadsheet.subscriptions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The Checkout Session each reader has open (table stripe_checkouts); every method works in the caller's handle. */
final class CheckoutDao {
    private CheckoutDao() {}

    /** The reader's open session: its page, or a null url while another request is opening it. */
    record Open(String sessionId, String url) {}

    /**
     * Claims the right to open a session for the reader until {@code until}; false when the reader has one
     * open (or being opened) that has not expired.
     */
    static boolean claim(Handle h, long userId, Instant until) {
        return h.createUpdate("""
                insert into stripe_checkouts (user_id, expires_at) values (:u, :until)
                on conflict (user_id) do update set session_id = null, url = null, opened_at = now(), expires_at = :until
                 where stripe_checkouts.expires_at <= now()""")
                        .bind("u", userId)
                        .bind("until", Timestamp.from(until))
                        .execute()
                == 1;
    }

    static Optional<Open> open(Handle h, long userId) {
        return h.createQuery("select session_id, url from stripe_checkouts where user_id = :u and expires_at > now()")
                .bind("u", userId)
                .map((rs, c) -> new Open(rs.getString("session_id"), rs.getString("url")))
                .findOne();
    }

    /** The claimed session was opened at Stripe: other tabs are sent to its page until it expires. */
    static void opened(Handle h, long userId, String sessionId, String url, Instant expires) {
        h.createUpdate("""
                update stripe_checkouts set session_id = :s, url = :url, expires_at = :exp
                 where user_id = :u and session_id is null""")
                .bind("s", sessionId)
                .bind("url", url)
                .bind("exp", Timestamp.from(expires))
                .bind("u", userId)
                .execute();
    }

    /** The claim is given up: Stripe did not open the session. */
    static void giveUp(Handle h, long userId) {
        h.createUpdate("delete from stripe_checkouts where user_id = :u and session_id is null")
                .bind("u", userId)
                .execute();
    }

    /** The reader's session is done with (completed: the subscription's row guards from now on). */
    static void completed(Handle h, long userId) {
        h.createUpdate("delete from stripe_checkouts where user_id = :u")
                .bind("u", userId)
                .execute();
    }
}
