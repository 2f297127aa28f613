package broadsheet.ops;

import org.jdbi.v3.core.Jdbi;

/** The operator's questions to the database: how late are the jobs, how long is the outbox. */
public final class OpsDao {

    private final Jdbi jdbi;

    public OpsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
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
