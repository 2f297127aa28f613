package broadsheet.ops;

import broadsheet.web.Json;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request's id, and what happens once it is answered: counted for {@code /metrics} and for
 * {@link RequestHealth}, and, when asked for ({@code REQUEST_LOG=json}), written as one JSON line.
 * The id is the caller's {@code X-Request-Id} when it looks like one (a proxy or load balancer in
 * front that made it), otherwise a new one; it is sent back in the same header.
 */
public final class RequestLog {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "broadsheet.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Metrics metrics;
    private final RequestHealth health;
    private final boolean json;

    public RequestLog(Metrics metrics, RequestHealth health, boolean json) {
        this.metrics = metrics;
        this.health = health;
        this.json = json;
    }

    /** Before every request: its id, in an attribute and the response header. */
    public void identify(Context ctx) {
        String id = idFor(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /**
     * The caller's id when it looks like one, otherwise a new one: 128 random bits in the usual UUID form.
     * An id must be unique, not unguessable, so it comes from the thread's own generator: {@code
     * UUID.randomUUID()} draws from the shared SecureRandom, a lock every request queued on (a twentieth of a
     * cached page's time).
     */
    public static String idFor(String given) {
        if (given != null && SANE.matcher(given).matches()) return given;
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** After the answer went out (Javalin's request logger): counts it, and writes its line if asked to. */
    public void answered(Context ctx, Float ms) {
        int status = ctx.statusCode();
        String route = route(ctx);
        health.record(ctx.path(), status);
        long nanos = (long) (ms * 1_000_000L);
        metrics.request(ctx.method().name(), route, status, Duration.ofNanos(nanos));
        if (!json) return;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("request_id", ctx.attribute(ATTRIBUTE));
        line.put("method", ctx.method().name());
        line.put("route", route);
        line.put("status", status);
        line.put("ms", Math.round(ms * 10) / 10.0);
        // straight to standard output, one object a line with nothing around it, whatever the log pattern
        System.out.println(Json.forScript(line));
    }

    /** The matched route's pattern ("/{y}/{m}/{d}/{slug}"), never the raw path; "unmatched" when no route took it. */
    static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
