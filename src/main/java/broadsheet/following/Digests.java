package broadsheet.following;

import broadsheet.web.Tokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Who wants the daily Following digest, and when each is next due. */
public final class Digests {

    /** Digests go out at this time of day in the paper's time zone. */
    static final LocalTime SEND_AT = LocalTime.of(7, 0);

    private final Jdbi jdbi;

    public Digests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean wanted(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from following_digests where user_id = :u)")
                .bind("u", userId)
                .mapTo(Boolean.class)
                .one());
    }

    /** Asks for the digest (again: harmless); the first one covers what is published from now on. */
    public void optIn(long userId, ZoneId zone) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into following_digests (user_id, next_due_at, unsubscribe_token) values (:u, :due, :token)
                on conflict (user_id) do nothing""")
                .bind("u", userId)
                .bind("due", Timestamp.from(nextDue(Instant.now(), zone)))
                .bind("token", Tokens.random())
                .execute());
    }

    public void optOut(long userId) {
        jdbi.useHandle(h -> h.execute("delete from following_digests where user_id = ?", userId));
    }

    /** The one-click unsubscribe: the link's token is the permission. Empty when it is unknown (or used already). */
    public Optional<Long> unsubscribe(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return jdbi.withHandle(
                h -> h.createQuery("delete from following_digests where unsubscribe_token = :t returning user_id")
                        .bind("t", token)
                        .mapTo(Long.class)
                        .findOne());
    }

    public boolean knownToken(String token) {
        if (token == null || token.length() > 100) return false;
        return jdbi.withHandle(
                h -> h.createQuery("select exists (select 1 from following_digests where unsubscribe_token = :t)")
                        .bind("t", token)
                        .mapTo(Boolean.class)
                        .one());
    }

    /** The next {@link #SEND_AT} in the paper's zone after {@code now}. */
    static Instant nextDue(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(SEND_AT).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }
}
