package broadsheet.web;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a cached page to a request without cookies or credentials before it reaches the router,
 * its filters and the servlet layer: a hit then costs what serving the bytes costs. The answer is
 * the one the route itself gave the same request (same headers, same page: see
 * {@link PageCache#hit}); anything else, a miss included, goes on to the app as before.
 */
public final class FrontDoor extends Handler.Wrapper {

    /** What the door adds to each answer of its own (a request id), from the request's headers. */
    public interface Stamp {
        void stamp(HttpFields request, HttpFields.Mutable response);
    }

    private final PageCache cache;
    private final java.util.function.BooleanSupplier open;
    private final Stamp stamp;

    private FrontDoor(PageCache cache, java.util.function.BooleanSupplier open, Stamp stamp) {
        this.cache = cache;
        this.open = open;
        this.stamp = stamp;
    }

    /**
     * Puts the door in front of the app, inside any handler already wrapped around it (call it after
     * whatever else wraps the server's handler).
     *
     * @param open whether the door may answer now (not while the database is away: then every page
     *     answers as the app does, with the operator's 503)
     * @param stamp what the app adds to every answer that the door must add too
     */
    public static void install(
            io.javalin.config.JavalinConfig c, PageCache cache, java.util.function.BooleanSupplier open, Stamp stamp) {
        c.jetty.modifyServer(server -> {
            Handler.Wrapper inner = server;
            while (inner.getHandler() instanceof Handler.Wrapper w) inner = w;
            inner.setHandler(new FrontDoor(cache, open, stamp));
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        HttpFields in = request.getHeaders();
        if (!(head || HttpMethod.GET.is(method))
                || in.contains(HttpHeader.COOKIE)
                || in.contains(HttpHeader.AUTHORIZATION)
                || !open.getAsBoolean()) return super.handle(request, response, callback);
        PageCache.Hit hit =
                cache.hit(request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        if (hit == null) return super.handle(request, response, callback);
        PageCache.Page page = hit.page();
        HttpFields.Mutable out = response.getHeaders();
        for (Map.Entry<String, String> h : hit.headers()) out.add(h.getKey(), h.getValue());
        stamp.stamp(in, out);
        out.put(HttpHeader.CACHE_CONTROL, hit.cacheControl());
        out.put(HttpHeader.ETAG, page.etag());
        out.put(HttpHeader.LAST_MODIFIED, page.lastModified());
        out.put(HttpHeader.VARY, hit.vary());
        if (page.surrogateKeys() != null && !page.surrogateKeys().isEmpty())
            out.put("Surrogate-Key", page.surrogateKeys());
        if (PageCache.notModified(page, in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE))) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        out.put(
                HttpHeader.CONTENT_TYPE,
                page.contentType().replace("; charset=", ";charset=")); // as the servlet layer writes it
        byte[] body = page.body();
        if (acceptsGzip(in)) {
            out.put(HttpHeader.CONTENT_ENCODING, "gzip");
            body = page.gzipped();
        }
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(200);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    private static boolean acceptsGzip(HttpFields in) {
        for (HttpField f : in.getFields(HttpHeader.ACCEPT_ENCODING))
            if (f.getValue().contains("gzip")) return true;
        return false;
    }
}
