package broadsheet.jobs;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background job's passes on its own daemon thread: after a first delay, then at a fixed delay
 * between passes. A failed pass is logged and the next one tries again, so a database that is away
 * for a while only delays the work. Jobs make themselves safe to run on several nodes (claims with
 * SKIP LOCKED); this only keeps time.
 */
public final class Repeating implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Repeating.class);

    private final String name;
    private final Runnable pass;
    /** How long {@link #close()} waits for the pass under way before it interrupts it. */
    public static final Duration FINISH = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor timer;

    /** @param name the thread's name and how the log names the job */
    public Repeating(String name, Runnable pass) {
        this.name = name;
        this.pass = pass;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        // once closing, a pass asked for by wake() but not begun is dropped, as are the timed ones
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public Repeating start(Duration first, Duration every) {
        timer.scheduleWithFixedDelay(this::safePass, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Asks for a pass soon, without waiting for it. */
    public void wake() {
        timer.execute(this::safePass);
    }

    private void safePass() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed, will try again at the next pass: {}", name, e.getMessage());
        } catch (Error e) {
            // an Error escaping would cancel every later pass without a word; log it and keep the timer
            LOG.error("{} failed badly, will try again at the next pass", name, e);
        }
    }

    /**
     * Starts no new pass and lets the one under way, if any, end by itself (a job that holds claims checks
     * its own stop flag between items and lets go of the rest); a pass still running after {@link #FINISH}
     * is interrupted, and given a few more seconds.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(FINISH.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not finish its pass within {} s; interrupting it", name, FINISH.toSeconds());
                timer.shutdownNow();
                timer.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
