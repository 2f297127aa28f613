package broadsheet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * What each request without cookies or credentials was answered with, by its raw path and query: the
 * key of the cached page and the headers around it, so that {@link FrontDoor} can answer the same
 * request again before routing (see {@link PageCache#hit}).
 */
final class DoorBook {

    /**
     * A page as answered to a request without cookies: its key (less the generation and day, which are
     * read afresh), the headers the request's filters and handler set, and how it varies.
     *
     * @param cacheControl the variant's own lifetime, or null for the usual one cut to the page's expiry
     */
    record Door(String key, List<HttpField> headers, String cacheControl, HttpField vary) {}

    /** Headers {@link PageCache#send} sets from the page itself, and the request's own id: never replayed. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "cache-control",
            "etag",
            "last-modified",
            "vary",
            "surrogate-key",
            "content-type",
            "content-length",
            "content-encoding",
            "date",
            "x-request-id");

    private final Cache<String, Door> doors =
            Caffeine.newBuilder().maximumSize(20_000).build();

    /**
     * Notes what a GET without cookies or credentials was answered with (the page under {@code key},
     * after the headers set so far), unless the answer sets a cookie.
     */
    void remember(Context ctx, String key, String cacheControl, String vary) {
        var req = ctx.req();
        if (!"GET".equals(req.getMethod()) || req.getHeader("Cookie") != null || req.getHeader("Authorization") != null)
            return;
        var res = ctx.res();
        if (res.getHeader("Set-Cookie") != null || res.getStatus() != 200) return;
        // encoded for the wire once here, not on every hit (Jetty otherwise checks each character of each value
        // on each answer: a tenth of a hit's time, most of it the long Content-Security-Policy)
        List<HttpField> headers = new ArrayList<>();
        for (String name : res.getHeaderNames()) {
            if (NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) continue;
            for (String value : res.getHeaders(name)) headers.add(new PreEncodedHttpField(name, value));
        }
        doors.put(
                key(req.getRequestURI(), req.getQueryString()),
                new Door(
                        key,
                        List.copyOf(headers),
                        cacheControl,
                        vary == null ? null : new PreEncodedHttpField(HttpHeader.VARY, vary)));
    }

    /** What the same request was answered with, or null. */
    Door find(String rawPath, String rawQuery) {
        return doors.getIfPresent(key(rawPath, rawQuery));
    }

    void clear() {
        doors.invalidateAll();
    }

    private static String key(String rawPath, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
