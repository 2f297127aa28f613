package broadsheet.search;

import broadsheet.jobs.Repeating;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works "Related" out in the background, so that an article's render reads its list with the article
 * instead of asking the index (about 40 ms of CPU an article on a 20,000-article archive): for every
 * published article without a list for its current version (a new archive, an import, a publish, an edit),
 * newest first along the index of published articles ({@link RelatedDao#missing}), then for recent articles
 * whose list is older than a day ({@link RelatedDao#stale}). A
 * pass every {@link #EVERY}, so a publish has its list within a couple of minutes; a render that comes
 * first still finds it itself, as before.
 *
 * <p>Runs on every node; one works at a time (each batch holds a PostgreSQL advisory lock: another node
 * skips its pass), and what a node stores is an idempotent upsert. Low priority: after each batch it
 * rests as long as the batch took, so it takes at most about half a core. Progress is logged while a
 * pass has more than a batch to do.
 */
public final class RelatedJob {

    private static final Logger LOG = LoggerFactory.getLogger(RelatedJob.class);
    static final Duration EVERY = Duration.ofMinutes(1);
    static final int BATCH = 16;
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private final Related related;
    private final RelatedDao dao;
    private volatile boolean stopping;

    RelatedJob(Related related, Jdbi jdbi) {
        this.related = related;
        this.dao = new RelatedDao(jdbi);
    }

    /** Starts the passes, the first after {@code first}; close the result to stop after the batch under way. */
    public AutoCloseable start(Duration first) {
        Repeating timer = new Repeating("related-stories", this::pass).start(first, EVERY);
        return () -> {
            stopping = true;
            timer.close();
        };
    }

    /**
     * One pass: batches until no article is left to do, the index cannot help with what is left (not
     * built yet, or it has yet to take an article in), another node is at work, or the node stops.
     *
     * @return how many lists were stored
     */
    public int pass() {
        if (related.engine().index().isEmpty()) return 0; // being built: the next pass
        long started = System.nanoTime();
        long lastLog = started;
        List<Long> skipped = new ArrayList<>(); // not in this node's index yet: left for the next pass
        RelatedDao.Due after = null; // the missing lists are walked newest first, each batch after the last
        boolean staleOnly = false; // the missing ones done: lists of recent articles older than a day
        int stored = 0;
        int left = -1;
        while (!stopping) {
            long batchStarted = System.nanoTime();
            RelatedDao.Due from = after;
            boolean stale = staleOnly;
            Batch b = dao.inBatch(h -> {
                List<RelatedDao.Due> batch = stale ? dao.stale(h, BATCH, skipped) : dao.missing(h, BATCH, from);
                int n = 0;
                for (RelatedDao.Due a : batch) {
                    if (stopping) break;
                    List<Long> found = related.find(a.id(), a.topics());
                    if (found == null) skipped.add(a.id());
                    else {
                        dao.store(h, a.id(), a.version(), found);
                        n++;
                    }
                }
                return new Batch(batch, n);
            });
            if (b == null) break; // another node holds the lock: it is doing this
            if (b.due().isEmpty()) {
                if (stale) break;
                staleOnly = true;
                continue;
            }
            if (!stale) after = b.due().getLast();
            if (left < 0 && b.due().size() == BATCH) {
                left = b.stored() + dao.count();
                LOG.info("related stories: {} articles to work out", left);
            }
            stored += b.stored();
            long now = System.nanoTime();
            if (left > 0 && now - lastLog > LOG_EVERY.toNanos()) {
                LOG.info("related stories: {} of {} worked out", stored, left);
                lastLog = now;
            }
            rest(Duration.ofNanos(now - batchStarted));
        }
        if (left > 0)
            LOG.info(
                    "related stories: {} lists worked out in {} s{}",
                    stored,
                    (System.nanoTime() - started) / 1_000_000_000,
                    skipped.isEmpty() ? "" : " (" + skipped.size() + " not yet in the search index)");
        return stored;
    }

    private record Batch(List<RelatedDao.Due> due, int stored) {}

    private void rest(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            stopping = true;
            Thread.currentThread().interrupt();
        }
    }
}
