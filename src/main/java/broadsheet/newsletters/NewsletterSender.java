package broadsheet.newsletters;

import broadsheet.db.ContentChanges;
import broadsheet.jobs.Repeating;
import broadsheet.mail.MailTransport;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the newsletter outbox. Every node runs one. A pass starts scheduled issues whose time
 * has come, then claims batches of recipients with {@code FOR UPDATE SKIP LOCKED}, marking each
 * row 'sending' with a claim time and its Message-ID and committing that before any SMTP, so two
 * nodes never claim the same row. Each batch goes over one SMTP connection and is marked 'sent'
 * when it is done.
 *
 * <p>A claim is a lease ({@link ClaimLease}): the batch's own thread renews it every quarter of
 * {@link #LEASE} while the batch is sent, so a very slow mail server cannot make the claim lapse
 * under a living node, and a node checks before each message that it still holds the row with
 * half the lease ahead. Two living nodes never send one message twice.
 *
 * <p>At-least-once: a node that dies after the server accepted a message but before the row was
 * marked leaves it 'sending'; once its lease has lapsed another pass sends it
 * again, with the same Message-ID, so the receiving side can recognise the copy. We prefer that
 * rare duplicate (one batch at most, only on a crash) to silently losing a reader's issue. A failure
 * to reach the server puts the batch back to 'pending' for the next pass; a recipient the server
 * refuses is marked 'failed' after {@link #MAX_ATTEMPTS}.
 *
 * <p>A node that is asked to stop ({@link #close()}, on SIGTERM) finishes the message under way, records
 * what it sent, and puts the rest of its batches back to 'pending' without their lease (its claims are
 * released), so another node sends them at its next pass instead of after the lease.
 */
public final class NewsletterSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsletterSender.class);
    public static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    /** Recipients claimed and sent over one SMTP connection at a time. */
    public static final int BATCH = 200;

    /** An issue rendered once for all its recipients. */
    private record Prepared(Newsletter newsletter, IssueRenderer.MailParts parts) {}

    private final Jdbi jdbi;
    private final MailTransport transport;
    private final IssueRenderer renderer;
    private final NewsletterDao newsletters;
    private final IssueDao issues;
    private final NewsletterLinks links;
    private final Supplier<Site> site;
    private final InternetAddress from;
    private final String domain;
    private final Optional<Dkim> dkim;
    private final int batch;
    private final int workers;
    private final Map<Long, Prepared> prepared = new ConcurrentHashMap<>();
    private final Repeating timer = new Repeating("newsletter-sender", this::runOnce);
    private volatile int limit = Integer.MAX_VALUE;
    private volatile Duration lease = LEASE;
    private volatile boolean stopping;
    private final AtomicInteger renewals = new AtomicInteger();

    public NewsletterSender(
            Jdbi jdbi,
            MailTransport transport,
            IssueRenderer renderer,
            NewsletterDao newsletters,
            IssueDao issues,
            NewsletterLinks links,
            Supplier<Site> site,
            String from,
            Optional<Dkim> dkim,
            int batch,
            int workers) {
        this.jdbi = jdbi;
        this.transport = transport;
        this.renderer = renderer;
        this.newsletters = newsletters;
        this.issues = issues;
        this.links = links;
        this.site = site;
        try {
            this.from = new InternetAddress(from);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("MAIL_FROM is not an address: " + from);
        }
        String address = this.from.getAddress();
        this.domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "localhost";
        this.dkim = dkim;
        this.batch = batch;
        this.workers = workers;
    }

    /** Runs a pass now and then every {@code every}; a failed pass is logged and the next one tries again. */
    public NewsletterSender start(Duration every) {
        timer.start(Duration.ofSeconds(1), every);
        return this;
    }

    /** Asks for a pass soon (after "send now"), without waiting for it. */
    public void wake() {
        timer.wake();
    }

    /** For tests and the benchmark: this sender stops after sending about this many messages (a batch boundary). */
    public NewsletterSender limitTo(int messages) {
        this.limit = messages;
        return this;
    }

    /** For tests: claims last this long (and are renewed every quarter of it) instead of {@link #LEASE}. */
    NewsletterSender leaseOf(Duration d) {
        this.lease = d;
        return this;
    }

    /** How many times this sender has renewed the lease of a batch (visible renewal, for tests). */
    int renewals() {
        return renewals.get();
    }

    /** One pass: starts due issues, sends every claimable recipient, closes finished issues. Returns messages sent. */
    public int runOnce() {
        startDue();
        AtomicInteger sent = new AtomicInteger();
        if (workers <= 1) {
            drain(sent);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < workers; i++) fs.add(pool.submit(() -> drain(sent)));
                for (Future<?> f : fs) f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.shutdownNow();
            }
        }
        finishIssues();
        if (sent.get() > 0) LOG.info("sent {} newsletter message(s)", sent.get());
        return sent.get();
    }

    /** Claims and sends batches until none is left, the server fails, or the limit is reached. */
    private void drain(AtomicInteger sent) {
        Dkim.Signer signer = dkim.map(Dkim::signer).orElse(null);
        while (!stopping && sent.get() < limit) {
            UUID token = UUID.randomUUID();
            long claimedAt = System.nanoTime();
            List<OutboxDao.Claimed> rows = claim(Math.min(batch, limit - sent.get()), token);
            if (rows == null) return;
            if (rows.isEmpty()) continue; // a batch of suppressed addresses: look again
            OutboxBatch r;
            try (ClaimLease held = new ClaimLease(
                    jdbi, token, rows.stream().map(OutboxDao.Claimed::id).toList(), lease, claimedAt)) {
                r = OutboxBatch.send(transport, rows, held, () -> stopping, row -> message(row, signer));
                renewals.addAndGet(held.renewals());
            }
            sent.addAndGet(r.sent.size());
            jdbi.useTransaction(h -> r.mark(h, token, MAX_ATTEMPTS));
            if (!r.letGo.isEmpty()) {
                LOG.warn("let {} newsletter message(s) go: their lease lapsed before they were sent", r.letGo.size());
                return;
            }
            if (!r.released.isEmpty()) LOG.info("released {} newsletter message(s) on stopping", r.released.size());
            if (r.serverFailed) return; // leave the rest for the next pass rather than spin on a dead server
        }
    }

    private void startDue() {
        jdbi.useTransaction(h -> {
            for (long id : OutboxDao.dueIssues(h)) {
                int n = Outbox.fill(h, id);
                LOG.info("newsletter issue {} started: {} recipient(s)", id, n);
            }
        });
    }

    /** Claims up to {@code n} recipients; an empty list if all were skipped, null when nothing is left at all. */
    private List<OutboxDao.Claimed> claim(int n, UUID token) {
        return jdbi.inTransaction(h -> {
            List<OutboxDao.Candidate> rows = OutboxDao.candidates(h, n, lease);
            List<Long> take = new ArrayList<>();
            for (var r : rows) {
                if (r.skip() != null) OutboxDao.suppress(h, r.id(), r.skip());
                else take.add(r.id());
            }
            if (take.isEmpty()) return rows.isEmpty() ? null : List.<OutboxDao.Claimed>of();
            return OutboxDao.claim(h, take, domain, token, lease);
        });
    }

    private void finishIssues() {
        List<Long> done = jdbi.inTransaction(h -> {
            List<Long> ids = OutboxDao.finishIssues(h);
            if (!ids.isEmpty()) ContentChanges.announce(h); // every node drops its cached archive pages
            return ids;
        });
        for (long id : done) {
            prepared.remove(id);
            LOG.info("newsletter issue {} sent", id);
        }
    }

    private MimeMessage message(OutboxDao.Claimed row, Dkim.Signer signer) throws MessagingException {
        Prepared p = prepared.computeIfAbsent(row.issueId(), this::prepare);
        Site s = site.get();
        String unsubscribe = s.absolute(Paths.newsletterUnsubscribe(
                row.subscriberId() == null ? "gone" : links.unsubscribeToken(row.subscriberId())));
        String preferences = s.absolute(Paths.newsletterPreferences(links.preferencesToken(row.email())));
        MimeMessage m = NewsletterMessage.build(
                transport.session(),
                from,
                row.email(),
                row.messageId(),
                p.parts().subject(),
                p.parts().text(unsubscribe, preferences),
                p.parts().html(unsubscribe, preferences),
                unsubscribe,
                "<" + p.newsletter().slug() + ".newsletters." + domain + ">");
        return signer == null ? m : signer.sign(m);
    }

    private Prepared prepare(long issueId) {
        Issue issue = issues.find(issueId).orElseThrow();
        Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
        return new Prepared(n, renderer.mail(renderer.content(n, issue), false));
    }

    public InternetAddress from() {
        return from;
    }

    public String domain() {
        return domain;
    }

    public MailTransport transport() {
        return transport;
    }

    /** Stops: the message under way is finished and recorded, the rest of the claimed rows are released. */
    @Override
    public void close() {
        stopping = true;
        timer.close();
    }
}
