package broadsheet.contentapi;

import broadsheet.jobs.Repeating;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the Content API's tables from growing for ever: changes older than {@link #CHANGES_KEPT} leave the
 * changes feed (a cursor from before them is told to re-sync, with a 410), and the rate limit's counts of
 * minutes gone by are forgotten. Every node may run it: the deletes are idempotent.
 */
public final class ApiHousekeeping implements AutoCloseable {

    /** How long the changes feed keeps a change. */
    public static final Duration CHANGES_KEPT = Duration.ofDays(90);

    static final int BATCH = 10_000;

    private final ContentDao content;
    private final ApiKeyDao keys;
    private final Clock clock;
    private final Repeating timer = new Repeating("api-housekeeping", this::runOnce);

    public ApiHousekeeping(ContentDao content, ApiKeyDao keys, Clock clock) {
        this.content = content;
        this.keys = keys;
        this.clock = clock;
    }

    public ApiHousekeeping start() {
        timer.start(Duration.ofMinutes(2), Duration.ofMinutes(10));
        return this;
    }

    /** One sweep, in batches until nothing old is left; returns the number of rows removed. */
    public int runOnce() {
        int removed = keys.pruneWindows();
        for (int n = BATCH; n == BATCH; removed += n)
            n = content.pruneChanges(clock.instant().minus(CHANGES_KEPT), BATCH);
        return removed;
    }

    @Override
    public void close() {
        timer.close();
    }
}
