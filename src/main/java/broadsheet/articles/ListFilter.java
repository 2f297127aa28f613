package broadsheet.articles;

import java.util.Map;

/** Narrows a newest-first list to a section, author or topic. */
public record ListFilter(String sql, Map<String, Object> params) {

    public static ListFilter all() {
        return new ListFilter("", Map.of());
    }

    public static ListFilter section(long sectionId) {
        return new ListFilter("and a.section_id = :sectionId", Map.of("sectionId", sectionId));
    }

    public static ListFilter author(long authorId) {
        return new ListFilter("and exists (select 1 from article_authors x where x.article_id = a.id and x.author_id = :authorId)",
                Map.of("authorId", authorId));
    }

    public static ListFilter topic(long topicId) {
        return new ListFilter("and exists (select 1 from article_topics x where x.article_id = a.id and x.topic_id = :topicId)",
                Map.of("topicId", topicId));
    }

    public static ListFilter notIn(ListFilter base, java.util.List<Long> ids) {
        if (ids.isEmpty()) return base;
        java.util.HashMap<String, Object> p = new java.util.HashMap<>(base.params());
        p.put("excluded", ids.toArray(Long[]::new));
        return new ListFilter(base.sql() + " and a.id <> all(:excluded)", p);
    }
}
