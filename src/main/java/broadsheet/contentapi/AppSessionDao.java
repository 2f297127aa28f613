package broadsheet.contentapi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reader tokens for apps, and every place a reader is signed in: rows of the {@code sessions} table. */
public final class AppSessionDao {

    /** Where a reader is signed in: a browser (no app name) or an app on a device. */
    public record SignedIn(String handle, String app, String device, Instant createdAt, Instant lastSeenAt) {
        public boolean isApp() {
            return app != null;
        }
    }

    private final Jdbi jdbi;

    public AppSessionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(String hash, long userId, String app, String device, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into sessions (id, user_id, expires_at, app, device) values (:id, :u, :exp, :app, :device)""")
                .bind("id", hash)
                .bind("u", userId)
                .bind("exp", Timestamp.from(expiresAt))
                .bind("app", app)
                .bind("device", device)
                .execute());
    }

    /** The reader's unexpired sessions, newest first; the handle is the first 16 characters of the stored hash. */
    public List<SignedIn> of(long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select left(id, 16) as handle, app, device, created_at, last_seen_at from sessions
                         where user_id = :u and expires_at > now() order by last_seen_at desc, created_at desc""")
                .bind("u", userId)
                .map((rs, ctx) -> new SignedIn(
                        rs.getString("handle"),
                        rs.getString("app"),
                        rs.getString("device"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_seen_at").toInstant()))
                .list());
    }

    /** Ends one of the reader's sessions by its handle; false when the reader has none by that handle. */
    public boolean end(long userId, String handle) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sessions where user_id = :u and left(id, 16) = :handle")
                        .bind("u", userId)
                        .bind("handle", handle)
                        .execute())
                > 0;
    }

    public void endByHash(String hash) {
        jdbi.useHandle(h -> h.createUpdate("delete from sessions where id = :id")
                .bind("id", hash)
                .execute());
    }
}
