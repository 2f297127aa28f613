package broadsheet.webhooks;

import broadsheet.jobs.Repeating;
import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every node runs it; each pass claims due deliveries (SKIP LOCKED, with a lease),
 * sends them at once on virtual threads, and records each answer. A failed delivery is tried again with
 * exponential backoff (30 s, 1, 2, 4 ... minutes, at most 4 hours apart) until a day after its event, then
 * given up; an endpoint that has failed for a day without one success is disabled and its admin told by mail.
 */
public final class DeliveryJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJob.class);
    public static final Duration RETRY_FOR = Duration.ofDays(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(4);
    /** Longer than an attempt can take (connect and answer timeouts), so a claim outlives its attempt. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final int BATCH = 64;

    private final WebhookDao dao;
    private final Jdbi jdbi;
    private final Deliverer deliverer;
    private final Payloads payloads;
    private final Mailer mailer;
    private final Supplier<Site> site;
    private final Clock clock;
    private final Repeating timer = new Repeating("webhook-deliveries", this::drain);
    private volatile boolean started;
    private volatile boolean stopping;

    public DeliveryJob(
            WebhookDao dao,
            Jdbi jdbi,
            Deliverer deliverer,
            Payloads payloads,
            Mailer mailer,
            Supplier<Site> site,
            Clock clock) {
        this.dao = dao;
        this.jdbi = jdbi;
        this.deliverer = deliverer;
        this.payloads = payloads;
        this.mailer = mailer;
        this.site = site;
        this.clock = clock;
    }

    public DeliveryJob start() {
        started = true;
        timer.start(Duration.ofSeconds(1), Duration.ofSeconds(1));
        return this;
    }

    /** Asks for a pass soon ("retry now"); a no-op unless the job was started (tests drive {@link #drain()}). */
    public void wake() {
        if (started) timer.wake();
    }

    /** Passes until nothing is due; returns how many attempts were made. */
    public int drain() {
        int total = 0;
        // a stopping node claims nothing more; the attempts under way (all of a batch at once) are finished
        for (int n = runOnce(); n > 0; n = stopping ? 0 : runOnce()) total += n;
        return total;
    }

    /** One pass: claims up to a batch of due deliveries and attempts them all; returns how many. */
    public int runOnce() {
        Instant now = clock.instant();
        List<WebhookDao.Claimed> batch = dao.claim(now, now.plus(LEASE), BATCH);
        if (batch.isEmpty()) return 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> attempts = new ArrayList<>();
            for (WebhookDao.Claimed c : batch) attempts.add(threads.submit(() -> attempt(c)));
            for (Future<?> f : attempts) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.warn(
                            "a webhook delivery failed to record: {}",
                            e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return batch.size();
                }
            }
        }
        return batch.size();
    }

    private void attempt(WebhookDao.Claimed c) {
        String body = payloads.body(c.type(), c.eventAt(), c.data());
        Deliverer.Outcome outcome = deliverer.send(c.url(), c.secret(), c.msgId(), clock.instant(), body);
        Instant now = clock.instant();
        if (outcome.delivered()) {
            jdbi.useTransaction(h -> dao.delivered(h, c, outcome.code(), now));
            return;
        }
        Optional<Instant> next = nextAttempt(c.eventAt(), c.attempts(), now);
        List<String> tell = jdbi.inTransaction(h -> {
            dao.failed(h, c, outcome.code(), outcome.error(), next, now);
            return dao.disableIfFailingSince(
                    h, c.endpointId(), now.minus(RETRY_FOR), "failed for a day; last: " + outcome.error());
        });
        for (String to : tell) mailer.send(disabledMail(to, c, outcome.error()));
    }

    /**
     * When to try again after {@code attempts} failed attempts: 30 s after the first, doubling each time up to
     * 4 hours, with a last try when the day is up; empty once the event is a day old.
     */
    static Optional<Instant> nextAttempt(Instant eventAt, int attempts, Instant now) {
        Instant end = eventAt.plus(RETRY_FOR);
        if (!now.isBefore(end)) return Optional.empty();
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LONGEST_WAIT) > 0) wait = LONGEST_WAIT;
        Instant next = now.plus(wait);
        return Optional.of(next.isAfter(end) ? end : next);
    }

    private Mail disabledMail(String to, WebhookDao.Claimed c, String error) {
        Site s = site.get();
        return Mail.text(to, "Webhook disabled: " + c.url(), """
                The webhook endpoint %s has failed every delivery for a day, so %s has stopped sending to it.

                The last attempt: %s

                Its deliveries and a button to turn it on again are in the newsroom:
                %s
                """.formatted(
                        c.url(), s.name(), error, s.absolute(NewsroomPaths.webhook(c.endpointId()))));
    }

    @Override
    public void close() {
        stopping = true;
        timer.close();
    }
}
