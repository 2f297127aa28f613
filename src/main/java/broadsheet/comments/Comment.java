package broadsheet.comments;

import java.time.Instant;

/**
 * One comment as pages show it.
 *
 * @param rootId the thread's top-level comment, null for a top-level comment
 * @param replyToName whom a reply answers, when it answers a reply rather than the top-level comment
 */
public record Comment(
        long id,
        long articleId,
        Long userId,
        String authorName,
        Long rootId,
        Long replyToId,
        String replyToName,
        String body,
        String bodyHtml,
        String status,
        int likeCount,
        Instant createdAt,
        Instant editedAt,
        int version) {

    public boolean deleted() {
        return status.equals("deleted");
    }

    /** What stands in for a comment that is not shown but has replies. */
    public String placeholder() {
        return switch (status) {
            case "deleted" -> "[deleted]";
            case "pending" -> "[waiting for review]";
            default -> "[removed by the editors]";
        };
    }

    public boolean visible() {
        return status.equals("visible");
    }

    /**
     * The comment as this reader may see it: its text only when it is shown to everyone or is their own;
     * otherwise the placeholder, so no page quotes a held, rejected or removed comment to anyone else.
     */
    public Comment shownTo(long viewerId) {
        if (visible() || (userId != null && userId == viewerId)) return this;
        return new Comment(
                id,
                articleId,
                userId,
                authorName,
                rootId,
                replyToId,
                replyToName,
                "",
                "<p>" + placeholder() + "</p>",
                status,
                likeCount,
                createdAt,
                editedAt,
                version);
    }

    static final String COLUMNS = """
            c.id, c.article_id, c.user_id, c.author_name, c.root_id, c.reply_to_id,
            (select p.author_name from comments p where p.id = c.reply_to_id and c.reply_to_id <> c.root_id) as reply_to_name,
            c.body, c.body_html, c.status, c.like_count, c.created_at, c.edited_at, c.version""";

    static final org.jdbi.v3.core.mapper.RowMapper<Comment> MAPPER = (rs, ctx) -> new Comment(
            rs.getLong("id"),
            rs.getLong("article_id"),
            (Long) rs.getObject("user_id"),
            rs.getString("author_name"),
            (Long) rs.getObject("root_id"),
            (Long) rs.getObject("reply_to_id"),
            rs.getString("reply_to_name"),
            rs.getString("body"),
            rs.getString("body_html"),
            rs.getString("status"),
            rs.getInt("like_count"),
            seconds(rs.getTimestamp("created_at")),
            seconds(rs.getTimestamp("edited_at")),
            rs.getInt("version"));

    /** Whole seconds: what pages show, and what HTML's datetime attribute accepts. */
    static Instant seconds(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
