package broadsheet.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.VirtualThreads;

/**
 * Answers a cached page to a request without cookies or credentials before it reaches the router,
 * its filters and the servlet layer: a hit then costs what serving the bytes costs. The answer is
 * the one the route itself gave the same request (same headers, same page: see
 * {@link PageCache#hit}); anything else, a miss included, goes on to the app as before.
 *
 * <p>The door never blocks, and says so to Jetty ({@link #getInvocationType}): Jetty then runs it on
 * the thread that read the request, the selector's, instead of starting a thread for every request
 * and waking the selector again when the answer is out. A hit is written there (a write that cannot
 * finish at once finishes later without any thread waiting); everything else is handed to a
 * thread of its own (a virtual one when the server has them), where the app may block as before.
 *
 * <p>The door also takes the read beacon ({@link Paths#reads()}) when it is well formed: a form with a
 * positive {@code id}, a few bytes that come with the request's headers. Every article page sends one, so
 * it costs what a cached page costs instead of a trip through the app; anything else posted there (no
 * id, a bad one, another content type) goes on to the route, which names what is wrong.
 */
public final class FrontDoor extends Handler.Wrapper {

    /** Where a well-formed read beacon goes: the article's id and the headers that say who sent it. */
    public interface Beacon {
        void count(long id, String userAgent, String fetchSite, String purpose);
    }

    /** What the door adds to each answer of its own (a request id), from the request's headers. */
    public interface Stamp {
        void stamp(HttpFields request, HttpFields.Mutable response);
    }

    private final PageCache cache;
    private final java.util.function.BooleanSupplier open;
    private final Stamp stamp;
    private final Beacon beacon;
    private java.util.concurrent.Executor app; // where requests the door does not answer go (set at start)

    private FrontDoor(PageCache cache, java.util.function.BooleanSupplier open, Stamp stamp, Beacon beacon) {
        this.cache = cache;
        this.open = open;
        this.stamp = stamp;
        this.beacon = beacon;
    }

