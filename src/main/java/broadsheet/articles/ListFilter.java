package broadsheet.articles;

import java.util.Map;

/**
 * Narrows a newest-first list to a section, author or topic.
 *
 * @param planEachTime the filter's value changes how many articles match by orders of magnitude (a topic on
 *                     20 articles or on 30,000), so PostgreSQL must plan the query for the actual value every
 *                     time rather than reuse one generic plan
 */
public record ListFilter(String sql, Map<String, Object> params, boolean planEachTime) {

    public static ListFilter all() {
        return new ListFilter("", Map.of(), false);
    }

    public static ListFilter section(long sectionId) {
        return new ListFilter("and a.section_id = :sectionId", Map.of("sectionId", sectionId), false);
    }

    public static ListFilter author(long authorId) {
        return new ListFilter(
                "and exists (select 1 from article_authors x where x.article_id = a.id and x.author_id = :authorId)",
                Map.of("authorId", authorId),
                true);
    }

    public static ListFilter topic(long topicId) {
        return new ListFilter(
                "and exists (select 1 from article_topics x where x.article_id = a.id and x.topic_id = :topicId)",
                Map.of("topicId", topicId),
                true);
    }

    public static ListFilter notIn(ListFilter base, java.util.List<Long> ids) {
        if (ids.isEmpty()) return base;
        java.util.HashMap<String, Object> p = new java.util.HashMap<>(base.params());
        p.put("excluded", ids.toArray(Long[]::new));
        return new ListFilter(base.sql() + " and a.id <> all(:excluded)", p, base.planEachTime());
    }
}
