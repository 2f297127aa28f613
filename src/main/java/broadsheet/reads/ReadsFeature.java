package broadsheet.reads;

import broadsheet.Core;
import broadsheet.articles.ArticleDao;
import java.time.Duration;

/**
 * Article reads: the beacon's handler, the in-memory counts flushed every few seconds, the most-read
 * lists worked out every minute (and the pages showing a changed list dropped), the newsroom's counts.
 *
 * @param mostRead the lists the home page, section fronts and articles show
 * @param dao the counts the newsroom shows to editors
 */
public record ReadsFeature(ReadsDao dao, ReadCounter counter, MostRead mostRead, ReadsApi api) {

    public static final Duration FLUSH_EVERY = Duration.ofSeconds(5);
    public static final Duration RANK_EVERY = Duration.ofMinutes(1);

    /**
     * Built before the articles feature, whose pages show the lists: it reads the listed articles'
     * summaries through an ArticleDao of its own (a DAO holds nothing but the Jdbi).
     */
    public static ReadsFeature create(Core core) {
        ReadsDao dao = new ReadsDao(core.jdbi());
        ReadCounter counter = new ReadCounter(dao);
        MostRead mostRead = new MostRead(dao, new ArticleDao(core.jdbi()), core.cache());
        return new ReadsFeature(dao, counter, mostRead, new ReadsApi(counter));
    }

    /**
     * Starts writing the counts every few seconds and working the lists out every minute (the first
     * time a second from now); close what it returns to stop both and write the counts not yet written.
     */
    public AutoCloseable startJobs() {
        counter.start(FLUSH_EVERY);
        mostRead.start(Duration.ofSeconds(1), RANK_EVERY);
        return () -> {
            mostRead.close();
            counter.close();
        };
    }

    /** Writes the counts so far and works the lists out now (tests; without the jobs, nothing else does). */
    public void flushNow() {
        counter.flush();
        mostRead.recompute();
    }
}
