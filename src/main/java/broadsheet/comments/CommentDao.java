package broadsheet.comments;

import broadsheet.articles.ArticleStatus;
import broadsheet.db.DbValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The SQL of one comment and what hangs on it: its article, its writer's ban, likes and reports.
 * Methods taking a {@link Handle} run inside the caller's transaction.
 */
public final class CommentDao {

    /** The columns {@link #MAPPER} reads, from {@code comments c}. */
    static final String COLUMNS = """
            c.id, c.article_id, c.user_id, c.author_name, c.root_id, c.reply_to_id,
            (select p.author_name from comments p where p.id = c.reply_to_id and c.reply_to_id <> c.root_id) as reply_to_name,
            c.body, c.body_html, c.status, c.like_count, c.created_at, c.edited_at, c.version""";

    static final RowMapper<Comment> MAPPER = (rs, ctx) -> new Comment(
            rs.getLong("id"),
            rs.getLong("article_id"),
            (Long) rs.getObject("user_id"),
            rs.getString("author_name"),
            (Long) rs.getObject("root_id"),
            (Long) rs.getObject("reply_to_id"),
            rs.getString("reply_to_name"),
            rs.getString("body"),
            rs.getString("body_html"),
            DbValue.of(CommentStatus.class, rs.getString("status")),
            rs.getInt("like_count"),
            seconds(rs.getTimestamp("created_at")),
            seconds(rs.getTimestamp("edited_at")),
            rs.getInt("version"));

    /** The comment a reply answers: its article, thread and status. */
    record Parent(long articleId, Long rootId, CommentStatus status) {}

    /** A comment to insert. */
    record NewComment(
            long articleId,
            long userId,
            String authorName,
            Long rootId,
            Long replyToId,
            String body,
            String bodyHtml,
            String holdReason) {}

    private final Jdbi jdbi;

    public CommentDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // --- the article

    /** A published article, with how it takes comments. */
    public Optional<CommentArticle> article(long id) {
        return jdbi.withHandle(h -> article(h, id));
    }

    Optional<CommentArticle> article(Handle h, long id) {
        return h.createQuery("""
                select id, slug, headline, published_at, comment_mode, comments_subscribers_only
                  from articles where id = :id and status = :published""")
                .bind("id", id)
                .bind("published", ArticleStatus.PUBLISHED)
                .map((rs, ctx) -> new CommentArticle(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("headline"),
                        rs.getTimestamp("published_at").toInstant(),
                        DbValue.of(CommentMode.class, rs.getString("comment_mode")),
                        (Boolean) rs.getObject("comments_subscribers_only")))
                .findOne();
    }

    // --- one comment

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<Comment> find(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from comments c where c.id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne();
    }

