package broadsheet.newsroom.moderation;

import broadsheet.db.Cursor;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The comments an editor should look at: held ones (pending) and reported ones still shown,
 * newest first, a page at a time by keyset so the thousandth page costs what the first does.
 */
public final class ModerationQueue {

    /** One comment waiting for an editor. */
    public record Item(
            long id,
            long articleId,
            String headline,
            Long userId,
            String authorName,
            String body,
            String status,
            String holdReason,
            int reports,
            String reportReasons,
            Instant at,
            boolean banned) {
        public String atIso() {
            return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }

        public String reasonLabel() {
            return label(holdReason);
        }
    }

    /**
     * @param articleId only comments on this article, or null
     * @param status "pending", "visible" (reported but still shown) or "" for both
     * @param reason a hold reason, or "" for any
     */
    public record Filter(Long articleId, String status, String reason) {}

    public static final List<String> STATUSES = List.of("pending", "visible");
    public static final List<String> REASONS =
            List.of("premoderation", "words", "links", "new_account", "reports", "reported");

    public static String label(String reason) {
        if (reason == null) return "";
        return switch (reason) {
            case "premoderation" -> "Pre-moderated article";
            case "words" -> "Word filter";
            case "links" -> "Link filter";
            case "new_account" -> "New account";
            case "reports" -> "Held after reports";
            case "reported" -> "Reported";
            default -> reason;
        };
    }

    private final Jdbi jdbi;

    public ModerationQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Item> page(Filter f, Cursor after, int limit) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql(f))
                    .bind("at", java.sql.Timestamp.from(after.at()))
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
                            rs.getString("status"),
                            rs.getString("hold_reason"),
                            rs.getInt("report_count"),
                            rs.getString("report_reasons"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getBoolean("banned")))
                    .list();
        });
    }

    /** The query for a page; public so the benchmark can EXPLAIN exactly what the page runs. */
    public static String sql(Filter f) {
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
