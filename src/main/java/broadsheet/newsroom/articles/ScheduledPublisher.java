package broadsheet.newsroom.articles;

import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.jobs.Repeating;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles whose time has come. Every node runs one; each pass claims due
 * articles with {@code FOR UPDATE SKIP LOCKED}, so two nodes never publish the same article, and
 * since it only scans the table, articles that fell due while no node was running go out at the
 * first pass after start.
 */
public final class ScheduledPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublisher.class);
    static final int BATCH = 50;

    private final Jdbi jdbi;
    private final Repeating timer = new Repeating("scheduled-publisher", this::runOnce);

    public ScheduledPublisher(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs a pass now and then every {@code every}; a failed pass is logged and the next one tries again. */
    public ScheduledPublisher start(Duration every) {
        timer.start(Duration.ofSeconds(1), every);
        return this;
    }

    /** One pass: publishes up to a batch of due articles in one transaction; returns how many. */
    public int runOnce() {
        int total = 0;
        int n;
        do {
            n = jdbi.inTransaction(h -> {
                List<Long> due = ArticleWriteDao.claimDue(h, BATCH);
                if (due.isEmpty()) return 0;
                ArticleWriteDao.publishScheduled(h, due);
                for (long id : due) Audit.record(h, null, "published", "article", id, "scheduled time reached");
                ContentChanges.announceArticles(h, due);
                return due.size();
            });
            total += n;
        } while (n == BATCH);
        if (total > 0) LOG.info("published {} scheduled article(s)", total);
        return total;
    }

    @Override
    public void close() {
        timer.close();
    }
}
