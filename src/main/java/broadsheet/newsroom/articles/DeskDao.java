package broadsheet.newsroom.articles;

import broadsheet.media.Photo;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The desk's SQL: articles in any state, their choices (authors, topics, photos) and their revisions. */
public final class DeskDao {
    private DeskDao() {}

    public record AuthorChoice(long id, String name, Long userId) {}

    public record TopicChoice(long id, String name, String kind) {
        public String label() {
            return name + " (" + kind + ")";
        }
    }

    public record RevisionRow(int version, String savedBy, Instant savedAt, boolean autosave) {}

    public record StoredRevision(RevisionRow row, Snapshot snapshot) {}

    /** Whether the user created the article or is in its byline: the condition of "their own" article. */
    static final String MINE = """
            coalesce(a.created_by = :me, false) or exists (select 1 from article_authors aa join authors au on au.id = aa.author_id
                                                             where aa.article_id = a.id and au.user_id = :me)""";

    private static final String ONE = """
            select a.id, a.headline, a.deck, a.slug, a.section_id, a.kind, a.lead_photo_id, a.body, a.access, a.status,
                   a.published_at, a.updated_at, a.version, (%s) as mine,
                   array(select author_id from article_authors where article_id = a.id order by position, author_id) as author_ids,
                   array(select topic_id from article_topics where article_id = a.id order by position, topic_id) as topic_ids,
                   array(select photo_id from article_photos where article_id = a.id order by position, photo_id) as gallery_ids
              from articles a where a.id = :id""".formatted(MINE);

    static Optional<DeskArticle> find(Handle h, long id, long me, boolean lock) {
        return h.createQuery(ONE + (lock ? " for update" : ""))
                .bind("id", id)
                .bind("me", me)
                .map((rs, ctx) -> new DeskArticle(
                        rs.getLong("id"),
                        new ArticleDraft(
                                rs.getString("headline"),
                                rs.getString("deck"),
                                rs.getString("slug"),
                                rs.getLong("section_id"),
                                rs.getString("kind"),
                                ids(rs, "author_ids"),
                                ids(rs, "topic_ids"),
                                (Long) rs.getObject("lead_photo_id"),
                                ids(rs, "gallery_ids"),
                                rs.getString("body"),
                                rs.getString("access")),
                        rs.getString("status"),
                        ts(rs, "published_at"),
                        ts(rs, "updated_at"),
                        rs.getInt("version"),
                        rs.getBoolean("mine")))
                .findOne();
    }

    static List<AuthorChoice> authors(Handle h) {
        return h.createQuery("select id, name, user_id from authors order by name, id")
                .map((rs, ctx) -> new AuthorChoice(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
                .list();
    }

    static List<TopicChoice> topics(Handle h) {
        return h.createQuery("select id, name, kind from topics order by lower(name), id")
                .map((rs, ctx) -> new TopicChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static final String PHOTO =
            "select id, file_key, mime_type, width, height, caption, credit, alt_text from photos";

    /** The newest photos, or those whose caption, credit or alt text contains the words. */
    static List<Photo> photos(Handle h, String query, int limit) {
        String q = query == null ? "" : query.strip();
        return h.createQuery(PHOTO
                        + " where :q = '' or (caption || ' ' || credit || ' ' || alt_text) ilike :like escape '\\'"
                        + " order by created_at desc, id desc limit :limit")
                .bind("q", q)
                .bind("like", like(q))
                .bind("limit", limit)
                .map(DeskDao::photo)
                .list();
    }

    static List<Photo> photosById(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Photo> found = h.createQuery(PHOTO + " where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(DeskDao::photo)
                .list();
        return ids.stream()
                .flatMap(id -> found.stream().filter(p -> p.id() == id))
                .toList();
    }

    static Photo photo(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Photo(
                rs.getLong("id"),
                rs.getString("file_key"),
                rs.getString("mime_type"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getString("caption"),
                rs.getString("credit"),
                rs.getString("alt_text"));
    }

    /** Ids among these that exist in the table. */
    static List<Long> existing(Handle h, String table, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Long> found = h.createQuery("select id from " + table + " where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .mapTo(Long.class)
                .list();
        return ids.stream().filter(found::contains).toList();
    }

    static List<RevisionRow> revisions(Handle h, long articleId) {
        return h.createQuery("""
                select r.version, coalesce(nullif(u.display_name, ''), u.email, 'someone no longer here') as who, r.saved_at, r.autosave
                  from article_revisions r left join users u on u.id = r.saved_by
                 where r.article_id = :id order by r.version desc""")
                .bind("id", articleId)
                .map((rs, ctx) -> new RevisionRow(rs.getInt(1), rs.getString(2), ts(rs, "saved_at"), rs.getBoolean(4)))
                .list();
    }

    static Optional<StoredRevision> revision(Handle h, long articleId, int version) {
        return h.createQuery("""
                select r.version, coalesce(nullif(u.display_name, ''), u.email, 'someone no longer here') as who, r.saved_at, r.autosave,
                       r.snapshot::text as snapshot
                  from article_revisions r left join users u on u.id = r.saved_by
                 where r.article_id = :id and r.version = :v""")
                .bind("id", articleId)
                .bind("v", version)
                .map((rs, ctx) -> new StoredRevision(
                        new RevisionRow(rs.getInt(1), rs.getString(2), ts(rs, "saved_at"), rs.getBoolean(4)),
                        Snapshot.fromJson(rs.getString("snapshot"))))
                .findOne();
    }

    /** The newest revision: who saved the version a conflicting writer ran into. */
    static Optional<RevisionRow> latestRevision(Handle h, long articleId) {
        return revisions(h, articleId).stream().findFirst();
    }

    /** A LIKE pattern matching the words anywhere, with LIKE's own characters taken literally. */
    static String like(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static List<Long> ids(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }

    static Instant ts(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
