package broadsheet.accounts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what has expired: sessions, used or stale one-time links, old sign-in failures. Every
 * node may run it; the deletes are idempotent.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Jdbi jdbi;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "housekeeping");
        t.setDaemon(true);
        return t;
    });

    public Housekeeping(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Housekeeping start() {
        timer.scheduleWithFixedDelay(this::safeRun, 1, 60, TimeUnit.MINUTES);
        return this;
    }

    /** One sweep; returns the number of rows removed. */
    public int runOnce() {
        return jdbi.inTransaction(h -> h.execute("delete from sessions where expires_at < now()")
                + h.execute("delete from tokens where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day'")
                + h.execute("delete from sign_in_failures where at < now() - interval '1 day'")
                // Stripe stops retrying an event after three days; older ids need not be remembered
                + h.execute("delete from stripe_events where received_at < now() - interval '30 days'"));
    }

    private void safeRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
