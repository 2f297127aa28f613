package broadsheet.newsroom.moderation;

import broadsheet.comments.CommentStatus;
import java.time.Instant;
import java.util.List;

/**
 * The comments an editor should look at: held ones (pending) and reported ones still shown,
 * newest first, a page at a time by keyset so the thousandth page costs what the first does
 * ({@link ModerationQueueDao} reads them).
 */
public final class ModerationQueue {
    private ModerationQueue() {}

    /** One comment waiting for an editor. */
    public record Item(
            long id,
            long articleId,
            String headline,
            Long userId,
            String authorName,
            String body,
            CommentStatus status,
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
     * @param status a {@link CommentStatus}'s text: pending (held), visible (reported but still shown), or "" for both
     * @param reason a hold reason, or "" for any
     */
    public record Filter(Long articleId, String status, String reason) {}

    /** The statuses the queue can be narrowed to: held, or reported but still shown. */
    public static final List<CommentStatus> STATUSES = List.of(CommentStatus.PENDING, CommentStatus.VISIBLE);

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

    /** The query for a page; public so the benchmark can EXPLAIN exactly what the page runs. */
    public static String sql(Filter f) {
        return ModerationQueueDao.sql(f);
    }
}
