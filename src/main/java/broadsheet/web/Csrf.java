package broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;

/**
 * Cross-site request forgery protection for every state-changing request: a random token in a
 * cookie that the form (or the {@code X-CSRF-Token} header) must repeat, plus a same-origin check
 * of the {@code Origin} header when the browser sends one.
 */
public final class Csrf {

    public static final String COOKIE = "bs_csrf";
    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "broadsheet.csrf";

    private final String baseUrl;

    public Csrf(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The token to put in this response's forms, setting the cookie if the browser has none. */
    public String token(Context ctx) {
        Object t = ctx.attribute(ATTRIBUTE);
        if (t instanceof String s) return s;
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() != 43) {
            token = Tokens.random();
            Cookies.set(ctx, COOKIE, token, null, Cookies.secure(ctx, baseUrl));
        }
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Issues a new token (at sign-in and sign-out) so one seen before cannot be replayed. */
    public void rotate(Context ctx) {
        String token = Tokens.random();
        Cookies.set(ctx, COOKIE, token, null, Cookies.secure(ctx, baseUrl));
        ctx.attribute(ATTRIBUTE, token);
    }

    static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** True when the request carries the cookie's token and, if it says where it came from, comes from here. */
    public boolean valid(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx)) return false;
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) sent = formField(ctx);
        return cookie != null && Tokens.same(cookie, sent);
    }

    private static String formField(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return null;
        if (type.startsWith("application/x-www-form-urlencoded")) return ctx.formParam(FIELD);
        if (type.startsWith("multipart/form-data")) return Uploads.field(ctx, FIELD);
        return null;
    }

    private boolean sameOrigin(String origin, Context ctx) {
        try {
            URI o = URI.create(origin);
            String host = ctx.host();
            return (o.getHost() + (o.getPort() < 0 ? "" : ":" + o.getPort())).equalsIgnoreCase(host)
                    || origin.equalsIgnoreCase(baseUrl);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
