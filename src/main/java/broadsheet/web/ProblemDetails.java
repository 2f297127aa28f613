package broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of the JSON API as RFC 9457 problem details ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status}, {@code detail}, and {@code error} (the detail again, which the Following
 * API's clients read). Throw {@link Problem} from an API handler; the route table turns it into the answer.
 */
public final class ProblemDetails {
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemDetails() {}

    /** A request the API refuses, with the status and a sentence naming what is wrong. */
    public static class Problem extends RuntimeException {
        private final int status;
        private final Map<String, String> headers;
        private final Map<String, Object> members = new LinkedHashMap<>();

        public Problem(int status, String detail) {
            this(status, detail, Map.of());
        }

        public Problem(int status, String detail, Map<String, String> headers) {
            super(detail);
            this.status = status;
            this.headers = headers;
        }

        public int status() {
            return status;
        }

        /** A further member of the problem object (the changes feed's {@code next} to resume from). */
        public Problem with(String member, Object value) {
            members.put(member, value);
            return this;
        }
    }

    public static void send(Context ctx, Problem p) {
        p.headers.forEach(ctx::header);
        send(ctx, p.status, p.getMessage(), p.members);
    }

    public static void send(Context ctx, int status, String detail) {
        send(ctx, status, detail, Map.of());
    }

    private static void send(Context ctx, int status, String detail, Map<String, Object> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        body.putAll(members);
        ctx.status(status);
        if (ctx.res().getHeader("Cache-Control") == null) ctx.header("Cache-Control", "no-store");
        ctx.contentType(MEDIA_TYPE);
        ctx.result(Json.forScript(body));
    }
}
