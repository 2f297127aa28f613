package broadsheet.comments;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first comments for an article page. Rendered into the cached page, so the page is dropped
 * whenever they change: the comments table's trigger announces {@link CommentArticle#cacheKey} (V17).
 *
 * <p>The comment rules are read once and kept until {@link #reload} (every node calls it when the
 * change log says something changed, as for the site's name and the paywall's settings), so a page's
 * render asks the database one thing about comments: the count and the newest few, in one statement.
 * That count and those comments are kept per article too, and dropped when the change log names the
 * article's comments ({@link #forget}, after every change readers can see: the comments table's trigger)
 * or everything ({@link #reload}); a read that began before such a change is never kept after it.
 */
public final class CommentPreviews {

    /** How many comments the article page shows before "All N comments". */
    public static final int SHOWN = 3;

    private record Kept(long generation, CommentSettings settings) {}

    private final CommentService comments;
    private final ThreadDao threads;
    private final AtomicLong generation = new AtomicLong();
    private volatile Kept kept;
    private final AtomicLong startsGeneration = new AtomicLong();
    private final com.github.benmanes.caffeine.cache.Cache<Long, ThreadDao.Start> starts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .build();

    public CommentPreviews(CommentService comments, ThreadDao threads) {
        this.comments = comments;
        this.threads = threads;
    }

    /** The start of the conversation under a published article, as every reader sees it. */
    public ArticleComments of(CommentArticle a) {
        CommentSettings s = settings();
        CommentMode mode = a.effectiveMode(s, Instant.now());
        if (mode == CommentMode.OFF) return new ArticleComments(a.id(), mode, false, 0, List.of(), null);
        Instant closes = mode.shut() ? null : a.closesAt(s);
        ThreadDao.Start start = start(a.id());
        return new ArticleComments(a.id(), mode, a.subscribersOnly(s), start.count(), start.newest(), closes);
    }

    private ThreadDao.Start start(long articleId) {
        ThreadDao.Start kept = starts.getIfPresent(articleId);
        if (kept != null) return kept;
        long g = startsGeneration.get();
        ThreadDao.Start read = threads.start(articleId, SHOWN);
        if (startsGeneration.get() == g) starts.put(articleId, read);
        return read;
    }

    /** Reads the comment rules and every article's first comments afresh on next use (a read that began before this call is not kept). */
    public void reload() {
        generation.incrementAndGet();
        startsGeneration.incrementAndGet();
        starts.invalidateAll();
    }

    /** Reads this article's first comments afresh on next use (its comments changed). */
    public void forget(long articleId) {
        startsGeneration.incrementAndGet();
        starts.invalidate(articleId);
    }

    private CommentSettings settings() {
        long g = generation.get();
        Kept k = kept;
        if (k != null && k.generation() == g) return k.settings();
        CommentSettings s = comments.settings();
        kept = new Kept(g, s);
        return s;
    }
}
