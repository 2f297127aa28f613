package broadsheet.ops;

import broadsheet.web.Paths;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Whether requests are failing now: counts of answers and of server errors (5xx) over the last
 * {@link #WINDOW_SECONDS} seconds, one slot per second. {@code /readyz} fails while most recent
 * requests end in a server error, so a load balancer takes a node out that answers only errors
 * (its liveness check, {@code /healthz}, may still pass).
 */
public final class RequestHealth {

    static final int WINDOW_SECONDS = 10;
    /** Fewer failures than this in the window never make a node unready: one broken page is not a sick node. */
    static final int MIN_FAILURES = 5;

    private final AtomicLongArray second = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray answered = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray failed = new AtomicLongArray(WINDOW_SECONDS);

    /**
     * Counts one finished request with the status it was answered with. The operator's own addresses
     * do not count: {@code /readyz} answers 503 while the node is unready, and a load balancer asking
     * every second would otherwise keep the node unready for ever.
     */
    public void record(String path, int status) {
        if (path.equals(Paths.health()) || path.equals(Paths.ready()) || path.equals(Paths.metrics())) return;
        int slot = slot(now());
        answered.incrementAndGet(slot);
        if (status >= 500) failed.incrementAndGet(slot);
    }

    /** Failures and answers in the window, as "failed/answered", when at least half failed; empty otherwise. */
    public java.util.Optional<String> failing() {
        long nowSecond = now();
        long all = 0;
        long bad = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (nowSecond - second.get(i) >= WINDOW_SECONDS) continue;
            all += answered.get(i);
            bad += failed.get(i);
        }
        if (bad >= MIN_FAILURES && bad * 2 >= all)
            return java.util.Optional.of(bad + " of the last " + all + " requests failed");
        return java.util.Optional.empty();
    }

    /** The slot of this second, emptied first when it last held an older second. */
    private int slot(long nowSecond) {
        int i = (int) (nowSecond % WINDOW_SECONDS);
        long was = second.get(i);
        if (was != nowSecond && second.compareAndSet(i, was, nowSecond)) {
            answered.set(i, 0);
            failed.set(i, 0);
        }
        return i;
    }

    private static long now() {
        return System.nanoTime() / 1_000_000_000L;
    }
}
