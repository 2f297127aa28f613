package broadsheet.following;

import broadsheet.web.Tokens;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Who wants the daily Following digest, and when each is next due. */
public final class Digests {

    /** Digests go out at this time of day in the paper's time zone. */
    static final LocalTime SEND_AT = LocalTime.of(7, 0);

    private final DigestDao dao;

    public Digests(DigestDao dao) {
        this.dao = dao;
    }

    public boolean wanted(long userId) {
        return dao.wanted(userId);
    }

    /** Asks for the digest (again: harmless); the first one covers what is published from now on. */
    public void optIn(long userId, ZoneId zone) {
        dao.add(userId, nextDue(Instant.now(), zone), Tokens.random());
    }

    public void optOut(long userId) {
        dao.remove(userId);
    }

    /** The one-click unsubscribe: the link's token is the permission. Empty when it is unknown (or used already). */
    public Optional<Long> unsubscribe(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return dao.removeByToken(token);
    }

    public boolean knownToken(String token) {
        if (token == null || token.length() > 100) return false;
        return dao.knownToken(token);
    }

    /** The next {@link #SEND_AT} in the paper's zone after {@code now}. */
    static Instant nextDue(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(SEND_AT).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }
}
