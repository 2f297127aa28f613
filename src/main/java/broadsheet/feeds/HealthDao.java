package broadsheet.feeds;

import org.jdbi.v3.core.Jdbi;

/** The health check's one question to the database: does it answer at all? */
public final class HealthDao {
    private final Jdbi jdbi;

    public HealthDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs the cheapest query there is; throws when the database cannot be reached. */
    public void ping() {
        jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
    }
}
