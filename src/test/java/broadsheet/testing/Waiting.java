package broadsheet.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility set up for this app's asynchronous effects (a page cache dropped when a change notice
 * arrives, a job's pass): look at once, then every 50 ms.
 */
public final class Waiting {
    private Waiting() {}

    /** Until a condition holds, failing after this long. */
    public static ConditionFactory upTo(Duration atMost) {
        return Awaitility.await()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .atMost(atMost);
    }

    /** Up to five seconds: what a change notice or a woken job takes, with room for a busy machine. */
    public static ConditionFactory fewSeconds() {
        return upTo(Duration.ofSeconds(5));
    }

    /** That a condition holds throughout this time (nothing more arrives late), checked every 50 ms. */
    public static ConditionFactory throughout(Duration period) {
        return Awaitility.await()
                .pollInterval(Duration.ofMillis(50))
                .during(period)
                .atMost(period.plusSeconds(2));
    }
}
