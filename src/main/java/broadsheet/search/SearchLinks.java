package broadsheet.search;

import broadsheet.web.Paths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The search page's URLs: every filter lives in the URL, in one fixed order, so the same search is one
 * URL (and one cached page) however it was reached.
 */
final class SearchLinks {

    private SearchLinks() {}

    static String href(SearchRequest r) {
        StringBuilder sb = new StringBuilder(Paths.search());
        char sep = '?';
        sep = add(sb, sep, "q", r.q());
        if (r.order() == SearchRequest.Order.NEWEST)
            sep = add(sb, sep, "sort", r.order().value());
        sep = add(sb, sep, "section", r.section());
        sep = add(sb, sep, "author", r.author());
        sep = add(sb, sep, "topic", r.topic());
        sep = add(sb, sep, "kind", r.kind());
        sep = add(sb, sep, "when", r.when());
        if (r.when().equals("custom")) {
            sep = add(sb, sep, "from", date(r.from()));
            sep = add(sb, sep, "to", date(r.to()));
        }
        if (r.page() > 1) add(sb, sep, "page", Integer.toString(r.page()));
        return sb.toString();
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static char add(StringBuilder sb, char sep, String name, String value) {
        if (value == null || value.isEmpty()) return sep;
        sb.append(sep).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return '&';
    }

    static SearchRequest with(SearchRequest r, String dim, String value) {
        return switch (dim) {
            case "section" ->
                new SearchRequest(
                        r.q(), r.order(), value, r.author(), r.topic(), r.kind(), r.when(), r.from(), r.to(), 1);
            case "author" ->
                new SearchRequest(
                        r.q(), r.order(), r.section(), value, r.topic(), r.kind(), r.when(), r.from(), r.to(), 1);
            case "topic" ->
                new SearchRequest(
                        r.q(), r.order(), r.section(), r.author(), value, r.kind(), r.when(), r.from(), r.to(), 1);
            case "kind" ->
                new SearchRequest(
                        r.q(), r.order(), r.section(), r.author(), r.topic(), value, r.when(), r.from(), r.to(), 1);
            case "when" ->
                new SearchRequest(
                        r.q(),
                        r.order(),
                        r.section(),
                        r.author(),
                        r.topic(),
                        r.kind(),
                        value,
                        value.equals("custom") ? r.from() : null,
                        value.equals("custom") ? r.to() : null,
                        1);
            default -> throw new IllegalArgumentException(dim);
        };
    }

    static SearchRequest ordered(SearchRequest r, SearchRequest.Order order) {
        return new SearchRequest(
                r.q(), order, r.section(), r.author(), r.topic(), r.kind(), r.when(), r.from(), r.to(), 1);
    }
}
