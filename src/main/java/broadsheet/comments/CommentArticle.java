package broadsheet.comments;

import java.time.Duration;
import java.time.Instant;

/**
 * The article a comment belongs to, and whether it takes comments now.
 *
 * @param mode as set on the article
 * @param subscribersOnly the article's own choice, or null to follow the site setting
 */
public record CommentArticle(
        long id, String slug, String headline, Instant publishedAt, CommentMode mode, Boolean subscribersOnly) {

    /** The mode readers get: an open article closes by itself once it is older than the setting allows. */
    public CommentMode effectiveMode(CommentSettings s, Instant now) {
        if (mode != CommentMode.CLOSED
                && s.autoCloseDays() > 0
                && publishedAt.plus(Duration.ofDays(s.autoCloseDays())).isBefore(now)) return CommentMode.CLOSED;
        return mode;
    }

    public boolean closedBySetting(CommentSettings s, Instant now) {
        return mode != CommentMode.CLOSED && effectiveMode(s, now) == CommentMode.CLOSED;
    }

    public boolean subscribersOnly(CommentSettings s) {
        return subscribersOnly == null ? s.subscribersOnly() : subscribersOnly;
    }
}
