package broadsheet.newsletters;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch's hold on its outbox rows, renewed while the batch is sent, however slow the mail server.
 *
 * <p>The rows are claimed under a token with {@code lease_until = now() + lease}; another node may take a
 * row over only once its lease has lapsed. While this batch is being sent, a thread of its own renews the
 * lease every quarter of it, so a batch that takes longer than the lease keeps its rows as long as its
 * node lives. Before each message the sender asks {@link #holds}: the row must still be held under the
 * token at the last renewal, and that renewal must leave at least half the lease (longer than the SMTP
 * client's timeouts for one message), so a node whose renewals stop (the database out of reach) stops
 * sending before another node could start on the same rows.
 */
final class ClaimLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimLease.class);

    private final Jdbi jdbi;
    private final UUID token;
    private final Duration lease;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger renewals = new AtomicInteger();
    private final Thread renewer;
    private volatile long validUntilNanos;
    private volatile boolean closed;

    /** Starts renewing the rows just claimed under {@code token} (claimed no earlier than {@code claimedAtNanos}). */
    ClaimLease(Jdbi jdbi, UUID token, List<Long> ids, Duration lease, long claimedAtNanos) {
        this.jdbi = jdbi;
        this.token = token;
        this.lease = lease;
        this.held.addAll(ids);
        this.validUntilNanos = claimedAtNanos + lease.toNanos();
        // a platform thread: a virtual one waits its turn behind every request queued on the carriers, and on a
        // busy node a late renewal lets the lease lapse under a batch still being sent (as for the search follower)
        this.renewer = Thread.ofPlatform().daemon().name("newsletter-lease").start(this::renewUntilClosed);
    }

    private void renewUntilClosed() {
        long every = Math.max(1, lease.toMillis() / 4);
        while (!closed) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) return;
            try {
                renew();
            } catch (RuntimeException e) {
                LOG.warn("could not renew the lease on a newsletter batch: {}", e.getMessage());
            }
        }
    }

    /** Extends the lease on the rows still held; those another node has taken are let go. */
    void renew() {
        long asked = System.nanoTime(); // the database's now() is no earlier than this
        List<Long> still = jdbi.withHandle(h -> OutboxDao.renew(h, token, lease));
        held.retainAll(still);
        validUntilNanos = asked + lease.toNanos();
        renewals.incrementAndGet();
    }

    /** True when this batch may send the row's message now: held, with at least half the lease ahead. */
    boolean holds(long id) {
        return held.contains(id) && validUntilNanos - System.nanoTime() >= lease.toNanos() / 2;
    }

    UUID token() {
        return token;
    }

    int renewals() {
        return renewals.get();
    }

    @Override
    public void close() {
        closed = true;
        renewer.interrupt();
        try {
            renewer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
