package broadsheet.web;

import broadsheet.accounts.User;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * The one access rule, run before every matched route: the route must name a role; a
 * state-changing request must carry a valid CSRF token; a route above ANYONE needs a signed-in
 * account of at least that role. Pages behind a role are never stored by caches.
 */
public final class AccessCheck {

    /** A state-changing request without a valid CSRF token. */
    public static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("missing or wrong CSRF token");
        }
    }

    private final Sessions sessions;
    private final Csrf csrf;
    private final StaffTokenGate staffTokens;

    /** @param staffTokens admits the Admin API's routes ({@link StaffTokenGate.Marker#BEARER}) */
    public AccessCheck(Sessions sessions, Csrf csrf, StaffTokenGate staffTokens) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.staffTokens = staffTokens;
    }

    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) throw new ForbiddenResponse("This address has no access rule.");
        Role required = roles.stream()
                .filter(r -> r instanceof Role)
                .map(r -> (Role) r)
                .findFirst()
                .orElseThrow(() -> new ForbiddenResponse("This address has no access rule."));
        if (roles.contains(StaffTokenGate.Marker.BEARER)) { // a staff token, never the session cookie: no CSRF
            ctx.header("Cache-Control", "private, no-store");
            staffTokens.admit(ctx, required);
            return;
        }
        // an app's bearer token is no ambient credential (a browser never adds it by itself): no CSRF token needed
        boolean app = Sessions.byToken(ctx);
        if (Csrf.changesState(ctx.method()) && !app && !tokenless(ctx) && !csrf.valid(ctx)) throw new CsrfRejected();
        if (required == Role.ANYONE) return;
        if (app && required != Role.READER) {
            throw new ForbiddenResponse("A reader token from an app opens the reader's own pages and APIs only.");
        }
        ctx.header("Cache-Control", "private, no-store");
        Optional<User> user = sessions.current(ctx);
        if (user.isEmpty() && (app || ApiPaths.isApi(ctx.path()))) {
            throw new io.javalin.http.UnauthorizedResponse("Sign in to use " + ctx.path()
                    + ": send the session cookie from " + Paths.signIn()
                    + ", or an app's reader token as Authorization: Bearer (POST " + ApiPaths.readerTokens() + ").");
        }
        if (user.isEmpty()) {
            String back = ctx.method() == HandlerType.GET
                    ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                    : Paths.home();
            ctx.header("Location", Paths.signIn(back));
            throw new RedirectResponse(HttpStatus.SEE_OTHER);
        }
        if (!user.get().role().includes(required)) {
            throw new ForbiddenResponse("Your account (" + user.get().role().label()
                    + ") may not use this page; it needs " + required.label().toLowerCase() + " access.");
        }
    }

    /** A POST the route table marks {@link NoCsrfToken}: something else is its permission. */
    private static boolean tokenless(Context ctx) {
        return ctx.method() == HandlerType.POST && ctx.routeRoles().stream().anyMatch(r -> r instanceof NoCsrfToken);
    }

    /** A local path to return to after signing in; anything else goes home (no open redirects). */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.length() > 500) return Paths.home();
        // browsers drop tabs and newlines and read a backslash as "/": "/<tab>/evil.example" would leave the site
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') return Paths.home();
        }
        return next;
    }
}
