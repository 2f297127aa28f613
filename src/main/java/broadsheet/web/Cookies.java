package broadsheet.web;

import io.javalin.http.Context;
import java.time.Duration;

/** Cookies set the one safe way: HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */
public final class Cookies {
    private Cookies() {}

    public static void set(Context ctx, String name, String value, Duration maxAge, boolean secure) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge != null) c.append("; Max-Age=").append(maxAge.toSeconds());
        if (secure) c.append("; Secure");
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    static void clear(Context ctx, String name, boolean secure) {
        set(ctx, name, "", Duration.ZERO, secure);
    }

    public static boolean secure(Context ctx, String baseUrl) {
        return baseUrl.startsWith("https:")
                || "https".equals(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
