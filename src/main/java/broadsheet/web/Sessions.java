package broadsheet.web;

import broadsheet.accounts.User;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sessions in PostgreSQL, so any app node can serve any reader. The cookie carries a
 * random token; the table keeps only its hash. A new token is issued at every sign-in.
 */
public final class Sessions {

    public static final String COOKIE = "bs_session";
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final String USER_ATTRIBUTE = "broadsheet.user";

    private final SessionDao dao;
    private final String baseUrl;

    public Sessions(SessionDao dao, String baseUrl) {
        this.dao = dao;
        this.baseUrl = baseUrl;
    }

    /** Signs the user in on this browser with a fresh session. */
    public void start(Context ctx, long userId) {
        end(ctx);
        String token = Tokens.random();
        dao.insert(Tokens.sha256(token), userId, Instant.now().plus(LIFETIME));
        Cookies.set(ctx, COOKIE, token, LIFETIME, Cookies.secure(ctx, baseUrl));
        ctx.attribute(USER_ATTRIBUTE, null);
    }

    /** The signed-in user of this request, if any (looked up once per request). */
    public Optional<User> current(Context ctx) {
        Object cached = ctx.attribute(USER_ATTRIBUTE);
        if (cached instanceof User u) return Optional.of(u);
        String token = ctx.cookie(COOKIE);
        if (token == null) token = bearer(ctx);
        if (token == null || token.length() > 100) return Optional.empty();
        Optional<User> user = dao.user(Tokens.sha256(token));
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        return user;
    }

    /**
     * The reader token an app sends as {@code Authorization: Bearer ...} (a session made by signing in through
     * the API), or null. It is only read when the request has no session cookie.
     */
    public static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = h.substring(7).strip();
        return t.isEmpty() ? null : t;
    }

    /** Whether this request is signed in by an app's bearer token rather than a browser's cookie. */
    public static boolean byToken(Context ctx) {
        return ctx.cookie(COOKIE) == null && bearer(ctx) != null;
    }

    /** Signs out this browser. */
    public void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            dao.delete(Tokens.sha256(token));
            Cookies.clear(ctx, COOKIE, Cookies.secure(ctx, baseUrl));
        }
        ctx.attribute(USER_ATTRIBUTE, null);
    }

    /** Signs the user out on every browser, optionally keeping this one. */
    public void endAll(long userId, Context keep) {
        String keepId = keep == null || keep.cookie(COOKIE) == null ? "" : Tokens.sha256(keep.cookie(COOKIE));
        dao.deleteAllBut(userId, keepId);
    }
}
