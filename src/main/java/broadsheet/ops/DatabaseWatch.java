package broadsheet.ops;

import broadsheet.db.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the database from a thread of its own, twice a second, so that no request ever has to:
 * {@code /readyz} and the 503 gate read what it last saw and answer at once, even while the database
 * hangs. When the embedded PostgreSQL has died it says so in one log line and starts it again;
 * the pool then reconnects by itself. Every few seconds it also reads the figures {@code /metrics}
 * shows (job lag, outbox depth, search lag, pending migrations), so a scrape never waits on the database.
 */
public final class DatabaseWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
    static final Duration EVERY = Duration.ofMillis(500);
    /**
     * The database counts as away after this many pings in a row failed (refused, broken, or no answer
     * within {@link #PING_TIMEOUT_MS}), or while a ping has waited longer than {@link #HUNG}. A slow
     * watch thread on a busy machine is not a database that is away: only failures count.
     */
    static final int FAILURES = 2;

    static final Duration HUNG = Duration.ofSeconds(3);

    static final int PING_TIMEOUT_MS = 1_500;
    private static final long FIGURES_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final Database db;
    private final OpsDao dao;
    private final LongSupplier searchLag;
    private final Map<String, LongSupplier> outboxes = new ConcurrentHashMap<>();
    private final Map<String, Long> outboxDepth = new ConcurrentHashMap<>();
    private final ExecutorService timeouts = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "database-watch-timeout");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastOk = System.nanoTime();
    private volatile long pingSince; // 0 when no ping is under way
    private volatile int failures;
    private volatile String problem = "";
    private volatile long figuresAt = System.nanoTime() - FIGURES_EVERY_NANOS;
    private volatile int pendingMigrations;
    private volatile double jobLagSeconds;
    private volatile long searchLagChanges;
    private volatile boolean searchBehind;
    private boolean down;
    private boolean restarting;

    /** @param searchLag changes in the log this node's search index has not applied yet (asks the database) */
    public DatabaseWatch(Database db, OpsDao dao, LongSupplier searchLag) {
        this.db = db;
        this.dao = dao;
        this.searchLag = searchLag;
        this.outboxes.put("newsletter", dao::newsletterOutbox);
        this.thread = Thread.ofPlatform().daemon().name("database-watch").start(this::run);
    }

    /** Counts one more outbox for {@code /metrics} (read every few seconds on this thread, never during a scrape). */
    public void outbox(String name, LongSupplier depth) {
        outboxes.put(name, depth);
    }

    /** Whether the database answered lately; read by every request, so it never touches the database itself. */
    public boolean databaseUp() {
        long since = pingSince;
        boolean hung = since != 0 && System.nanoTime() - since > HUNG.toNanos();
        return failures < FAILURES && !hung;
    }

    /** Why the database counts as away, if it does. */
    public Optional<String> databaseProblem() {
        if (databaseUp()) return Optional.empty();
        String p = problem;
        return Optional.of("the database has not answered for " + (System.nanoTime() - lastOk) / 1_000_000 + " ms"
                + (p.isEmpty() ? "" : " (" + p + ")"));
    }

    public int pendingMigrations() {
        return pendingMigrations;
    }

    public double jobLagSeconds() {
        return jobLagSeconds;
    }

    public long searchLagChanges() {
        return searchLagChanges;
    }

    /** The search index was behind the change log at the last two readings (five seconds apart). */
    public boolean searchBehind() {
        return searchBehind;
    }

    public Map<String, Long> outboxDepth() {
        return Map.copyOf(outboxDepth);
    }

    private void run() {
        while (running) {
            look();
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void look() {
        try {
            pingSince = System.nanoTime();
            db.ping(timeouts, PING_TIMEOUT_MS);
            lastOk = System.nanoTime();
            failures = 0;
            problem = "";
            if (down) LOG.info("The database answers again");
            down = false;
        } catch (java.sql.SQLException | RuntimeException e) {
            failures++;
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!running) return;
            superviseEmbedded();
            if (!down && !restarting && !databaseUp()) LOG.warn("The database does not answer: {}", problem);
            down = !databaseUp();
            return;
        } finally {
            pingSince = 0;
        }
        if (System.nanoTime() - figuresAt >= FIGURES_EVERY_NANOS) readFigures();
    }

    private void superviseEmbedded() {
        // (while the JVM stops, the embedded server's own shutdown hook stopped it: not a death)
        if (!db.embeddedDied() || Database.jvmStopping()) return;
        if (!restarting) LOG.error("The embedded PostgreSQL has died; starting it again");
        restarting = true;
        try {
            db.restartEmbedded();
            restarting = false; // a new server runs: a later death is a new one, and is logged again
            LOG.info("The embedded PostgreSQL runs again");
        } catch (RuntimeException e) {
            LOG.warn("The embedded PostgreSQL did not start yet, will try again: {}", e.getMessage());
        }
    }

    private void readFigures() {
        figuresAt = System.nanoTime();
        try {
            pendingMigrations = db.pendingMigrations();
            jobLagSeconds = dao.jobLagSeconds();
            long lag = searchLag.getAsLong();
            searchBehind = lag > 0 && searchLagChanges > 0; // behind at two readings in a row, not just busy
            searchLagChanges = lag;
            outboxes.forEach((name, depth) -> outboxDepth.put(name, depth.getAsLong()));
        } catch (RuntimeException e) {
            LOG.debug("reading the figures for /metrics failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timeouts.shutdownNow();
    }
}
