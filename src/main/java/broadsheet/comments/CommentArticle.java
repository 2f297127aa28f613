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
        if (!mode.shut()
                && s.autoCloseDays() > 0
                && publishedAt.plus(Duration.ofDays(s.autoCloseDays())).isBefore(now)) return CommentMode.CLOSED;
        return mode;
    }

    public boolean closedBySetting(CommentSettings s, Instant now) {
        return !mode.shut() && effectiveMode(s, now) == CommentMode.CLOSED;
    }

    /** When comments close by themselves (the auto-close setting), or null if they never will. */
    public Instant closesAt(CommentSettings s) {
        if (mode.shut() || s.autoCloseDays() <= 0) return null;
        return publishedAt.plus(Duration.ofDays(s.autoCloseDays()));
    }

    /** What every {@link #cacheKey} starts with. */
    public static final String KEY_PREFIX = "comments-";

    /**
     * The surrogate key of the pages that show this article's comments (its article page); the
     * comments table's trigger announces it on every change readers can see (V17).
     */
    public static String cacheKey(long articleId) {
        return KEY_PREFIX + articleId;
    }

    public boolean subscribersOnly(CommentSettings s) {
        return subscribersOnly == null ? s.subscribersOnly() : subscribersOnly;
    }
}
