package broadsheet.contentapi;

import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** What the Content API reads: published articles with their bylines, topics and photos; the catalogues; the changes. */
public final class ContentDao {

    /** One article as the API gives it; authors, topics and photos as JSON (a list's authors and topics: ArticleLinksDao). */
    public record Row(
            long id,
            String slug,
            String headline,
            String deck,
            String body,
            String kind,
            String access,
            Instant publishedAt,
            Instant updatedAt,
            String sectionSlug,
            String sectionName,
            JsonNode authors,
            JsonNode topics,
            JsonNode leadPhoto,
            JsonNode gallery) {

        Row withLinks(JsonNode authors, JsonNode topics) {
            return new Row(
                    id,
                    slug,
                    headline,
                    deck,
                    body,
                    kind,
                    access,
                    publishedAt,
                    updatedAt,
                    sectionSlug,
                    sectionName,
                    authors,
                    topics,
                    leadPhoto,
                    gallery);
        }
    }

    public record Named(long id, String slug, String name, String extra, String description) {}

    public record PhotoRow(
            long id,
            String fileKey,
            String mimeType,
            int width,
            int height,
            String caption,
            String credit,
            String alt) {}

    public record Change(
            long seq, long articleId, Instant changedAt, String status, String slug, Instant publishedAt) {}

    private static final String PHOTO = """
            json_build_object('id', p.id, 'fileKey', p.file_key, 'mimeType', p.mime_type, 'width', p.width,
                              'height', p.height, 'caption', p.caption, 'credit', p.credit, 'alt', p.alt_text)""";

    /**
     * What of an article a request reads besides its own short fields: only these are fetched (a list without
     * {@code formats} never reads the bodies, a page without {@code include} never joins the bylines).
     */
    public record Parts(boolean body, boolean authors, boolean topics, boolean photos) {}

    private static final String AUTHORS = """
            (select coalesce(json_agg(json_build_object('id', au.id, 'slug', au.slug, 'name', au.name,
                                                        'title', au.title) order by aa.position, au.name), '[]')
               from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = a.id)""";
    private static final String TOPICS = """
            (select coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name, 'kind', t.kind)
                                      order by at.position, t.name), '[]')
               from article_topics at join topics t on t.id = at.topic_id where at.article_id = a.id)""";
    private static final String LEAD_PHOTO =
            "(select %1$s from photos p where p.id = a.lead_photo_id)".formatted(PHOTO);
    private static final String GALLERY = """
            (select coalesce(json_agg(%1$s order by ap.position, p.id), '[]')
               from article_photos ap join photos p on p.id = ap.photo_id where ap.article_id = a.id)""".formatted(PHOTO);

    /** The select of published articles with the parts asked for ({@code null} for the others). */
    private static String select(Parts p) {
        return select(p, "articles a", "");
    }

    /** The same, from these tables ({@code articles a} joined to whatever drives the list), with more columns. */
    private static String select(Parts p, String from, String extra) {
        return """
                select a.id, a.slug, a.headline, a.deck, %s as body, a.kind, a.access, a.published_at, a.updated_at,
                       s.slug as section_slug, s.name as section_name,
                       %s as authors, %s as topics, %s as lead_photo, %s as gallery%s
                  from %s join sections s on s.id = a.section_id
                 where a.status = 'published'
                """.formatted(
                        p.body() ? "a.body" : "null::text",
                        p.authors() ? AUTHORS : "null::json",
                        p.topics() ? TOPICS : "null::json",
                        p.photos() ? LEAD_PHOTO : "null::json",
                        p.photos() ? GALLERY : "null::json",
                        extra,
                        from);
    }

    private final Jdbi jdbi;
    private final ArticleLinksDao links = new ArticleLinksDao();

    public ContentDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Forgets the authors and topics a list has read (on every content change, with the answers). */
    void forgetLinks() {
        links.forget();
    }

