package broadsheet.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private final ScheduledExecutorService timer;

    /** @param name the thread's name and how the log names the job */
    public Repeating(String name, Runnable pass) {
        this.name = name;
        this.pass = pass;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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

    /** Stops after the pass under way, if any (waiting up to 10 s for it). */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
