package broadsheet.articles;

import java.util.ArrayList;
import java.util.List;

/**
 * Narrows a newest-first list to a section, author or topic, optionally leaving some articles out.
 * A description only: {@link ArticleDao} turns it into SQL.
 *
 * @param id       the section, author or topic (unused for {@link Narrow#ALL})
 * @param excluded articles to leave out (those already shown above the list)
 */
public record ListFilter(Narrow narrow, long id, List<Long> excluded) {

    /** What a list is narrowed to. */
    public enum Narrow {
        ALL,
        SECTION,
        AUTHOR,
        TOPIC
    }

    public ListFilter {
        excluded = List.copyOf(excluded);
    }

    public static ListFilter all() {
        return new ListFilter(Narrow.ALL, 0, List.of());
    }

    public static ListFilter section(long sectionId) {
        return new ListFilter(Narrow.SECTION, sectionId, List.of());
    }

    public static ListFilter author(long authorId) {
        return new ListFilter(Narrow.AUTHOR, authorId, List.of());
    }

    public static ListFilter topic(long topicId) {
        return new ListFilter(Narrow.TOPIC, topicId, List.of());
    }

    /** The same list without the given articles. */
    public static ListFilter notIn(ListFilter base, List<Long> ids) {
        if (ids.isEmpty()) return base;
        List<Long> all = new ArrayList<>(base.excluded());
        all.addAll(ids);
        return new ListFilter(base.narrow(), base.id(), all);
    }

    /**
     * Whether the filter's value changes how many articles match by orders of magnitude (a topic on 20
     * articles or on 30,000), so PostgreSQL must plan the query for the actual value every time rather
     * than reuse one generic plan.
     */
    public boolean planEachTime() {
        return narrow == Narrow.AUTHOR || narrow == Narrow.TOPIC;
    }
}
