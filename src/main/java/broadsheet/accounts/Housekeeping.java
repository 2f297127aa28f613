package broadsheet.accounts;

import broadsheet.jobs.Repeating;
import org.jdbi.v3.core.Jdbi;

/**
 * Forgets what has expired: sessions, used or stale one-time links, old sign-in failures. Every
 * node may run it; the deletes are idempotent.
 */
public final class Housekeeping implements AutoCloseable {

    private final Jdbi jdbi;
    private final Repeating timer = new Repeating("housekeeping", this::runOnce);

    public Housekeeping(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Housekeeping start() {
        timer.start(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(60));
        return this;
    }

    /** One sweep; returns the number of rows removed. */
    public int runOnce() {
        return jdbi.inTransaction(h -> h.execute("delete from sessions where expires_at < now()")
                + h.execute(
                        "delete from tokens where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day'")
                + h.execute("delete from sign_in_failures where at < now() - interval '1 day'")
                // Stripe stops retrying an event after three days; older ids need not be remembered
                + h.execute("delete from stripe_events where received_at < now() - interval '30 days'"));
    }

    @Override
    public void close() {
        timer.close();
    }
}
