package broadsheet.articles;

import broadsheet.db.Cursor;
import broadsheet.media.Photo;
import broadsheet.web.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/** Reads published articles: one page's worth in one query, lists by keyset. */
public final class ArticleDao {

    /** The shared mapper, reading the JSON this class's own queries build (lenient about extra fields). */
    private static final ObjectReader JSON =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Published articles only. Written into the SQL rather than bound: the partial indexes
     * (articles_published, articles_section_published) serve only a query whose condition matches
     * theirs, which a bound value does not in a reusable plan (PostgreSQL then plans the statement
     * anew on every call, which costs more than running it).
     */
    public static final String PUBLISHED = "a.status = '" + ArticleStatus.PUBLISHED.dbValue() + "'";

    private static final String PHOTO_JSON = """
            json_build_object('id', p.id, 'fileKey', p.file_key, 'mimeType', p.mime_type, 'width', p.width,
                              'height', p.height, 'caption', p.caption, 'credit', p.credit, 'altText', p.alt_text)""";

    private static final String ONE = """
            select a.id, a.slug, a.headline, a.deck, a.body, a.kind, a.published_at, a.updated_at, a.access, a.version,
                   a.comment_mode, a.comments_subscribers_only,
                   s.slug as section_slug, s.name as section_name,
                   (select coalesce(json_agg(json_build_object('id', au.id, 'slug', au.slug, 'name', au.name, 'title', au.title)
                                             order by aa.position, au.name), '[]')
                      from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = a.id) as authors,
                   (select coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name, 'kind', t.kind)
                                             order by at.position, t.name), '[]')
                      from article_topics at join topics t on t.id = at.topic_id where at.article_id = a.id) as topics,
                   (select %1$s from photos p where p.id = a.lead_photo_id) as lead_photo,
                   (select coalesce(json_agg(%1$s order by ap.position, p.id), '[]')
                      from article_photos ap join photos p on p.id = ap.photo_id where ap.article_id = a.id) as gallery,
                   (select coalesce(json_agg(json_build_object('kind', c.kind, 'body', c.body, 'createdAt', c.created_at)
                                             order by c.created_at, c.id), '[]')
                      from corrections c where c.article_id = a.id) as corrections,
                   (select r.related_ids from article_related r where r.article_id = a.id and r.version = a.version)
                       as related_ids
              from articles a join sections s on s.id = a.section_id
            """.formatted(PHOTO_JSON);

    /** The columns {@link #summary} reads, from {@code articles a} with its section and lead photo {@code p}. */
    public static final String SUMMARY_COLUMNS = """
            select a.id, a.slug, a.headline, a.deck, a.kind, a.published_at, a.updated_at,
                   s.slug as section_slug, s.name as section_name,
                   array(select au.name from article_authors aa join authors au on au.id = aa.author_id
                          where aa.article_id = a.id order by aa.position, au.name) as author_names,
                   p.id as p_id, p.file_key, p.mime_type, p.width, p.height, p.caption, p.credit, p.alt_text
              from articles a
              join sections s on s.id = a.section_id
              left join photos p on p.id = a.lead_photo_id
            """;

    private final Jdbi jdbi;

    public ArticleDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<ArticleView> findPublished(String slug) {
        return jdbi.withHandle(h -> h.createQuery(ONE + " where a.slug = :slug and " + PUBLISHED)
                .bind("slug", slug)
                .map(ArticleDao::view)
                .findOne());
    }

    /** An article in any state, as its page would show it (for signed preview links). */
    public Optional<ArticleView> findAny(long id) {
        return jdbi.withHandle(h -> h.createQuery(ONE + " where a.id = :id")
                .bind("id", id)
                .map(ArticleDao::view)
                .findOne());
    }

