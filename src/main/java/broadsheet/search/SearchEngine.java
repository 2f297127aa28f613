package broadsheet.search;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.lucene.index.Term;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's search index, kept right by following the change log: on start it opens its index (or
 * rebuilds a missing, damaged or too old one) and applies every change after the last one it applied;
 * then it applies new changes as NOTIFY search_changed announces them, polling twice a second as a safety
 * net. It also switches to a new generation when {@code reindex} points to one.
 *
 * <p>Change ids come from a sequence, so a transaction that took a lower id may commit after one with a
 * higher id. The follower therefore remembers which ids above its low-water mark it has applied, and
 * moves the mark over a missing id only once it has stayed missing for {@link #GAP_GRACE} (a rolled-back
 * transaction's id never appears).
 *
 * <p>A change reaches the searchers without waiting for anything else on the node: the follower reads the log
 * and the changed articles on its own connection (the one that listens), not from the pool that requests
 * share, and commits (the slow, fsync'd part, which only matters after a crash) happen on a thread of their
 * own every few seconds.
 */
public final class SearchEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchEngine.class);
    public static final String CHANNEL = "search_changed";
    static final Duration GAP_GRACE = Duration.ofMinutes(15);
    static final Duration KEEP_CHANGES = Duration.ofDays(7);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    private static final int BATCH = 1000;
    /** An apply slower than this is logged: past it, a publish may miss the one-second promise. */
    private static final long SLOW_APPLY_MS = 250;

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final DataSource ds;
    private final SearchDao dao;
    private final Generations generations;
    private final Runnable onApplied;
    private final Thread thread;
    private final Thread committer;
    // held while committing and while the open index changes, so a commit never lands on a closed index
    private final Object commitLock = new Object();
    private volatile boolean running = true;
    private volatile SearchIndex index;

    // follower state, touched only by its thread (and read by awaitCaughtUp)
    private volatile long low;
    private volatile long highestSeen;
    private final Set<Long> seen = new TreeSet<>();
    private final Map<Long, Instant> gapSince = new HashMap<>();
    private volatile boolean dirty;
    private Instant lastPrune = Instant.EPOCH;
    // Old generations waiting for the searches that still hold them; closed by their own thread, or by close().
    private final Map<SearchIndex, Thread> retiring = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param onApplied told after changes reach the searchers (drops cached result pages)
     */
    public SearchEngine(DataSource ds, SearchDao dao, Path root, Runnable onApplied) {
        this.ds = ds;
        this.dao = dao;
        this.generations = new Generations(root);
        this.onApplied = onApplied;
        // a platform thread, not a virtual one: on a node busy with requests, a virtual thread waits its turn
        // behind every request queued on the two carriers, and a change reached search after seconds
        this.thread = Thread.ofPlatform().daemon().name("search-follower").start(this::run);
        this.committer = Thread.ofPlatform().daemon().name("search-commit").start(this::commitEvery);
    }

    /** The open index, or empty while the first build of this node's index is under way. */
    Optional<SearchIndex> index() {
        return Optional.ofNullable(index);
    }

    public boolean ready() {
        return index != null;
    }

    /** Changes logged that this node's index has not applied yet (all of them while its first build runs); asks the database. */
    public long lag() {
        long target = dao.lastChange();
        if (index == null) return target;
        return Math.max(0, target - Math.max(low, highestSeen));
    }

    /** Waits until this node has applied every change logged so far (tests, the benchmark). */
    public boolean awaitCaughtUp(Duration timeout) {
        long target = dao.lastChange();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (index != null && (low >= target || highestSeen >= target)) return true;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void run() {
        try {
            openOrRebuild();
        } catch (RuntimeException e) {
            LOG.error("search index could not be opened or built; search is off on this node", e);
            return;
        }
        while (running) {
            try (Connection c = ds.getConnection()) {
                SearchDao.listen(c, CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                SearchDao own = dao.on(c);
                while (running) {
                    switchIfPointed();
                    while (applyPending(own)) {}
                    prune(own);
                    pg.getNotifications((int) POLL.toMillis());
                }
            } catch (SQLException | IOException | RuntimeException e) {
                if (!running) break;
                LOG.warn("search follower failed, retrying: {}", e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void openOrRebuild() {
        Optional<Path> current = generations.current();
        if (current.isPresent()) {
            try {
                SearchIndex opened = SearchIndex.open(current.get(), false);
                if (!opened.currentSchema()) {
                    LOG.info("search index {} was written by an older version; rebuilding", current.get());
                    opened.close();
                } else if (opened.committedAt()
                        .isAfter(Instant.now().minus(KEEP_CHANGES).plus(Duration.ofHours(1)))) {
                    use(opened);
                    return;
                } else {
                    LOG.info("search index {} is older than the change log keeps; rebuilding", current.get());
                    opened.close();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("search index {} is damaged ({}); rebuilding", current.get(), e.toString());
            }
        } else {
            LOG.info("no search index in {}; building one", generations.root());
        }
        Rebuild.Result r = new Rebuild(dao).into(generations, (n, total, elapsed) -> {});
        generations.point(r.generation());
        LOG.info(
                "search index built: {} articles, {} photos in {} ms",
                r.articles(),
                r.photos(),
                r.took().toMillis());
        try {
            use(SearchIndex.open(r.generation(), false));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        generations.deleteOlderThan(r.generation());
    }

    private void use(SearchIndex opened) {
        synchronized (commitLock) {
            SearchIndex old = index;
            low = opened.committedLow();
            highestSeen = low;
            seen.clear();
            gapSince.clear();
            index = opened;
            if (old != null) {
                // searches that already hold the old searcher finish first: they hold their own reader
                Thread retire = Thread.ofVirtual().unstarted(() -> {
                    sleep(Duration.ofSeconds(10));
                    if (retiring.remove(old) != null) retire(old);
                });
                retiring.put(old, retire);
                retire.start();
            }
        }
    }

    private void switchIfPointed() throws IOException {
        Optional<Path> pointed = generations.current();
        if (pointed.isEmpty() || index == null) return;
        if (pointed.get().toAbsolutePath().equals(index.dir.toAbsolutePath())) return;
        LOG.info("switching search index to {}", pointed.get());
        commitIfDirty();
        use(SearchIndex.open(pointed.get(), false));
        onApplied.run();
    }

    /** Applies one batch of changes; true when there may be more. */
    private boolean applyPending(SearchDao dao) throws IOException {
        SearchIndex ix = index;
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        List<SearchDao.Change> changes = dao.changesAfter(low, seen, BATCH);
        if (changes.isEmpty()) {
            advanceLow();
            return false;
        }
        Set<Long> articleIds = new HashSet<>();
        Set<Long> photoIds = new HashSet<>();
        for (SearchDao.Change c : changes) {
            if (c.articleId() != null) articleIds.add(c.articleId());
            else photoIds.add(c.photoId());
        }
        List<Term> gone = new ArrayList<>();
        Set<Long> found = new HashSet<>();
        List<ArticleDoc> articles = dao.articles(articleIds);
        List<PhotoDoc> photos = dao.photos(photoIds);
        long read = System.nanoTime();
        for (ArticleDoc a : articles) {
            ix.writer().updateDocument(Documents.articleKey(a.id()), Documents.article(a));
            found.add(a.id());
        }
        for (Long id : articleIds) if (!found.contains(id)) gone.add(Documents.articleKey(id));
        found.clear();
        for (PhotoDoc p : photos) {
            ix.writer().updateDocument(Documents.photoKey(p.id()), Documents.photo(p));
            found.add(p.id());
        }
        for (Long id : photoIds) if (!found.contains(id)) gone.add(Documents.photoKey(id));
        ix.deleteAll(gone);
        LOG.debug(
                "applied {} changes after {}: {} articles, {} photos",
                changes.size(),
                low,
                articleIds.size(),
                photoIds.size());
        long indexed = System.nanoTime();
        ix.refresh();
        long refreshed = System.nanoTime();
        // the pages made from the old searchers go before the changes count as applied: awaitCaughtUp (a staff
        // search right after saving, the tests) must never be told "applied" while such a page can still be served
        onApplied.run();
        for (SearchDao.Change c : changes) {
            seen.add(c.id());
            highestSeen = Math.max(highestSeen, c.id());
        }
        advanceLow();
        dirty = true;
        long done = System.nanoTime();
        if ((done - started) / 1_000_000 >= SLOW_APPLY_MS)
            LOG.warn(
                    "search: {} changes took {} ms to reach the searchers, {} ms of it on the CPU (reading them {} ms,"
                            + " indexing {} ms, refreshing {} ms, dropping cached pages {} ms)",
                    changes.size(),
                    (done - started) / 1_000_000,
                    (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000,
                    (read - started) / 1_000_000,
                    (indexed - read) / 1_000_000,
                    (refreshed - indexed) / 1_000_000,
                    (done - refreshed) / 1_000_000);
        return changes.size() == BATCH;
    }

    private void advanceLow() {
        Instant now = Instant.now();
        long l = low;
        while (!seen.isEmpty()) {
            long next = l + 1;
            if (seen.remove(next)) {
                gapSince.remove(next);
                l = next;
                continue;
            }
            Instant since = gapSince.computeIfAbsent(next, k -> now);
            if (Duration.between(since, now).compareTo(GAP_GRACE) < 0) break;
            gapSince.remove(next);
            l = next;
        }
        low = l;
    }

    private void prune(SearchDao dao) {
        Instant now = Instant.now();
        if (Duration.between(lastPrune, now).toHours() >= 1) {
            lastPrune = now;
            int pruned = dao.prune(now.minus(KEEP_CHANGES));
            if (pruned > 0) LOG.info("pruned {} search changes older than {}", pruned, KEEP_CHANGES);
        }
    }

    /** The committer's loop: a commit every few seconds while there are changes, off the follower's path. */
    private void commitEvery() {
        while (running) {
            java.util.concurrent.locks.LockSupport.parkNanos(COMMIT_EVERY.toNanos());
            if (!running) return;
            try {
                commitIfDirty();
            } catch (IOException | RuntimeException e) {
                if (running) LOG.warn("search index commit failed, retrying in {}: {}", COMMIT_EVERY, e.toString());
            }
        }
    }

    /**
     * Commits what the index holds, recording the change log position to go on from after a restart. The
     * position is read before the commit starts, and the follower moves it only after the changes below it
     * are in the writer, so a commit holds at least every change up to it (replaying a few more after a crash
     * is harmless: applying a change twice gives the same document).
     */
    private void commitIfDirty() throws IOException {
        synchronized (commitLock) {
            if (!dirty || index == null) return;
            dirty = false;
            long at = low;
            try {
                index.commit(at);
            } catch (IOException | RuntimeException e) {
                dirty = true;
                throw e;
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void retire(SearchIndex old) {
        try {
            old.close();
            Generations.delete(old.dir);
        } catch (RuntimeException e) {
            LOG.warn("could not remove the old search index {}: {}", old.dir, e.toString());
        }
    }

    @Override
    public void close() {
        running = false; // not interrupted: the follower stops within one poll, never in the middle of a write
        // woken, not interrupted (an interrupt in the middle of a write would close Lucene's files); a commit
        // under way finishes under the lock taken below
        java.util.concurrent.locks.LockSupport.unpark(committer);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (commitLock) {
            SearchIndex ix = index;
            if (ix != null) {
                try {
                    commitIfDirty();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not commit the search index on close: {}", e.toString());
                }
                ix.close();
                index = null;
            }
        }
        for (SearchIndex old : List.copyOf(retiring.keySet())) {
            Thread t = retiring.remove(old);
            if (t == null) continue; // its own thread got there first
            t.interrupt();
            retire(old);
        }
    }
}
