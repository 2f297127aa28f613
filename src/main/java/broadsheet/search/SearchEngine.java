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
 */
public final class SearchEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchEngine.class);
    public static final String CHANNEL = "search_changed";
    static final Duration GAP_GRACE = Duration.ofMinutes(15);
    static final Duration KEEP_CHANGES = Duration.ofDays(7);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    private static final int BATCH = 1000;

    private final DataSource ds;
    private final SearchDao dao;
    private final Generations generations;
    private final Runnable onApplied;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SearchIndex index;

    // follower state, touched only by its thread (and read by awaitCaughtUp)
    private volatile long low;
    private volatile long highestSeen;
    private final Set<Long> seen = new TreeSet<>();
    private final Map<Long, Instant> gapSince = new HashMap<>();
    private boolean dirty;
    private long lastCommit = System.nanoTime();
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
        this.thread = Thread.ofVirtual().name("search-follower").start(this::run);
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
                while (running) {
                    switchIfPointed();
                    while (applyPending()) {}
                    housekeeping();
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
                if (opened.committedAt()
                        .isAfter(Instant.now().minus(KEEP_CHANGES).plus(Duration.ofHours(1)))) {
                    use(opened);
                    return;
                }
                LOG.info("search index {} is older than the change log keeps; rebuilding", current.get());
                opened.close();
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

    private void switchIfPointed() throws IOException {
        Optional<Path> pointed = generations.current();
        if (pointed.isEmpty() || index == null) return;
        if (pointed.get().toAbsolutePath().equals(index.dir.toAbsolutePath())) return;
        LOG.info("switching search index to {}", pointed.get());
        commitIfDirty(true);
        use(SearchIndex.open(pointed.get(), false));
        onApplied.run();
    }

    /** Applies one batch of changes; true when there may be more. */
    private boolean applyPending() throws IOException {
        SearchIndex ix = index;
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
        for (ArticleDoc a : dao.articles(articleIds)) {
            ix.writer().updateDocument(Documents.articleKey(a.id()), Documents.article(a));
            found.add(a.id());
        }
        for (Long id : articleIds) if (!found.contains(id)) gone.add(Documents.articleKey(id));
        found.clear();
        for (PhotoDoc p : dao.photos(photoIds)) {
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
        ix.refresh();
        for (SearchDao.Change c : changes) {
            seen.add(c.id());
            highestSeen = Math.max(highestSeen, c.id());
        }
        advanceLow();
        dirty = true;
        onApplied.run();
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

    private void housekeeping() throws IOException {
        commitIfDirty(false);
        Instant now = Instant.now();
        if (Duration.between(lastPrune, now).toHours() >= 1) {
            lastPrune = now;
            int pruned = dao.prune(now.minus(KEEP_CHANGES));
            if (pruned > 0) LOG.info("pruned {} search changes older than {}", pruned, KEEP_CHANGES);
        }
    }

    private void commitIfDirty(boolean now) throws IOException {
        if (!dirty || (!now && System.nanoTime() - lastCommit < COMMIT_EVERY.toNanos())) return;
        index.commit(low);
        dirty = false;
        lastCommit = System.nanoTime();
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
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearchIndex ix = index;
        if (ix != null) {
            try {
                if (dirty) ix.commit(low);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not commit the search index on close: {}", e.toString());
            }
            ix.close();
        }
        for (SearchIndex old : List.copyOf(retiring.keySet())) {
            Thread t = retiring.remove(old);
            if (t == null) continue; // its own thread got there first
            t.interrupt();
            retire(old);
        }
    }
}
