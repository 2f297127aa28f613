package broadsheet.following;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the daily Following digest: who wants it, when each is due, and the senders' claims. */
public final class DigestDao {

    /** A reader whose digest is due, claimed by this node for a few minutes. */
    record Due(long userId, String email, String name, Instant sentThrough, String token, boolean suppressed) {}

    private final Jdbi jdbi;

    public DigestDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    boolean wanted(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from following_digests where user_id = :u)")
                .bind("u", userId)
                .mapTo(Boolean.class)
                .one());
    }

    /** Asks for the digest, first due at {@code due}, unless the reader has already. */
    void add(long userId, Instant due, String unsubscribeToken) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into following_digests (user_id, next_due_at, unsubscribe_token) values (:u, :due, :token)
                on conflict (user_id) do nothing""")
                .bind("u", userId)
                .bind("due", Timestamp.from(due))
                .bind("token", unsubscribeToken)
                .execute());
    }

    void remove(long userId) {
        jdbi.useHandle(h -> h.createUpdate("delete from following_digests where user_id = :u")
                .bind("u", userId)
                .execute());
    }

    /** Removes the digest the token belongs to; returns whose it was. */
    Optional<Long> removeByToken(String token) {
        return jdbi.withHandle(
                h -> h.createQuery("delete from following_digests where unsubscribe_token = :t returning user_id")
                        .bind("t", token)
                        .mapTo(Long.class)
                        .findOne());
    }

    boolean knownToken(String token) {
        return jdbi.withHandle(
                h -> h.createQuery("select exists (select 1 from following_digests where unsubscribe_token = :t)")
                        .bind("t", token)
                        .mapTo(Boolean.class)
                        .one());
    }

    /**
     * Claims up to {@code batch} due readers for five minutes, skipping those another node holds,
     * with whether their address refuses mail.
     */
    List<Due> claim(int batch) {
        return jdbi.inTransaction(h -> h.createQuery("""
                update following_digests g set claimed_until = now() + interval '5 minutes'
                  from users u
                 where u.id = g.user_id and g.user_id in (
                       select user_id from following_digests
                        where next_due_at <= now() and (claimed_until is null or claimed_until < now())
                        order by next_due_at limit :batch for update skip locked)
                returning g.user_id, u.email, u.display_name, g.sent_through, g.unsubscribe_token,
                          exists (select 1 from mail_suppressions m where m.email = u.email) as suppressed""")
                .bind("batch", batch)
                .map((rs, ctx) -> new Due(
                        rs.getLong("user_id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getTimestamp("sent_through").toInstant(),
                        rs.getString("unsubscribe_token"),
                        rs.getBoolean("suppressed")))
                .list());
    }

    /** Lets go of readers claimed and not sent to (this node is stopping): any node may take them now. */
    void release(List<Long> userIds) {
        if (userIds.isEmpty()) return;
        jdbi.useHandle(h -> h.createUpdate("update following_digests set claimed_until = null where user_id = any(:u)")
                .bind("u", userIds.toArray(Long[]::new))
                .execute());
    }

    /** Records a digest sent (or skipped) through {@code through}; the next is due at {@code next}. */
    void done(long userId, Instant through, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("""
                update following_digests set sent_through = :through, next_due_at = :next, claimed_until = null where user_id = :u""")
                .bind("through", Timestamp.from(through))
                .bind("next", Timestamp.from(next))
                .bind("u", userId)
                .execute());
    }
}