    /**
     * Newest first, after the cursor, optionally narrowed by a filter.
     *
     * <p>Written so PostgreSQL can reuse a plan: the limit is in the SQL rather than bound (with a bound
     * LIMIT a generic plan always looks dearer than a custom one, so every call was planned afresh, which
     * cost several times more than running these queries), and a first page has no keyset condition at all
     * (a cursor far in the future changes the estimates enough that the custom plan kept winning). For the
     * whole archive and for a section the generic plan is the same index walk whatever the values. Author
     * and topic filters are still planned for their value every time.
     */
    public List<ArticleSummary> latest(ListFilter filter, Cursor after, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit " + limit);
        boolean first = after.equals(Cursor.first());
        String sql = SUMMARY_COLUMNS + " where " + PUBLISHED
                + (first ? "" : " and (a.published_at, a.id) < (:at, :id)")
                + " " + sql(filter) + " order by a.published_at desc, a.id desc limit " + limit;
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql);
            bind(q, filter);
            if (!first) q.bind("at", Timestamp.from(after.at())).bind("id", after.id());
            if (filter.planEachTime()) q.addCustomizer(PLAN_EACH_TIME);
            return q.map(ArticleDao::summary).list();
        });
    }

    /** The filter's condition, added to a query over published articles {@code a}. */
    private static String sql(ListFilter filter) {
        String narrow = switch (filter.narrow()) {
            case ALL -> "";
            case SECTION -> "and a.section_id = :sectionId";
            case AUTHOR ->
                "and exists (select 1 from article_authors x where x.article_id = a.id and x.author_id = :authorId)";
            case TOPIC ->
                "and exists (select 1 from article_topics x where x.article_id = a.id and x.topic_id = :topicId)";
        };
        return filter.excluded().isEmpty() ? narrow : narrow + " and a.id <> all(:excluded)";
    }

    private static void bind(Query q, ListFilter filter) {
        switch (filter.narrow()) {
            case ALL -> {}
            case SECTION -> q.bind("sectionId", filter.id());
            case AUTHOR -> q.bind("authorId", filter.id());
            case TOPIC -> q.bind("topicId", filter.id());
        }
        if (!filter.excluded().isEmpty()) q.bind("excluded", filter.excluded().toArray(Long[]::new));
    }

    /**
     * Runs the statement unprepared on the server (pgjdbc's prepareThreshold 0), so PostgreSQL plans it
     * with the actual values every time: a big topic is best read newest-first through articles_published,
     * a small one through article_topics_topic, and a generic plan can only pick one of the two.
     */
    private static final StatementCustomizer PLAN_EACH_TIME = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
            stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    /** Published articles by id, in the order given (an editor's front order). */
    public List<ArticleSummary> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        // "in (?, ?, ...)" rather than "= any(?)": with the number of values in the SQL, the generic plan's
        // estimate matches a custom plan's and PostgreSQL stops planning the statement on every call.
        String sql = SUMMARY_COLUMNS + " where " + PUBLISHED + " and a.id in (<ids>)";
        Map<Long, ArticleSummary> found =
                jdbi
                        .withHandle(h -> h.createQuery(sql)
                                .bindList("ids", ids)
                                .map(ArticleDao::summary)
                                .list())
                        .stream()
                        .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Published articles by slug (for related-story links in bodies). */
    public Map<String, ArticleSummary> bySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) return Map.of();
        String sql = SUMMARY_COLUMNS + " where " + PUBLISHED + " and a.slug in (<slugs>)"; // see byIds
        return jdbi
                .withHandle(h -> h.createQuery(sql)
                        .bindList("slugs", List.copyOf(new java.util.LinkedHashSet<>(slugs)))
                        .map(ArticleDao::summary)
                        .list())
                .stream()
                .collect(Collectors.toMap(ArticleSummary::slug, Function.identity()));
    }

    /**
     * What an article page shows around the article, in one statement: the published stories its body
     * links to (by slug), the newest {@code newest} of its section but itself, and the published articles
     * among {@code ids} (search's related candidates). Each part is the query the lists alone would run.
     */
    public Around around(long articleId, Collection<String> linkedSlugs, Long sectionId, int newest, List<Long> ids) {
        String partColumns = SUMMARY_COLUMNS.replaceFirst("select ", "select %d as part, ");
        List<String> parts = new java.util.ArrayList<>();
        if (!linkedSlugs.isEmpty())
            parts.add(partColumns.formatted(0) + " where " + PUBLISHED + " and a.slug in (<slugs>)");
        if (sectionId != null && newest > 0)
            parts.add(partColumns.formatted(1) + " where " + PUBLISHED
                    + " and a.section_id = :sectionId and a.id <> all(:excluded)"
                    + " order by a.published_at desc, a.id desc limit " + newest);
        if (!ids.isEmpty()) parts.add(partColumns.formatted(2) + " where " + PUBLISHED + " and a.id in (<ids>)");
        if (parts.isEmpty()) return new Around(Map.of(), List.of(), Map.of());
        String sql = parts.stream().map(q -> "(" + q + ")").collect(Collectors.joining(" union all "));
        Map<String, ArticleSummary> linked = new java.util.HashMap<>();
        List<ArticleSummary> latest = new java.util.ArrayList<>();
        Map<Long, ArticleSummary> byId = new java.util.HashMap<>();
        jdbi.useHandle(h -> {
            Query q = h.createQuery(sql);
            if (!linkedSlugs.isEmpty()) q.bindList("slugs", List.copyOf(new java.util.LinkedHashSet<>(linkedSlugs)));
            if (sectionId != null && newest > 0)
                q.bind("sectionId", sectionId).bind("excluded", new Long[] {articleId});
            if (!ids.isEmpty()) q.bindList("ids", ids);
            q.map((rs, ctx) -> Map.entry(rs.getInt("part"), summary(rs, ctx))).forEach(e -> {
                ArticleSummary a = e.getValue();
                switch (e.getKey()) {
                    case 0 -> linked.put(a.slug(), a);
                    case 1 -> latest.add(a);
                    default -> byId.put(a.id(), a);
                }
            });
        });
        // union all keeps each part's rows in order in practice, but SQL does not promise it
        latest.sort(java.util.Comparator.comparing(ArticleSummary::publishedAt)
                .thenComparing(ArticleSummary::id)
                .reversed());
        return new Around(linked, latest, byId);
    }

    /**
     * What {@link #around} read: linked stories by slug, the section's newest (newest first), and the
     * published related candidates by id.
     */
    public record Around(
            Map<String, ArticleSummary> linked, List<ArticleSummary> newest, Map<Long, ArticleSummary> byId) {}

    /** Published articles in a time range, newest first. */
    public List<ArticleSummary> between(Instant from, Instant to, int limit) {
        String sql = SUMMARY_COLUMNS + " where " + PUBLISHED + " and a.published_at >= :from and a.published_at < :to"
                + " order by a.published_at desc, a.id desc limit :limit";
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("from", Timestamp.from(from))
                .bind("to", Timestamp.from(to))
                .bind("limit", limit)
                .map(ArticleDao::summary)
                .list());
    }

    /** Months that have published articles, newest first, with counts, as "yyyy-mm". */
    public List<Map.Entry<String, Integer>> months(String zone) {
        return jdbi.withHandle(h -> h.createQuery("""
                select to_char(published_at at time zone :zone, 'YYYY-MM') as month, count(*) as n
                  from articles a where %s group by 1 order by 1 desc""".formatted(PUBLISHED))
                .bind("zone", zone)
                .map((rs, ctx) -> Map.entry(rs.getString("month"), rs.getInt("n")))
                .list());
    }

    /** Newest change to any published article: a cheap validator for list pages. */
    public Optional<Instant> lastChange() {
        return jdbi.withHandle(
                h -> h.createQuery("select max(a.updated_at) as last_change from articles a where " + PUBLISHED)
                        .map((rs, ctx) -> {
                            Timestamp t = rs.getTimestamp("last_change");
                            return t == null ? null : t.toInstant();
                        })
                        .findOne());
    }

    public static ArticleSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        long photoId = rs.getLong("p_id");
        Photo photo = rs.wasNull()
                ? null
                : new Photo(
                        photoId,
                        rs.getString("file_key"),
                        rs.getString("mime_type"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        rs.getString("alt_text"));
        Array names = rs.getArray("author_names");
        return new ArticleSummary(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("deck"),
                Kind.of(rs.getString("kind")),
                rs.getString("section_slug"),
                rs.getString("section_name"),
                ts(rs, "published_at"),
                ts(rs, "updated_at"),
                Arrays.asList((String[]) names.getArray()),
                photo);
    }

    private static ArticleView view(ResultSet rs, StatementContext ctx) throws SQLException {
        try {
            String lead = rs.getString("lead_photo");
            return new ArticleView(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("headline"),
                    rs.getString("deck"),
                    rs.getString("body"),
                    Kind.of(rs.getString("kind")),
                    rs.getString("section_slug"),
                    rs.getString("section_name"),
                    ts(rs, "published_at"),
                    ts(rs, "updated_at"),
                    read(rs.getString("authors"), new TypeReference<List<ArticleView.Byline>>() {}),
                    read(rs.getString("topics"), new TypeReference<List<ArticleView.TopicRef>>() {}),
                    lead == null ? null : JSON.forType(Photo.class).readValue(lead),
                    read(rs.getString("gallery"), new TypeReference<List<Photo>>() {}),
                    read(rs.getString("corrections"), new TypeReference<List<ArticleView.Correction>>() {}),
                    broadsheet.paywall.Access.of(rs.getString("access")),
                    rs.getInt("version"),
                    broadsheet.db.DbValue.of(broadsheet.comments.CommentMode.class, rs.getString("comment_mode")),
                    (Boolean) rs.getObject("comments_subscribers_only"),
                    rs.getArray("related_ids") == null
                            ? null
                            : List.of((Long[]) rs.getArray("related_ids").getArray()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable article row", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.forType(type).readValue(json);
    }

    /** Milliseconds at most: HTML's datetime attributes take no finer fractions than PostgreSQL's now() has. */
    static Instant ts(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public Optional<Photo> photo(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                select id as p_id, file_key, mime_type, width, height, caption, credit, alt_text from photos where id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Photo(
                        rs.getLong("p_id"),
                        rs.getString("file_key"),
                        rs.getString("mime_type"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        rs.getString("alt_text")))
                .findOne());
    }
}
