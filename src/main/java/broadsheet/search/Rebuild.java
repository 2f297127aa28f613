package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a whole index from the database into a new generation folder, without touching the one in
 * use: a running server goes on answering from the old one until the new one is pointed to.
 */
public final class Rebuild {

    /** Told after each batch: articles done so far, of how many, and the time since the start. */
    public interface Progress {
        void done(long articles, long total, Duration elapsed);
    }

    public record Result(Path generation, long articles, long photos, long changesThrough, Duration took) {}

    private static final int BATCH = 500;
    // Changes this close below the newest at the start are applied again after the build: a transaction
    // that took its change id just before the start may commit during the build.
    private static final long OVERLAP = 1000;

    private final SearchDao dao;

    public Rebuild(SearchDao dao) {
        this.dao = dao;
    }

    public Result into(Generations generations, Progress progress) {
        long started = System.nanoTime();
        long low = Math.max(0, dao.lastChange() - OVERLAP);
        long total = dao.articleCount();
        Path dir = generations.create();
        AtomicLong articles = new AtomicLong();
        AtomicLong photos = new AtomicLong();
        try (SearchIndex index = SearchIndex.open(dir, true)) {
            dao.eachArticle(BATCH, batch -> {
                try {
                    for (ArticleDoc a : batch) index.writer().addDocument(Documents.article(a));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.done(articles.addAndGet(batch.size()), total, Duration.ofNanos(System.nanoTime() - started));
            });
            dao.eachPhoto(BATCH, batch -> {
                try {
                    for (PhotoDoc p : batch) index.writer().addDocument(Documents.photo(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                photos.addAndGet(batch.size());
            });
            index.commit(low);
        } catch (IOException | RuntimeException e) {
            Generations.delete(dir);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
        return new Result(dir, articles.get(), photos.get(), low, Duration.ofNanos(System.nanoTime() - started));
    }
}
