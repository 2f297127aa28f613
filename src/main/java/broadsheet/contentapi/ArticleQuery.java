package broadsheet.contentapi;

import broadsheet.articles.Kind;
import broadsheet.db.Cursor;
import broadsheet.web.ProblemDetails.Problem;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Content API's article list request, read from the query string: filters, sort, page size and cursor.
 * Anything malformed is a 400 naming the parameter.
 */
public record ArticleQuery(
        String section,
        String author,
        String topic,
        String kind,
        Instant publishedSince,
        Instant updatedSince,
        List<Long> ids,
        Sort sort,
        int limit,
        Cursor after) {

    public static final int DEFAULT_LIMIT = 15;
    public static final int MAX_LIMIT = 100;

    /** The orders a list can come in; each ends with the article id, so the order is stable. */
    public enum Sort {
        PUBLISHED_DESC("published_at", true),
        PUBLISHED_ASC("published_at", false),
        UPDATED_DESC("updated_at", true),
        UPDATED_ASC("updated_at", false);

        private final String column;
        private final boolean descending;

        Sort(String column, boolean descending) {
            this.column = column;
            this.descending = descending;
        }

        String column() {
            return column;
        }

        boolean descending() {
            return descending;
        }

        /** As written in the query: {@code published_at:desc}. */
        public String key() {
            return column + ":" + (descending ? "desc" : "asc");
        }

        static Sort parse(String raw) {
            if (raw == null || raw.isBlank()) return PUBLISHED_DESC;
            for (Sort s : values()) if (s.key().equals(raw.strip())) return s;
            throw new Problem(
                    400,
                    "\"sort\" must be one of "
                            + String.join(
                                    ", ", Arrays.stream(values()).map(Sort::key).toList()) + ".");
        }
    }

    public static ArticleQuery of(Context ctx) {
        String kind = text(ctx, "kind");
        if (kind != null) {
            Set<String> kinds = Set.copyOf(Arrays.stream(Kind.values())
                    .map(k -> k.name().toLowerCase(Locale.ROOT))
                    .toList());
            if (!kinds.contains(kind))
                throw new Problem(
                        400,
                        "\"kind\" must be one of "
                                + String.join(", ", kinds.stream().sorted().toList()) + ".");
        }
        Sort sort = Sort.parse(ctx.queryParam("sort"));
        Cursor after = null;
        String cursor = ctx.queryParam("after");
        if (cursor != null && !cursor.isBlank()) {
            after = Cursor.parse(cursor.strip())
                    .filter(c -> !cursor.isBlank())
                    .orElseThrow(() -> new Problem(400, "\"after\" must be the \"next\" cursor of a previous page."));
        }
        return new ArticleQuery(
                text(ctx, "section"),
                text(ctx, "author"),
                text(ctx, "topic"),
                kind,
                time(ctx, "published_since"),
                time(ctx, "updated_since"),
                ids(ctx),
                sort,
                limit(ctx, DEFAULT_LIMIT),
                after);
    }

    /** The cursor of the page after one ending with this article. */
    public String next(ContentDao.Row last) {
        Instant at = sort.column().equals("updated_at") ? last.updatedAt() : last.publishedAt();
        return new Cursor(at, last.id()).toString();
    }

    static int limit(Context ctx, int fallback) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) return fallback;
        if (!raw.strip().matches("[0-9]{1,3}")
                || Integer.parseInt(raw.strip()) < 1
                || Integer.parseInt(raw.strip()) > MAX_LIMIT)
            throw new Problem(400, "\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ".");
        return Integer.parseInt(raw.strip());
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Instant time(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new Problem(400, "\"" + name + "\" must be a time like 2026-12-01T00:00:00Z.");
        }
    }

    private static List<Long> ids(Context ctx) {
        String v = text(ctx, "ids");
        if (v == null) return List.of();
        List<Long> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.strip().matches("[1-9][0-9]{0,17}"))
                throw new Problem(400, "\"ids\" must be article ids separated by commas, like 12,15,19.");
            out.add(Long.parseLong(part.strip()));
        }
        if (out.size() > MAX_LIMIT) throw new Problem(400, "\"ids\" may name at most " + MAX_LIMIT + " articles.");
        return out;
    }
}
