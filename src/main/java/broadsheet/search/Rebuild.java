package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
    private static final int INDEXERS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
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
            indexArticles(index, total, started, articles, progress);
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

    /**
     * Reads batches on this thread while {@link #INDEXERS} threads turn them into documents: PostgreSQL
     * assembling the next batch and Lucene analysing this one overlap instead of taking turns.
     */
    private void indexArticles(SearchIndex index, long total, long started, AtomicLong done, Progress progress)
            throws IOException {
        BlockingQueue<List<ArticleDoc>> queue = new ArrayBlockingQueue<>(INDEXERS * 2);
        List<ArticleDoc> end = new ArrayList<>(); // the end of the batches, told apart by identity
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> indexers = new ArrayList<>();
        for (int i = 0; i < INDEXERS; i++) {
            indexers.add(Thread.ofPlatform().name("reindex-" + i).start(() -> {
                try {
                    for (List<ArticleDoc> batch = queue.take(); batch != end; batch = queue.take()) {
                        for (ArticleDoc a : batch) index.writer().addDocument(Documents.article(a));
                        progress.done(
                                done.addAndGet(batch.size()), total, Duration.ofNanos(System.nanoTime() - started));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        try {
            dao.eachArticle(BATCH, batch -> {
                if (failed.get() != null) throw new IllegalStateException("indexing failed", failed.get());
                put(queue, batch);
            });
        } finally {
            for (int i = 0; i < INDEXERS; i++) put(queue, end);
            for (Thread t : indexers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Throwable f = failed.get();
        if (f instanceof IOException io) throw io;
        if (f != null) throw (RuntimeException) f;
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the search index", e);
        }
    }
}