    /**
     * A page of published articles matching the query, in its order, after its cursor. Newest first by
     * publication with an author or topic, the list is read from that author's bylines or that topic's tags in
     * publication order ({@code article_authors_feed}, {@code article_topics_feed}: the link tables carry the
     * article's {@code published_at} while it is published), so a page costs its own rows, not a walk through
     * the archive until enough of that author's articles turn up.
     */
    public List<Row> articles(ArticleQuery q, Parts parts) {
        String column = q.sort().column();
        boolean byPublication = column.equals("published_at");
        // the table whose order the page follows: the articles, or the chosen author's bylines or topic's tags
        String from = "articles a";
        String at = "a." + column;
        String id = "a.id";
        StringBuilder where = new StringBuilder();
        if (byPublication && (q.author() != null || q.topic() != null)) {
            boolean author = q.author() != null;
            from = (author ? "article_authors" : "article_topics") + " x join articles a on a.id = x.article_id";
            where.append(
                    author
                            ? " and x.author_id = (select id from authors where slug = :author)"
                            : " and x.topic_id = (select id from topics where slug = :topic)");
            where.append(" and x.published_at is not null");
            at = "x.published_at";
            id = "x.article_id";
        }
        // the page's rows with their bylines' and tags' ids (ArticleLinksDao); the authors and topics from memory
        Parts own = new Parts(parts.body(), false, false, parts.photos());
        StringBuilder sql = new StringBuilder(select(own, from, ArticleLinksDao.columns(parts))).append(where);
        if (q.section() != null) sql.append(" and a.section_id = (select id from sections where slug = :section)");
        if (q.author() != null && !from.startsWith("article_authors"))
            sql.append(" and exists (select 1 from article_authors x2 join authors y on y.id = x2.author_id"
                    + " where x2.article_id = a.id and y.slug = :author)");
        if (q.topic() != null && !from.startsWith("article_topics"))
            sql.append(" and exists (select 1 from article_topics x3 join topics y on y.id = x3.topic_id"
                    + " where x3.article_id = a.id and y.slug = :topic)");
        if (q.kind() != null) sql.append(" and a.kind = :kind");
        if (q.publishedSince() != null) sql.append(" and a.published_at >= :publishedSince");
        if (q.updatedSince() != null) sql.append(" and a.updated_at >= :updatedSince");
        if (!q.ids().isEmpty()) sql.append(" and a.id = any(:ids)");
        String dir = q.sort().descending() ? "desc" : "asc";
        if (q.after() != null)
            sql.append(" and (" + at + ", " + id + ") " + (q.sort().descending() ? "<" : ">") + " (:at, :id)");
        sql.append(" order by " + at + " " + dir + ", " + id + " " + dir + " limit " + q.limit());
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            if (q.section() != null) query.bind("section", q.section());
            if (q.author() != null) query.bind("author", q.author());
            if (q.topic() != null) query.bind("topic", q.topic());
            if (q.kind() != null) query.bind("kind", q.kind());
            if (q.publishedSince() != null) query.bind("publishedSince", Timestamp.from(q.publishedSince()));
            if (q.updatedSince() != null) query.bind("updatedSince", Timestamp.from(q.updatedSince()));
            if (!q.ids().isEmpty()) query.bind("ids", q.ids().toArray(Long[]::new));
            if (q.after() != null)
                query.bind("at", Timestamp.from(q.after().at()))
                        .bind("id", q.after().id());
            ArticleLinksDao.Read read = new ArticleLinksDao.Read(parts);
            List<Row> page = query.map((rs, ctx) -> read.add(rs, row(rs))).list();
            return links.attach(h, page, read);
        });
    }

    public Optional<Row> article(long id, Parts parts) {
        return jdbi.withHandle(h -> h.createQuery(select(parts) + " and a.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    public Optional<Row> article(String slug, Parts parts) {
        return jdbi.withHandle(h -> h.createQuery(select(parts) + " and a.slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    public List<Named> sections() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, slug, name, '' as extra, description from sections order by position, name")
                .map((rs, ctx) -> named(rs))
                .list());
    }

    /** Authors by id after {@code after}; {@code extra} is the title, {@code description} the bio. */
    public List<Named> authors(long after, int limit) {
        return jdbi.withHandle(
                h -> h.createQuery("select id, slug, name, title as extra, bio as description from authors"
                                + " where id > :after order by id limit " + limit)
                        .bind("after", after)
                        .map((rs, ctx) -> named(rs))
                        .list());
    }

    /** Topics by id after {@code after}; {@code extra} is the kind. */
    public List<Named> topics(long after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name, kind as extra, '' as description from topics"
                        + " where id > :after order by id limit " + limit)
                .bind("after", after)
                .map((rs, ctx) -> named(rs))
                .list());
    }

    /** Photos that published articles show (lead or gallery), newest id first, below {@code before}. */
    public List<PhotoRow> photos(long before, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.id, p.file_key, p.mime_type, p.width, p.height, p.caption, p.credit, p.alt_text
                          from photos p
                         where p.id < :before
                           and (exists (select 1 from articles a where a.lead_photo_id = p.id and a.status = 'published')
                                or exists (select 1 from article_photos ap join articles a on a.id = ap.article_id
                                            where ap.photo_id = p.id and a.status = 'published'))
                         order by p.id desc """ + " limit " + limit)
                .bind("before", before)
                .map((rs, ctx) -> new PhotoRow(
                        rs.getLong("id"),
                        rs.getString("file_key"),
                        rs.getString("mime_type"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        rs.getString("alt_text")))
                .list());
    }

    /** Changes after the sequence number {@code after}, oldest first, with each article's state now. */
    public List<Change> changes(long after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.id as seq, c.article_id, c.changed_at, a.status, a.slug, a.published_at
                          from api_changes c left join articles a on a.id = c.article_id
                         where c.id > :after order by c.id """ + " limit " + limit)
                .bind("after", after)
                .map((rs, ctx) -> new Change(
                        rs.getLong("seq"),
                        rs.getLong("article_id"),
                        instant(rs, "changed_at"),
                        rs.getString("status"),
                        rs.getString("slug"),
                        instant(rs, "published_at")))
                .list());
    }

    /** The last sequence number pruned from the changes feed (0 when nothing was): older cursors must re-sync. */
    public long changesHorizon() {
        return jdbi.withHandle(h -> h.createQuery("select pruned_through from api_changes_horizon")
                .mapTo(Long.class)
                .one());
    }

    /**
     * Forgets the changes made before {@code cutoff}, at most {@code batch} at a time (always a run of the oldest
     * sequence numbers), and moves the horizon past them; returns how many were removed.
     */
    public int pruneChanges(Instant cutoff, int batch) {
        return jdbi.inTransaction(h -> {
            Long through = h.createQuery("""
                            select max(id) from (select id from api_changes
                             where changed_at < :cutoff order by id limit :batch) old""")
                    .bind("cutoff", cutoff)
                    .bind("batch", batch)
                    .mapTo(Long.class)
                    .one();
            if (through == null) return 0;
            h.createUpdate("update api_changes_horizon set pruned_through = greatest(pruned_through, :t)")
                    .bind("t", through)
                    .execute();
            return h.createUpdate("delete from api_changes where id <= :t")
                    .bind("t", through)
                    .execute();
        });
    }

    /** The newest change's sequence number (0 when nothing has changed yet). */
    public long latestChange() {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) from api_changes")
                .mapTo(Long.class)
                .one());
    }

    private static Named named(ResultSet rs) throws SQLException {
        return new Named(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("extra"),
                rs.getString("description"));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("deck"),
                rs.getString("body"),
                rs.getString("kind"),
                rs.getString("access"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                rs.getString("section_slug"),
                rs.getString("section_name"),
                json(rs.getString("authors")),
                json(rs.getString("topics")),
                json(rs.getString("lead_photo")),
                json(rs.getString("gallery")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static JsonNode json(String s) {
        if (s == null) return null;
        try {
            return Json.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
