package broadsheet.articles;

import broadsheet.comments.CommentArticle;
import broadsheet.comments.CommentMode;
import broadsheet.media.Photo;
import broadsheet.paywall.Access;
import java.time.Instant;
import java.util.List;

/**
 * A published article with everything its page shows, and who may read it in full.
 *
 * @param relatedIds the related stories search found for this version of the article in the last day
 *     (most related first), or null when they are still to be found
 */
public record ArticleView(
        long id,
        String slug,
        String headline,
        String deck,
        String body,
        Kind kind,
        String sectionSlug,
        String sectionName,
        Instant publishedAt,
        Instant updatedAt,
        List<Byline> authors,
        List<TopicRef> topics,
        Photo leadPhoto,
        List<Photo> gallery,
        List<Correction> corrections,
        Access access,
        int version,
        CommentMode commentMode,
        Boolean commentsSubscribersOnly,
        List<Long> relatedIds) {

    /** The article as the comments see it: whether and by whom it may be commented on. */
    public CommentArticle commenting() {
        return new CommentArticle(id, slug, headline, publishedAt, commentMode, commentsSubscribersOnly);
    }

    public record Byline(long id, String slug, String name, String title) {}

    public record TopicRef(long id, String slug, String name, String kind) {}

    public record Correction(String kind, String body, Instant createdAt) {}

    public String bylineText() {
        return Bylines.join(authors.stream().map(Byline::name).toList());
    }

    /**
     * Whether the article was changed meaningfully after it was first published. An edit in the first
     * minute is taken as part of publishing (a typo fixed at once), but a correction or update is news
     * to readers whenever it is made: it always counts.
     */
    public boolean updatedSincePublished() {
        return !corrections.isEmpty() || updatedAt.isAfter(publishedAt.plusSeconds(60));
    }

    /** The position (1-based) of a photo in the gallery, or 0. */
    public int galleryIndexOf(Photo p) {
        for (int i = 0; i < gallery.size(); i++) if (gallery.get(i).id() == p.id()) return i + 1;
        return 0;
    }
}
