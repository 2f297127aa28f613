package broadsheet.reads;

import broadsheet.jobs.Repeating;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts reads in memory and adds them to the database every few seconds in one statement, so a
 * beacon costs a map update rather than a write. Each node keeps its own counts; the table adds
 * them up. Stopping the node flushes what is left; a node killed outright loses at most the last
 * few seconds of counts.
 */
public final class ReadCounter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadCounter.class);

    /** How many different articles one interval may hold: past that, reads of further ids are dropped. */
    static final int MAX_PENDING = 50_000;

    private final ReadsDao reads;
    private final ConcurrentHashMap<Long, Integer> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Repeating timer;

    public ReadCounter(ReadsDao reads) {
        this.reads = reads;
        this.timer = new Repeating("reads-flush", this::flush);
    }

    public ReadCounter start(Duration every) {
        timer.start(every, every);
        return this;
    }

    /** One read of this article (not yet known to be published: the flush leaves out any other id). */
    public void count(long articleId) {
        // a full buffer takes no new ids (unknown ids from a flood cannot grow it without limit)
        if (pending.size() >= MAX_PENDING && !pending.containsKey(articleId)) {
            dropped.incrementAndGet();
            return;
        }
        pending.merge(articleId, 1, Integer::sum);
    }

    /**
     * Moves the counts so far into the database. Each id's count is taken out with one atomic
     * remove, so a read counted meanwhile lands in the map afresh and goes out with the next flush.
     */
    public synchronized void flush() {
        Map<Long, Integer> batch = new HashMap<>();
        for (Long id : pending.keySet()) {
            Integer n = pending.remove(id);
            if (n != null) batch.put(id, n);
        }
        if (batch.isEmpty()) return;
        try {
            reads.add(batch);
        } catch (RuntimeException e) {
            // the database is away: keep the counts for the next attempt
            batch.forEach((id, n) -> pending.merge(id, n, Integer::sum));
            throw e;
        }
    }

    /** Reads refused because the buffer was full (since start). */
    public long dropped() {
        return dropped.get();
    }

    /** Stops the timer and writes what is left; with the database gone, says how many reads are lost. */
    @Override
    public void close() {
        timer.close();
        try {
            flush();
        } catch (RuntimeException e) {
            int lost = pending.values().stream().mapToInt(Integer::intValue).sum();
            LOG.warn("could not write the last {} reads at shutdown: {}", lost, e.getMessage());
        }
    }
}
