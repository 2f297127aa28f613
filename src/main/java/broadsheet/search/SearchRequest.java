package broadsheet.search;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A reader's search as the URL says it: the words, the order, the filters (each may be empty) and the page.
 *
 * @param when  "", "day", "week", "month", "year" or "custom" (then {@code from}/{@code to}, each may be null)
 */
public record SearchRequest(
        String q,
        Order order,
        String section,
        String author,
        String topic,
        String kind,
        String when,
        LocalDate from,
        LocalDate to,
        int page) {

    public enum Order {
        RELEVANCE,
        NEWEST;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int MAX_PAGE = 50;

    public SearchRequest withPage(int p) {
        return new SearchRequest(q, order, section, author, topic, kind, when, from, to, p);
    }
}
