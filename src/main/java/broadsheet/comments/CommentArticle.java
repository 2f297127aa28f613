package broadsheet.comments;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The article a comment belongs to, and whether it takes comments now.
 *
 * @param mode open, premoderated or closed, as set on the article
 * @param subscribersOnly the article's own choice, or null to follow the site setting
 */
public record CommentArticle(
        long id, String slug, String headline, Instant publishedAt, String mode, Boolean subscribersOnly) {

    public static java.util.Optional<CommentArticle> find(Handle h, long id) {
        return h.createQuery("""
                select id, slug, headline, published_at, comment_mode, comments_subscribers_only
                  from articles where id = :id and status = 'published'""")
                .bind("id", id)
                .map((rs, ctx) -> new CommentArticle(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        (Boolean) rs.getObject(6)))
                .findOne();
    }

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
