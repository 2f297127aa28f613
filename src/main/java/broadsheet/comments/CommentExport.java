package broadsheet.comments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** A reader's comments, likes, reports and choices, for "Download everything we hold about you". */
public final class CommentExport {
    private CommentExport() {}

    public static Map<String, Object> of(Handle h, long userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "comments",
                h.createQuery("""
                select c.id, c.article_id, a.headline, c.body, c.status, c.created_at, c.edited_at
                  from comments c join articles a on a.id = c.article_id where c.user_id = :u order by c.created_at""")
                        .bind("u", userId)
                        .map((rs, ctx) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", rs.getLong(1));
                            m.put("articleId", rs.getLong(2));
                            m.put("article", rs.getString(3));
                            m.put("text", rs.getString(4));
                            m.put("status", rs.getString(5));
                            m.put("createdAt", rs.getTimestamp(6).toInstant().toString());
                            m.put(
                                    "editedAt",
                                    rs.getTimestamp(7) == null
                                            ? ""
                                            : rs.getTimestamp(7).toInstant().toString());
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
                        rs.getLong(1),
                        "reason",
                        rs.getString(2),
                        "detail",
                        rs.getString(3),
                        "at",
                        rs.getTimestamp(4).toInstant().toString()))
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
}
