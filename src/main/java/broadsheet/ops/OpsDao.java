package broadsheet.ops;

import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;

/** The operator's questions to the database: does it answer, how late are the jobs, how long is the outbox. */
public final class OpsDao {

    private final Jdbi jdbi;

    public OpsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The cheapest query there is, on a connection that gives up after {@code timeoutMs} without an answer
     * (a database that hangs does not hang the caller for longer). Throws when the database cannot be reached.
     */
    public void ping(Executor timeouts, int timeoutMs) {
        jdbi.useHandle(h -> {
            try {
                h.getConnection().setNetworkTimeout(timeouts, timeoutMs);
            } catch (java.sql.SQLException e) {
                throw new org.jdbi.v3.core.ConnectionException(e);
            }
            h.createQuery("select 1 as one").mapTo(Integer.class).one();
        });
    }

    /** Seconds since the oldest piece of due scheduled work (an article to publish, a newsletter issue to send) fell due; 0 when none waits. */
    public double jobLagSeconds() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(extract(epoch from now() - least(
                                 (select min(published_at) from articles where status = 'scheduled' and published_at <= now()),
                                 (select min(send_at) from newsletter_issues where status = 'scheduled' and send_at <= now()))),
                               0)::float8 as lag""").mapTo(Double.class).one());
    }

    /** Newsletter messages waiting to be sent (pending, or claimed by a sender). */
    public long newsletterOutbox() {
        return jdbi.withHandle(
                h -> h.createQuery("select count(*) as n from newsletter_outbox where state in ('pending', 'sending')")
                        .mapTo(Long.class)
                        .one());
    }
}
