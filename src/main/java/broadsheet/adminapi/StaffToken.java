package broadsheet.adminapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A staff token as the newsroom lists it: whose, named what, when made, last used and revoked (never the token). */
public record StaffToken(
        long id, long userId, String owner, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean live() {
        return revokedAt == null;
    }

    /** For a datetime attribute, which allows at most milliseconds. */
    public static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
