package broadsheet.web;

import broadsheet.accounts.User;
import broadsheet.accounts.UserDao;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code sessions} table: one row per signed-in browser, keyed by the hash of its cookie's token. */
public final class SessionDao {
    private final Jdbi jdbi;

    public SessionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(String id, long userId, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("insert into sessions (id, user_id, expires_at) values (:id, :u, :exp)")
                .bind("id", id)
                .bind("u", userId)
                .bind("exp", Timestamp.from(expiresAt))
                .execute());
    }

    /**
     * The user of an unexpired session, noting (at most every five minutes) that it was seen: one
     * statement, which writes only when the last note is five minutes old.
     */
    public Optional<User> user(String id) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                with seen as (update sessions set last_seen_at = now()
                               where id = :id and expires_at > now() and last_seen_at < now() - interval '5 minutes')
                select u.id, u.email, u.email_confirmed_at, u.display_name, u.role, u.created_at
                  from sessions s join users u on u.id = s.user_id
                 where s.id = :id and s.expires_at > now()""").bind("id", id).map(UserDao.ROW_MAPPER).findOne());
    }

    public void delete(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from sessions where id = :id")
                .bind("id", id)
                .execute());
    }

    /** Ends every session of the user except the one with id {@code keep} ("" keeps none). */
    public void deleteAllBut(long userId, String keep) {
        jdbi.useHandle(h -> h.createUpdate("delete from sessions where user_id = :u and id <> :keep")
                .bind("u", userId)
                .bind("keep", keep)
                .execute());
    }
}