    /**
     * Puts the door in front of the app, inside any handler already wrapped around it (call it after
     * whatever else wraps the server's handler).
     *
     * @param open whether the door may answer now (not while the database is away: then every page
     *     answers as the app does, with the operator's 503)
     * @param stamp what the app adds to every answer that the door must add too
     * @param beacon what a well-formed read beacon counts
     */
    public static void install(
            io.javalin.config.JavalinConfig c,
            PageCache cache,
            java.util.function.BooleanSupplier open,
            Stamp stamp,
            Beacon beacon) {
        c.jetty.modifyServer(server -> {
            Handler.Wrapper inner = server;
            while (inner.getHandler() instanceof Handler.Wrapper w) inner = w;
            inner.setHandler(new FrontDoor(cache, open, stamp, beacon));
        });
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING; // the app behind may block, but only on a thread of its own (pass)
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        java.util.concurrent.Executor pool = getServer().getThreadPool();
        java.util.concurrent.Executor virtual = VirtualThreads.getVirtualThreadsExecutor(pool);
        app = virtual != null ? virtual : pool;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        HttpFields in = request.getHeaders();
        if (HttpMethod.POST.is(method)
                && Paths.reads().equals(request.getHttpURI().getPath())
                && open.getAsBoolean()) return beacon(request, response, callback);
        if (!(head || HttpMethod.GET.is(method))
                || in.contains(HttpHeader.COOKIE)
                || in.contains(HttpHeader.AUTHORIZATION)
                || !open.getAsBoolean()) return pass(request, response, callback);
        PageCache.Hit hit =
                cache.hit(request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        if (hit == null) return pass(request, response, callback);
        PageCache.Page page = hit.page();
        Encoded e = Encoded.of(page);
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField h : hit.headers()) out.add(h);
        stamp.stamp(in, out);
        out.put(
                PageCache.CACHE_CONTROL.equals(hit.cacheControl())
                        ? USUAL_CACHE_CONTROL
                        : new HttpField(HttpHeader.CACHE_CONTROL, hit.cacheControl()));
        out.put(e.etag);
        out.put(e.lastModified);
        if (hit.vary() != null) out.put(hit.vary());
        if (e.surrogateKeys != null) out.put(e.surrogateKeys);
        if (PageCache.notModified(page, in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE))) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        out.put(e.contentType);
        byte[] body = page.body();
        if (acceptsGzip(in)) {
            out.put(GZIP);
            body = page.gzipped();
            out.put(e.gzippedLength(body));
        } else {
            out.put(e.length);
        }
        response.setStatus(200);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    /**
     * A read beacon: its form is read without waiting (it nearly always came with the headers; if not,
     * Jetty finishes the read when the rest arrives), counted, and answered 204. A form the door cannot
     * use goes to the route, which finds the same fields already read (Jetty keeps them on the request).
     */
    private boolean beacon(Request request, Response response, Callback callback) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        long length = request.getLength();
        if (type == null
                || !type.startsWith("application/x-www-form-urlencoded")
                || length < 0
                || length > BEACON_MAX_BYTES) return pass(request, response, callback);
        FormFields.onFields(
                request,
                java.nio.charset.StandardCharsets.UTF_8,
                4,
                BEACON_MAX_BYTES,
                Promise.Invocable.from(InvocationType.NON_BLOCKING, (Fields fields, Throwable failure) -> {
                    long id = failure == null ? positive(fields.getValue("id")) : 0;
                    if (id <= 0) {
                        pass(request, response, callback);
                        return;
                    }
                    HttpFields in = request.getHeaders();
                    beacon.count(id, in.get(HttpHeader.USER_AGENT), in.get("Sec-Fetch-Site"), in.get("Sec-Purpose"));
                    stamp.stamp(in, response.getHeaders());
                    response.setStatus(204);
                    response.write(true, null, callback);
                }));
        return true;
    }

    /** Longer than any beacon a page sends ({@code id=} and a number). */
    private static final int BEACON_MAX_BYTES = 64;

    private static long positive(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > 18) return 0;
        for (int i = 0; i < digits.length(); i++) if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return 0;
        return Long.parseLong(digits);
    }

    /** Everything but a hit: the app, on a thread of its own, as Jetty would have run it without the door. */
    private boolean pass(Request request, Response response, Callback callback) {
        app.execute(() -> {
            try {
                if (!super.handle(request, response, callback)) Response.writeError(request, response, callback, 404);
            } catch (Throwable e) {
                callback.failed(e); // Jetty answers 500 if nothing was written yet, as it would have
            }
        });
        return true;
    }

    private static final HttpField USUAL_CACHE_CONTROL =
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, PageCache.CACHE_CONTROL);
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    /** A cached page's own headers, encoded for the wire once (on its first hit) instead of on every answer. */
    static final class Encoded {
        final HttpField etag;
        final HttpField lastModified;
        final HttpField surrogateKeys; // null when the page has none
        final HttpField contentType;
        final HttpField length;
        private volatile HttpField gzippedLength; // made on the first hit that takes gzip

        private Encoded(PageCache.Page page) {
            String keys = page.surrogateKeys();
            etag = new PreEncodedHttpField(HttpHeader.ETAG, page.etag());
            lastModified = new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, page.lastModified());
            surrogateKeys = keys == null || keys.isEmpty() ? null : new PreEncodedHttpField("Surrogate-Key", keys);
            // as the servlet layer writes it
            contentType = new PreEncodedHttpField(
                    HttpHeader.CONTENT_TYPE, page.contentType().replace("; charset=", ";charset="));
            length = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, page.body().length);
        }

        static Encoded of(PageCache.Page page) {
            Encoded e = page.encoded;
            if (e == null) page.encoded = e = new Encoded(page); // two threads may both make it; the same fields
            return e;
        }

        HttpField gzippedLength(byte[] gzipped) {
            HttpField f = gzippedLength;
            if (f == null) gzippedLength = f = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, gzipped.length);
            return f;
        }
    }

    private static boolean acceptsGzip(HttpFields in) {
        for (HttpField f : in.getFields(HttpHeader.ACCEPT_ENCODING))
            if (f.getValue().contains("gzip")) return true;
        return false;
    }
}
