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

    /** @param jdbi for the transaction each sweep runs in */
    public Housekeeping(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Housekeeping start() {
        timer.start(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(60));
        return this;
    }

    /** One sweep; returns the number of rows removed. */
    public int runOnce() {
        return jdbi.inTransaction(HousekeepingDao::sweep);
    }

    @Override
    public void close() {
        timer.close();
    }
}
