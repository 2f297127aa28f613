package broadsheet.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;

/**
 * Reading numbers out of requests, the same way everywhere, on Javalin's validators: a path id that
 * is not a number names nothing, so it is a 404 like any unknown page; a form or query number that is
 * not a number is the sender's mistake, so it is a 400 whose message names the field.
 */
public final class Params {
    private Params() {}

    /** A positive whole number in the path ({@code /comments/{id}}); anything else is 404. */
    public static long pathId(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class)
                .check(v -> v > 0, "not an id")
                .getOrThrow(e -> new NotFoundResponse());
    }

    /** A whole number in the path that may be zero or more ({@code /revisions/{version}}); else 404. */
    public static int pathNumber(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Integer.class)
                .check(v -> v >= 0, "negative")
                .getOrThrow(e -> new NotFoundResponse());
    }

    /** A required whole number in the form; missing or malformed is 400 naming the field. */
    public static long formLong(Context ctx, String field) {
        return ctx.formParamAsClass(field, Long.class)
                .getOrThrow(e -> new BadRequestResponse("The field \"" + field + "\" must be a whole number."));
    }

    /** An optional whole number in the form: empty when absent or blank, 400 naming the field when malformed. */
    public static Optional<Long> optionalFormLong(Context ctx, String field) {
        String raw = ctx.formParam(field);
        if (raw == null || raw.isBlank()) return Optional.empty();
        return Optional.of(parse(raw.strip(), field));
    }

    /** An optional whole number in the query string: empty when absent or blank, 400 naming it when malformed. */
    public static Optional<Long> optionalQueryLong(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return Optional.empty();
        return Optional.of(parse(raw.strip(), name));
    }

    /** A required integer in the form within [min, max]; otherwise 400 naming the field and the range. */
    public static int formInt(Context ctx, String field, int min, int max) {
        return ctx.formParamAsClass(field, Integer.class)
                .check(v -> v >= min && v <= max, "out of range")
                .getOrThrow(e -> new BadRequestResponse(
                        "The field \"" + field + "\" must be a whole number from " + min + " to " + max + "."));
    }

    /**
     * A whole number as typed into a form field, for forms that show their own message beside the field:
     * empty when absent, blank or not a whole number (spaces around it are allowed).
     */
    public static Optional<Long> typedLong(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** As {@link #typedLong}, for numbers that fit an int (empty when out of its range). */
    public static Optional<Integer> typedInt(String raw) {
        return typedLong(raw)
                .filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
                .map(Long::intValue);
    }

    private static long parse(String raw, String field) {
        return typedLong(raw)
                .orElseThrow(() -> new BadRequestResponse("The field \"" + field + "\" must be a whole number."));
    }
}
