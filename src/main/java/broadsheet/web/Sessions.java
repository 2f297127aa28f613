package broadsheet.web;

import broadsheet.accounts.User;
import broadsheet.accounts.UserDao;
import io.javalin.http.Context;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions in PostgreSQL, so any app node can serve any reader. The cookie carries a
 * random token; the table keeps only its hash. A new token is issued at every sign-in.
 */
public final class Sessions {

    public static final String COOKIE = "bs_session";
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final String USER_ATTRIBUTE = "broadsheet.user";

    private final Jdbi jdbi;
    private final String baseUrl;

    public Sessions(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
    }

    /** Signs the user in on this browser with a fresh session. */
    public void start(Context ctx, long userId) {
        end(ctx);
        String token = Tokens.random();
        jdbi.useHandle(h -> h.createUpdate("insert into sessions (id, user_id, expires_at) values (:id, :u, :exp)")
                .bind("id", Tokens.sha256(token))
                .bind("u", userId)
                .bind("exp", Timestamp.from(Instant.now().plus(LIFETIME)))
                .execute());
        Cookies.set(ctx, COOKIE, token, LIFETIME, Cookies.secure(ctx, baseUrl));
        ctx.attribute(USER_ATTRIBUTE, null);
    }

    /** The signed-in user of this request, if any (looked up once per request). */
    public Optional<User> current(Context ctx) {
        Object cached = ctx.attribute(USER_ATTRIBUTE);
        if (cached instanceof User u) return Optional.of(u);
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() > 100) return Optional.empty();
        Optional<User> user = jdbi.withHandle(h -> {
            String id = Tokens.sha256(token);
            h.createUpdate(
                            "update sessions set last_seen_at = now() where id = :id and last_seen_at < now() - interval '5 minutes'")
                    .bind("id", id)
                    .execute();
            return h.createQuery("""
                    select u.id, u.email, u.email_confirmed_at, u.display_name, u.role, u.created_at
                      from sessions s join users u on u.id = s.user_id
                     where s.id = :id and s.expires_at > now()""").bind("id", id).map(UserDao.ROW_MAPPER).findOne();
        });
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        return user;
    }

    /** Signs out this browser. */
    public void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            jdbi.useHandle(h -> h.execute("delete from sessions where id = ?", Tokens.sha256(token)));
            Cookies.clear(ctx, COOKIE, Cookies.secure(ctx, baseUrl));
        }
        ctx.attribute(USER_ATTRIBUTE, null);
    }

    /** Signs the user out on every browser, optionally keeping this one. */
    public void endAll(long userId, Context keep) {
        String keepId = keep == null || keep.cookie(COOKIE) == null ? "" : Tokens.sha256(keep.cookie(COOKIE));
        jdbi.useHandle(h -> h.execute("delete from sessions where user_id = ? and id <> ?", userId, keepId));
    }
}
