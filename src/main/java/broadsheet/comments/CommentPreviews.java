package broadsheet.comments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first comments for an article page. Rendered into the cached page, so the page is dropped
 * whenever they change: the comments table's trigger announces {@link CommentArticle#cacheKey} (V17).
 */
public final class CommentPreviews {

    /** How many comments the article page shows before "All N comments". */
    public static final int SHOWN = 3;

    private final CommentService comments;
    private final ThreadDao threads;

    public CommentPreviews(CommentService comments, ThreadDao threads) {
        this.comments = comments;
        this.threads = threads;
    }

    /** The newest shown top-level comments of a published article; empty if it is not published. */
    public Optional<ArticleComments> of(long articleId) {
        return comments.article(articleId).map(a -> {
            CommentSettings s = comments.settings();
            CommentMode mode = a.effectiveMode(s, Instant.now());
            if (mode == CommentMode.OFF) return new ArticleComments(a.id(), mode, false, 0, List.of(), null);
            Instant closes = mode.shut() ? null : a.closesAt(s);
            return new ArticleComments(
                    a.id(), mode, a.subscribersOnly(s), threads.count(a.id()), threads.newest(a.id(), SHOWN), closes);
        });
    }
}