    Optional<Parent> parent(Handle h, long id) {
        return h.createQuery("select article_id, root_id, status from comments where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Parent(
                        rs.getLong("article_id"),
                        (Long) rs.getObject("root_id"),
                        DbValue.of(CommentStatus.class, rs.getString("status"))))
                .findOne();
    }

    CommentStatus status(Handle h, long id) {
        return h.createQuery("select status from comments where id = :id")
                .bind("id", id)
                .mapTo(CommentStatus.class)
                .one();
    }

    /** Why the reader is banned from commenting ("" when no reason was given), or empty when they are not. */
    Optional<String> banReason(Handle h, long userId) {
        return h.createQuery("select ban_reason from commenters where user_id = :u and banned_at is not null")
                .bind("u", userId)
                .mapTo(String.class)
                .findOne();
    }

    /** Makes one reader's posts wait for each other until the transaction ends. */
    void lockWriter(Handle h, long userId) {
        h.createUpdate("select pg_advisory_xact_lock(8, :u)")
                .bind("u", (int) userId)
                .execute();
    }

    int postedInLastMinute(Handle h, long userId) {
        return h.createQuery(
                        "select count(*) from comments where user_id = :u and created_at > now() - interval '1 minute'")
                .bind("u", userId)
                .mapTo(Integer.class)
                .one();
    }

    /** How many of the reader's comments have been shown (or were, before they deleted them). */
    int shownBefore(Handle h, long userId) {
        return h.createQuery("select count(*) from comments where user_id = :u and status in (:visible, :deleted)")
                .bind("u", userId)
                .bind("visible", CommentStatus.VISIBLE)
                .bind("deleted", CommentStatus.DELETED)
                .mapTo(Integer.class)
                .one();
    }

    /** Inserts the comment, shown at once or held when it has a hold reason; returns its id. */
    long insert(Handle h, NewComment c) {
        return h.createQuery("""
                insert into comments (article_id, user_id, author_name, root_id, reply_to_id, body, body_html, status, hold_reason, needs_review)
                values (:a, :u, :name, :root, :reply, :body, :html, :status, :hold, :review) returning id""")
                .bind("a", c.articleId())
                .bind("u", c.userId())
                .bind("name", c.authorName())
                .bind("root", c.rootId())
                .bind("reply", c.replyToId())
                .bind("body", c.body())
                .bind("html", c.bodyHtml())
                .bind("status", c.holdReason() == null ? CommentStatus.VISIBLE : CommentStatus.PENDING)
                .bind("hold", c.holdReason())
                .bind("review", c.holdReason() != null)
                .mapTo(Long.class)
                .one();
    }

    /**
     * Changes the text if the comment is still at {@code version}; a hold reason holds it for review.
     * Returns how many rows changed (0: someone changed it meanwhile).
     */
    int updateText(Handle h, long id, int version, String body, String html, String hold) {
        return h.createUpdate("""
                update comments set body = :body, body_html = :html, edited_at = now(), version = version + 1,
                       status = case when :hold::text is null then status else :pending end,
                       hold_reason = coalesce(:hold, hold_reason),
                       needs_review = needs_review or :hold::text is not null
                 where id = :id and version = :v""")
                .bind("body", body)
                .bind("html", html)
                .bind("hold", hold)
                .bind("pending", CommentStatus.PENDING)
                .bind("id", id)
                .bind("v", version)
                .execute();
    }

    void markDeleted(Handle h, long id) {
        h.createUpdate("""
                update comments set status = :deleted, body = '', body_html = '', needs_review = false, version = version + 1
                 where id = :id""")
                .bind("deleted", CommentStatus.DELETED)
                .bind("id", id)
                .execute();
    }

    // --- likes and reports

    public boolean liked(long commentId, long userId) {
        return jdbi.withHandle(
                h -> h.createQuery("select exists (select 1 from comment_likes where comment_id = :c and user_id = :u)")
                        .bind("c", commentId)
                        .bind("u", userId)
                        .mapTo(Boolean.class)
                        .one());
    }

    /** Records a like (once per reader); returns whether it was new. */
    boolean addLike(Handle h, long commentId, long userId) {
        return h.createUpdate("insert into comment_likes (comment_id, user_id) values (:c, :u) on conflict do nothing")
                        .bind("c", commentId)
                        .bind("u", userId)
                        .execute()
                > 0;
    }

    /** Removes a like; returns whether there was one. */
    boolean removeLike(Handle h, long commentId, long userId) {
        return h.createUpdate("delete from comment_likes where comment_id = :c and user_id = :u")
                        .bind("c", commentId)
                        .bind("u", userId)
                        .execute()
                > 0;
    }

    /** Adds {@code delta} to the like count; returns the new count. */
    int countLikes(Handle h, long commentId, int delta) {
        return h.createQuery("update comments set like_count = like_count + :d where id = :id returning like_count")
                .bind("d", delta)
                .bind("id", commentId)
                .mapTo(Integer.class)
                .one();
    }

    /** Records a reader's report (once per reader); returns whether it was new. */
    boolean addReport(Handle h, long commentId, long userId, String reason, String detail) {
        return h.createUpdate(
                                "insert into comment_reports (comment_id, user_id, reason, detail) values (:c, :u, :r, :d) on conflict do nothing")
                        .bind("c", commentId)
                        .bind("u", userId)
                        .bind("r", reason)
                        .bind("d", detail)
                        .execute()
                > 0;
    }

    /**
     * Counts one more report and puts the comment in the queue; at {@code threshold} reports it is
     * held (taken off the page). Returns the new number of reports.
     */
    int countReport(Handle h, long commentId, int threshold) {
        return h.createQuery("""
                update comments set report_count = report_count + 1, needs_review = true,
                       hold_reason = case when report_count + 1 >= :t then 'reports' else coalesce(hold_reason, 'reported') end,
                       status = case when report_count + 1 >= :t then :pending else status end
                 where id = :id returning report_count""")
                .bind("t", threshold)
                .bind("pending", CommentStatus.PENDING)
                .bind("id", commentId)
                .mapTo(Integer.class)
                .one();
    }

    // --- "Download everything we hold about you"

    /** A reader's comments, likes, reports and choices. */
    public static Map<String, Object> export(Handle h, long userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "comments",
                h.createQuery("""
                        select c.id, c.article_id, a.headline, c.body, c.status, c.created_at, c.edited_at
                          from comments c join articles a on a.id = c.article_id where c.user_id = :u order by c.created_at""")
                        .bind("u", userId)
                        .map((rs, ctx) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", rs.getLong("id"));
                            m.put("articleId", rs.getLong("article_id"));
                            m.put("article", rs.getString("headline"));
                            m.put("text", rs.getString("body"));
                            m.put("status", rs.getString("status"));
                            m.put(
                                    "createdAt",
                                    rs.getTimestamp("created_at").toInstant().toString());
                            Timestamp edited = rs.getTimestamp("edited_at");
                            m.put(
                                    "editedAt",
                                    edited == null ? "" : edited.toInstant().toString());
                            return m;
                        })
                        .list());
        out.put(
                "likedComments",
                h.createQuery("select comment_id from comment_likes where user_id = :u order by created_at")
                        .bind("u", userId)
                        .mapTo(Long.class)
                        .list());
        List<Map<String, Object>> reports = h.createQuery(
                        "select comment_id, reason, detail, created_at from comment_reports where user_id = :u order by created_at")
                .bind("u", userId)
                .map((rs, ctx) -> Map.<String, Object>of(
                        "commentId",
                        rs.getLong("comment_id"),
                        "reason",
                        rs.getString("reason"),
                        "detail",
                        rs.getString("detail"),
                        "at",
                        rs.getTimestamp("created_at").toInstant().toString()))
                .list();
        out.put("reports", reports);
        out.put(
                "emailOnReplies",
                h.createQuery("select email_replies from commenters where user_id = :u")
                        .bind("u", userId)
                        .mapTo(Boolean.class)
                        .findOne()
                        .orElse(false));
        return out;
    }

    /** Whole seconds: what pages show, and what HTML's datetime attribute accepts. */
    static Instant seconds(Timestamp t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
