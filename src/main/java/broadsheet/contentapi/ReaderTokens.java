package broadsheet.contentapi;

import broadsheet.accounts.AccountService;
import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Json;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.ProblemDetails.Problem;
import broadsheet.web.Sessions;
import broadsheet.web.Tokens;
import broadsheet.web.Views;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader tokens for apps: a reader signs in from an app (email and password, the site's own throttle) and
 * gets a bearer token, revocable from the app or from the reader's "Apps and devices" page, which lists
 * every browser and app signed in with sign out for each.
 */
public final class ReaderTokens {

    /** How long an app stays signed in without signing in again. */
    static final Duration LIFETIME = Duration.ofDays(365);

    public record AppsPage(Layout layout, String csrf, List<AppSessionDao.SignedIn> signedIn, String notice) {}

    private final AccountService accounts;
    private final AppSessionDao dao;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public ReaderTokens(
            AccountService accounts, AppSessionDao dao, Sessions sessions, Csrf csrf, Chrome chrome, Views views) {
        this.accounts = accounts;
        this.dao = dao;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    /** POST /api/tokens {"email", "password", "app", "device"}: a new token, shown this once. */
    public void signIn(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject())
            throw new Problem(
                    400,
                    "Send JSON like {\"email\": \"...\", \"password\": \"...\", \"app\": \"Broadsheet for iOS\"}.");
        String email = body.path("email").asText("");
        String password = body.path("password").asText("");
        String app = body.path("app").asText("").strip();
        String device = body.path("device").asText("").strip();
        if (email.isBlank()) throw new Problem(400, "\"email\" is missing.");
        if (password.isEmpty()) throw new Problem(400, "\"password\" is missing.");
        if (app.isEmpty() || app.length() > 80)
            throw new Problem(
                    400,
                    "\"app\" must name the app (1 to 80 characters), so the reader knows it on their account page.");
        if (device.length() > 120) throw new Problem(400, "\"device\" may be at most 120 characters.");
        var result = accounts.signIn(email, password, ctx.ip());
        switch (result.result()) {
            case WRONG -> throw new Problem(401, "The email address or password is not right.");
            case THROTTLED ->
                throw new Problem(
                        429,
                        "Too many attempts to sign in. Wait 15 minutes and try again, or reset the password on the site.",
                        Map.of("Retry-After", String.valueOf(15 * 60)));
            case UNCONFIRMED ->
                throw new Problem(403, "Confirm the email address first: we have sent a new confirmation link.");
            case OK -> {}
        }
        String token = Tokens.random();
        Instant expires = Instant.now().plus(LIFETIME);
        dao.insert(Tokens.sha256(token), result.user().id(), app, device.isEmpty() ? null : device, expires);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("tokenType", "Bearer");
        out.put("expiresAt", expires.toString());
        ctx.status(HttpStatus.CREATED);
        ctx.header("Cache-Control", "no-store");
        ctx.json(out);
    }

    /** DELETE /api/tokens/current: the app signs itself out. */
    public void signOut(Context ctx) {
        String token = Sessions.bearer(ctx);
        if (token == null || !Sessions.byToken(ctx))
            throw new Problem(
                    400,
                    "Send the token to end as Authorization: Bearer ...; a browser signs out at " + Paths.signIn()
                            + ".");
        dao.endByHash(Tokens.sha256(token));
        ctx.header("Cache-Control", "no-store");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** GET /account/apps: every browser and app the reader is signed in on. */
    public void list(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        String notice = "done".equals(ctx.queryParam("signed-out")) ? "Signed out there." : null;
        Meta meta = Meta.page("Apps and devices", "Where you are signed in", ctx.path())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "contentapi/apps.jte",
                        new AppsPage(chrome.layout(meta), csrf.token(ctx), dao.of(user.id()), notice)));
    }

    /** POST /account/apps/{handle}/sign-out: ends one of them. */
    public void end(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        String handle = ctx.pathParam("handle");
        if (!handle.matches("[0-9a-f]{16}") || !dao.end(user.id(), handle)) throw new NotFoundResponse();
        ctx.redirect(Paths.with(Paths.accountApps(), "signed-out", "done"), HttpStatus.SEE_OTHER);
    }
}
