package broadsheet.comments;

import java.time.Duration;
import java.time.Instant;

/**
 * The article a comment belongs to, and whether it takes comments now.
 *
 * @param mode open, premoderated or closed, as set on the article
 * @param subscribersOnly the article's own choice, or null to follow the site setting
 */
public record CommentArticle(
        long id, String slug, String headline, Instant publishedAt, String mode, Boolean subscribersOnly) {

    /** The mode readers get: an open article closes by itself once it is older than the setting allows. */
    public String effectiveMode(CommentSettings s, Instant now) {
        if (!mode.equals("closed")
                && s.autoCloseDays() > 0
                && publishedAt.plus(Duration.ofDays(s.autoCloseDays())).isBefore(now)) return "closed";
        return mode;
    }

    public boolean closedBySetting(CommentSettings s, Instant now) {
        return !mode.equals("closed") && effectiveMode(s, now).equals("closed");
    }

    public boolean subscribersOnly(CommentSettings s) {
        return subscribersOnly == null ? s.subscribersOnly() : subscribersOnly;
    }
}
