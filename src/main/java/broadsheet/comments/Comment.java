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
        CommentStatus status,
        int likeCount,
        Instant createdAt,
        Instant editedAt,
        int version) {

    public boolean deleted() {
        return status == CommentStatus.DELETED;
    }

    /** What stands in for a comment that is not shown but has replies. */
    public String placeholder() {
        return switch (status) {
            case DELETED -> "[deleted]";
            case PENDING -> "[waiting for review]";
            default -> "[removed by the editors]";
        };
    }

    public boolean visible() {
        return status == CommentStatus.VISIBLE;
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
}
