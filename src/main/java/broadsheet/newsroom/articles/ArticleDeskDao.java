package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.db.DbValue;
import broadsheet.media.Photo;
import broadsheet.topics.TopicKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The desk's SQL about articles in any state and what the editor offers to choose from (authors,
 * topics, photos, published articles to link). Methods that take a {@link Handle} run inside the
 * caller's transaction; the others open their own. Writes are in {@link ArticleWriteDao}, revisions
 * in {@link RevisionDao}, the filtered list in {@link DeskListDao}.
 */
public final class ArticleDeskDao {

    public record AuthorChoice(long id, String name, Long userId) {}

    public record TopicChoice(long id, String name, TopicKind kind) {
        public String label() {
            return name + " (" + kind.dbValue() + ")";
        }
    }

    /** A correction or update as stored. */
    public record Correction(String kind, String body, Instant createdAt) {}

    private final Jdbi jdbi;

    public ArticleDeskDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

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

    Optional<DeskArticle> find(long id, long me) {
        return jdbi.withHandle(h -> find(h, id, me, false));
    }

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
                        DbValue.of(ArticleStatus.class, rs.getString("status")),
                        ts(rs, "published_at"),
                        ts(rs, "updated_at"),
                        rs.getInt("version"),
                        rs.getBoolean("mine")))
                .findOne();
    }

    /** The author profile linked to this account, if any: a new article's first byline. */
    public Optional<Long> ownAuthorId(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select id from authors where user_id = :me")
                .bind("me", userId)
                .mapTo(Long.class)
                .findOne());
    }

    List<AuthorChoice> authors() {
        return jdbi.withHandle(h -> h.createQuery("select id, name, user_id from authors order by name, id")
                .map((rs, ctx) ->
                        new AuthorChoice(rs.getLong("id"), rs.getString("name"), (Long) rs.getObject("user_id")))
                .list());
    }

    List<TopicChoice> topics() {
        return jdbi.withHandle(h -> h.createQuery("select id, name, kind from topics order by lower(name), id")
                .map((rs, ctx) -> new TopicChoice(
                        rs.getLong("id"), rs.getString("name"), DbValue.of(TopicKind.class, rs.getString("kind"))))
                .list());
    }

    List<Correction> corrections(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select kind, body, created_at from corrections where article_id = :id order by created_at, id")
                .bind("id", articleId)
                .map((rs, c) -> new Correction(rs.getString("kind"), rs.getString("body"), ts(rs, "created_at")))
                .list());
    }

    /** Records, in the audit log, that someone made a link that lets its holder read the article unpublished. */
    void recordPreviewLink(User user, long articleId, Instant expires) {
        jdbi.useHandle(
                h -> Audit.record(h, user, "made a preview link", "article", articleId, "valid until " + expires));
    }

    // --- photos

    private static final String PHOTO =
            "select id, file_key, mime_type, width, height, caption, credit, alt_text from photos";

    /** The newest photos in the library (the editor's picker before a search). */
    List<Photo> newestPhotos(int limit) {
        return jdbi.withHandle(h -> h.createQuery(PHOTO + " order by created_at desc, id desc limit :limit")
                .bind("limit", limit)
                .map(ArticleDeskDao::photo)
                .list());
    }

    List<Photo> photosById(List<Long> ids) {
        return jdbi.withHandle(h -> photosById(h, ids));
    }

    /** These photos in the order asked, leaving out any that do not exist. */
    static List<Photo> photosById(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Photo> found = h.createQuery(PHOTO + " where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(ArticleDeskDao::photo)
                .list();
        return ids.stream()
                .flatMap(id -> found.stream().filter(p -> p.id() == id))
                .toList();
    }

    private static Photo photo(ResultSet rs, StatementContext ctx) throws SQLException {
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

    // --- checks inside a save

    /** The tables whose ids an article refers to. */
    enum Refers {
        SECTIONS,
        AUTHORS,
        TOPICS,
        PHOTOS
    }

    /** Ids among these that exist in the table. */
    static List<Long> existing(Handle h, Refers table, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        String name = table.name().toLowerCase(java.util.Locale.ROOT);
        List<Long> found = h.createQuery("select id from " + name + " where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .mapTo(Long.class)
                .list();
        return ids.stream().filter(found::contains).toList();
    }

    List<Long> existing(Refers table, List<Long> ids) {
        return jdbi.withHandle(h -> existing(h, table, ids));
    }

    /** The headline of another article with this slug, if one has it. */
    static Optional<String> slugOwner(Handle h, String slug, Long id) {
        return h.createQuery("select headline from articles where slug = :slug and id <> :id")
                .bind("slug", slug)
                .bind("id", id == null ? -1L : id)
                .mapTo(String.class)
                .findOne();
    }

    /** Whether a body's {@code [[related:slug]]} names a published article. */
    static boolean publishedSlugExists(Handle h, String slug) {
        return h.createQuery("select count(*) from articles where slug = :s and status = :published")
                        .bind("s", slug)
                        .bind("published", ArticleStatus.PUBLISHED)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** Whether a body's {@code [[newsletter:slug]]} names a newsletter. */
    static boolean newsletterSlugExists(Handle h, String slug) {
        return h.createQuery("select count(*) from newsletters where slug = :s")
                        .bind("s", slug)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** A newsletter a body may promote with {@code [[newsletter:slug]]}. */
    public record NewsletterChoice(String slug, String name) {}

    /** Every newsletter, by name: the editor's buttons that insert a sign-up box. */
    List<NewsletterChoice> newsletters() {
        return jdbi.withHandle(h -> h.createQuery("select slug, name from newsletters order by lower(name), slug")
                .map((rs, c) -> new NewsletterChoice(rs.getString("slug"), rs.getString("name")))
                .list());
    }

    // --- helpers for mapping

    static List<Long> ids(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }

    static Instant ts(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
