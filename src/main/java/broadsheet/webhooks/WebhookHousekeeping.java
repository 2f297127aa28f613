package broadsheet.webhooks;

import broadsheet.jobs.Repeating;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the outbox from growing for ever: an event older than {@link #KEPT} goes, with its deliveries
 * (delivered, given up, or waiting on an endpoint that stayed disabled), long after the day of retries.
 * The delivery log in the newsroom shows what is kept. Every node may run it: the deletes are idempotent.
 */
public final class WebhookHousekeeping implements AutoCloseable {

    /** How long an event and its deliveries are kept after the event. */
    public static final Duration KEPT = Duration.ofDays(30);

    static final int BATCH = 5_000;

    private final WebhookDao dao;
    private final Clock clock;
    private final Repeating timer = new Repeating("webhook-housekeeping", this::runOnce);

    public WebhookHousekeeping(WebhookDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    public WebhookHousekeeping start() {
        timer.start(Duration.ofMinutes(3), Duration.ofMinutes(60));
        return this;
    }

    /** One sweep, in batches; returns the number of events removed (their deliveries go with them). */
    public int runOnce() {
        int removed = 0;
        for (int n = BATCH; n == BATCH; removed += n)
            n = dao.prune(clock.instant().minus(KEPT), BATCH);
        return removed;
    }

    @Override
    public void close() {
        timer.close();
    }
}
