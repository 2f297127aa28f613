package broadsheet.adminapi;

import broadsheet.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Admin API refusal, answered as an RFC 9457 problem ({@code application/problem+json}): the status,
 * its title, what went wrong in words, and for bad input one entry per field ({@code field}, a JSON
 * {@code pointer} into the request body, and the same message the newsroom shows beside that field).
 */
public final class ApiProblem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field's problem. */
    public record FieldError(String field, String detail) {}

    private final int status;
    private final List<FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public ApiProblem(int status, String detail) {
        this(status, detail, List.of());
    }

    public ApiProblem(int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** 422 for input the rules refuse: each error names its field. */
    public static ApiProblem invalid(Map<String, String> byField) {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((f, m) -> list.add(new FieldError(f, m)));
        String detail = list.size() == 1
                ? list.get(0).detail()
                : "Nothing was saved: " + list.size() + " fields need attention (" + String.join(", ", byField.keySet())
                        + ").";
        return new ApiProblem(422, detail, list);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A header to send with the problem ({@code WWW-Authenticate}, the current {@code ETag}). */
    public ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A further member of the problem object (the article's current {@code version} on a 412). */
    public ApiProblem with(String member, Object value) {
        extra.put(member, value);
        return this;
    }

    public void render(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", ctx.path());
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of("field", e.field(), "pointer", "#/" + e.field(), "detail", e.detail()))
                            .toList());
        }
        body.putAll(extra);
        headers.forEach(ctx::header);
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(MEDIA_TYPE);
        ctx.result(Json.forScript(body));
    }
}
