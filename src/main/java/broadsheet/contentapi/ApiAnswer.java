package broadsheet.contentapi;

import broadsheet.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Sends a Content API answer: JSON with a strong {@code ETag} (a 304 when {@code If-None-Match} names it),
 * {@code Cache-Control} (shared caches may keep what is the same for every holder of the key; a reader's
 * answers are private), and CORS headers so browser apps on other origins can read it. An answer is
 * {@link Made} once (its bytes and their ETag) and then only written out, with its length.
 */
final class ApiAnswer {
    /** Answers that are the same for everyone holding the key. */
    static final String SHARED = "public, max-age=60, stale-while-revalidate=60";
    /** Answers for one signed-in reader (their paywall level). */
    static final String PERSONAL = "private, no-cache";
    /** The changes feed: always asked afresh, revalidated with the ETag. */
    static final String FRESH = "no-cache";

    private ApiAnswer() {}

    /** An answer ready to send as often as asked: its JSON bytes and their ETag (hashed once, when made). */
    record Made(byte[] body, String etag) {
        static Made of(Object value) {
            byte[] body;
            try {
                body = Json.MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Made(body, "\"" + ApiAnswer.etag(body) + "\"");
        }
    }

    static void send(Context ctx, Made answer, String cacheControl) {
        cors(ctx);
        String etag = answer.etag();
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Authorization, X-Api-Key, Accept-Encoding");
        String match = ctx.header("If-None-Match");
        if (match != null && matches(match, etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.status(200);
        ctx.contentType("application/json");
        byte[] body = answer.body();
        ctx.header("Content-Length", String.valueOf(body.length));
        // written straight to the response (ctx.result would copy it through a new 32 KB buffer per request)
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            // the client went away: there is no one left to answer
        }
    }

    /** CORS for browser apps: any origin may read (the key, not a cookie, is the credential). */
    static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag, Retry-After");
    }

    /** The answer to a browser's preflight before a request with the key or a reader token in a header. */
    static void preflight(Context ctx) {
        cors(ctx);
        ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, X-Api-Key, If-None-Match");
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static boolean matches(String header, String etag) {
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("W/")) p = p.substring(2);
            if (p.equals(etag) || p.equals("*")) return true;
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
