package broadsheet.newsroom.moderation;

import broadsheet.comments.CommentStatus;
import broadsheet.db.Cursor;
import broadsheet.db.DbValue;
import broadsheet.newsroom.moderation.ModerationQueue.Filter;
import broadsheet.newsroom.moderation.ModerationQueue.Item;
import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The SQL of the moderation queue: a keyset page of the comments waiting for review, and how many wait. */
public final class ModerationQueueDao {

    private final Jdbi jdbi;

    public ModerationQueueDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Item> page(Filter f, Cursor after, int limit) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql(f))
                    .bind("at", Timestamp.from(after.at()))
                    .bind("id", after.id())
                    .bind("n", limit);
            if (f.articleId() != null) q.bind("article", f.articleId());
            if (!f.status().isEmpty()) q.bind("status", f.status());
            if (!f.reason().isEmpty()) q.bind("reason", f.reason());
            return q.map((rs, ctx) -> new Item(
                            rs.getLong("id"),
                            rs.getLong("article_id"),
                            rs.getString("headline"),
                            (Long) rs.getObject("user_id"),
                            rs.getString("author_name"),
                            rs.getString("body"),
                            DbValue.of(CommentStatus.class, rs.getString("status")),
                            rs.getString("hold_reason"),
                            rs.getInt("report_count"),
                            rs.getString("report_reasons"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getBoolean("banned")))
                    .list();
        });
    }

    /** The query for a page (the benchmark EXPLAINs exactly this). */
    static String sql(Filter f) {
        return """
                select c.id, c.article_id, a.headline, c.user_id, c.author_name, c.body, c.status, c.hold_reason, c.report_count, c.created_at,
                       (select string_agg(distinct r.reason, ', ') from comment_reports r where r.comment_id = c.id) as report_reasons,
                       coalesce(cm.banned_at is not null, false) as banned
                  from comments c
                  join articles a on a.id = c.article_id
                  left join commenters cm on cm.user_id = c.user_id
                 where c.needs_review and (c.created_at, c.id) < (:at, :id)"""
                + (f.articleId() != null ? " and c.article_id = :article" : "")
                + (!f.status().isEmpty() ? " and c.status = :status" : "")
                + (!f.reason().isEmpty() ? " and c.hold_reason = :reason" : "")
                + " order by c.created_at desc, c.id desc limit :n";
    }

    public int waiting() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from comments where needs_review")
                .mapTo(Integer.class)
                .one());
    }
}
