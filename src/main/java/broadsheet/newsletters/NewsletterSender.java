package broadsheet.newsletters;

import broadsheet.db.ContentChanges;
import broadsheet.jobs.Repeating;
import broadsheet.web.Site;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>At-least-once: a node that dies after the server accepted a message but before the row was
 * marked leaves it 'sending'; once its claim is older than {@link #LEASE} another pass sends it
 * again, with the same Message-ID, so the receiving side can recognise the copy. We prefer that
 * rare duplicate (one batch at most, only on a crash) to silently losing a reader's issue. A failure
 * to reach the server puts the batch back to 'pending' for the next pass; a recipient the server
 * refuses is marked 'failed' after {@link #MAX_ATTEMPTS}.
 */
public final class NewsletterSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsletterSender.class);
    public static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    /** Recipients claimed and sent over one SMTP connection at a time. */
    public static final int BATCH = 200;

    private record Claimed(long id, long issueId, Long subscriberId, String email, String messageId) {}

    /** An issue rendered once for all its recipients. */
    private record Prepared(Newsletter newsletter, IssueRenderer.MailParts parts) {}

    private final Jdbi jdbi;
    private final Delivery delivery;
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

    public NewsletterSender(
            Jdbi jdbi,
            Delivery delivery,
            IssueRenderer renderer,
            NewsletterDao newsletters,
            NewsletterLinks links,
            Supplier<Site> site,
            String from,
            Optional<Dkim> dkim,
            int batch,
            int workers) {
        this.jdbi = jdbi;
        this.delivery = delivery;
        this.renderer = renderer;
        this.newsletters = newsletters;
        this.issues = new IssueDao(jdbi);
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
        while (sent.get() < limit) {
            List<Claimed> rows = claim(Math.min(batch, limit - sent.get()));
            if (rows == null) return;
            if (rows.isEmpty()) continue; // a batch of suppressed addresses: look again
            BatchResult r = send(rows, signer);
            sent.addAndGet(r.sent.size());
            mark(r);
            if (r.serverFailed) return; // leave the rest for the next pass rather than spin on a dead server
        }
    }

    private void startDue() {
        jdbi.useTransaction(h -> {
            List<Long> due = h.createQuery("""
                    select id from newsletter_issues where status = 'scheduled' and send_at <= now()
                     order by send_at for update skip locked""").mapTo(Long.class).list();
            for (long id : due) {
                int n = Outbox.fill(h, id);
                LOG.info("newsletter issue {} started: {} recipient(s)", id, n);
            }
        });
    }

    private List<Claimed> claim(int n) {
        return jdbi.inTransaction(h -> {
            List<Map<String, Object>> rows = h.createQuery("""
                    select o.id, o.issue_id, o.subscriber_id, o.email,
                           case when ms.email is not null then ms.reason
                                when s.status is distinct from 'active' then 'left the list' end as skip
                      from newsletter_outbox o
                      left join mail_suppressions ms on ms.email = o.email
                      left join newsletter_subscribers s on s.id = o.subscriber_id
                     where o.state in ('pending', 'sending')
                       and (o.state = 'pending' or o.claimed_at < now() - make_interval(secs => :lease))
                     order by o.id
                     for update of o skip locked
                     limit :n""")
                    .bind("lease", LEASE.toSeconds())
                    .bind("n", n)
                    .mapToMap()
                    .list();
            List<Long> take = new ArrayList<>();
            for (var r : rows) {
                long id = ((Number) r.get("id")).longValue();
                if (r.get("skip") != null) {
                    h.execute(
                            "update newsletter_outbox set state = 'suppressed', error = ? where id = ?",
                            r.get("skip"),
                            id);
                } else {
                    take.add(id);
                }
            }
            if (take.isEmpty()) return rows.isEmpty() ? null : List.<Claimed>of(); // null: nothing left at all
            return h.createQuery("""
                    update newsletter_outbox set state = 'sending', claimed_at = now(), attempts = attempts + 1,
                           message_id = coalesce(message_id,
                               '<nl.' || issue_id || '.' || id || '.' || substr(md5(random()::text), 1, 12) || '@' || :domain || '>')
                     where id = any(:ids)
                    returning id, issue_id, subscriber_id, email, message_id""")
                    .bind("domain", domain)
                    .bind("ids", take.toArray(Long[]::new))
                    .map((rs, ctx) -> new Claimed(
                            rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5)))
                    .list();
        });
    }

    private static final class BatchResult {
        final List<Long> sent = new ArrayList<>();
        final Map<Long, String> failed = new java.util.LinkedHashMap<>();
        final List<Long> retry = new ArrayList<>();
        String retryReason = "";
        boolean serverFailed;
    }

    private BatchResult send(List<Claimed> rows, Dkim.Signer signer) {
        BatchResult r = new BatchResult();
        int i = 0;
        try (Delivery.Connection c = delivery.open()) {
            for (; i < rows.size(); i++) {
                Claimed row = rows.get(i);
                MimeMessage m;
                try {
                    m = message(row);
                    if (signer != null) m = signer.sign(m);
                } catch (MessagingException | RuntimeException e) {
                    r.failed.put(row.id(), "could not build the message: " + e.getMessage());
                    continue;
                }
                try {
                    c.send(m);
                    r.sent.add(row.id());
                } catch (SendFailedException e) {
                    if (e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0) {
                        r.sent.add(row.id());
                    } else if (e.getNextException() == null
                            && e.getInvalidAddresses() != null
                            && e.getInvalidAddresses().length > 0) {
                        r.failed.put(row.id(), "refused: " + e.getMessage());
                    } else {
                        throw e;
                    }
                }
            }
        } catch (MessagingException | RuntimeException e) {
            r.serverFailed = true;
            r.retryReason = String.valueOf(e.getMessage());
            for (; i < rows.size(); i++) r.retry.add(rows.get(i).id());
            LOG.warn(
                    "mail server failed after {} message(s) of a batch of {}: {}",
                    r.sent.size(),
                    rows.size(),
                    e.getMessage());
        }
        return r;
    }

    private void mark(BatchResult r) {
        jdbi.useTransaction(h -> {
            if (!r.sent.isEmpty()) {
                h.createUpdate(
                                "update newsletter_outbox set state = 'sent', sent_at = now(), error = null where id = any(:ids) and state = 'sending'")
                        .bind("ids", r.sent.toArray(Long[]::new))
                        .execute();
            }
            for (var f : r.failed.entrySet()) {
                h.execute(
                        "update newsletter_outbox set state = 'failed', error = ? where id = ? and state = 'sending'",
                        f.getValue(),
                        f.getKey());
            }
            if (!r.retry.isEmpty()) {
                h.createUpdate("""
                        update newsletter_outbox set state = case when attempts >= :max then 'failed' else 'pending' end, error = :e
                         where id = any(:ids) and state = 'sending'""")
                        .bind("max", MAX_ATTEMPTS)
                        .bind("e", r.retryReason)
                        .bind("ids", r.retry.toArray(Long[]::new))
                        .execute();
            }
        });
    }

    private void finishIssues() {
        List<Long> done = jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("""
                    update newsletter_issues i set status = 'sent', sent_at = now(), updated_at = now(), version = version + 1
                     where status = 'sending'
                       and not exists (select 1 from newsletter_outbox o where o.issue_id = i.id and o.state in ('pending', 'sending'))
                    returning id""").mapTo(Long.class).list();
            if (!ids.isEmpty()) ContentChanges.announce(h); // every node drops its cached archive pages
            return ids;
        });
        for (long id : done) {
            prepared.remove(id);
            LOG.info("newsletter issue {} sent", id);
        }
    }

    private MimeMessage message(Claimed row) throws MessagingException {
        Prepared p = prepared.computeIfAbsent(row.issueId(), this::prepare);
        Site s = site.get();
        String unsubscribe = s.absolute("/newsletters/unsubscribe/"
                + (row.subscriberId() == null ? "gone" : links.unsubscribeToken(row.subscriberId())));
        String preferences = s.absolute("/newsletters/preferences/" + links.preferencesToken(row.email()));
        return build(
                delivery.session(),
                from,
                row.email(),
                row.messageId(),
                p.parts().subject(),
                p.parts().text(unsubscribe, preferences),
                p.parts().html(unsubscribe, preferences),
                unsubscribe,
                "<" + p.newsletter().slug() + ".newsletters." + domain + ">",
                domain);
    }

    private Prepared prepare(long issueId) {
        Issue issue = issues.find(issueId).orElseThrow();
        Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
        return new Prepared(n, renderer.mail(renderer.content(n, issue), false));
    }

    /** A message with a fixed Message-ID, so a copy sent again after a crash carries the same one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /**
     * One recipient's message: multipart/alternative with a plain-text and an HTML part, and the
     * RFC 8058 one-click unsubscribe headers (the URL, plus a mailto for clients that only mail).
     */
    public static MimeMessage build(
            Session session,
            InternetAddress from,
            String to,
            String messageId,
            String subject,
            String text,
            String html,
            String unsubscribeUrl,
            String listId,
            String domain)
            throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, messageId);
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        m.setContent(new MimeMultipart("alternative", encoded("text/plain", text), encoded("text/html", html)));
        m.setHeader(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">, <mailto:" + from.getAddress() + "?subject=unsubscribe>");
        m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (listId != null) m.setHeader("List-Id", listId);
        m.saveChanges();
        return m;
    }

    /** A body part already quoted-printable encoded, written out as one block. */
    private static MimeBodyPart encoded(String type, String content) throws MessagingException {
        jakarta.mail.internet.InternetHeaders h = new jakarta.mail.internet.InternetHeaders();
        h.setHeader("Content-Type", type + "; charset=UTF-8");
        h.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return new MimeBodyPart(h, QuotedPrintable.encode(content));
    }

    public InternetAddress from() {
        return from;
    }

    public String domain() {
        return domain;
    }

    public Delivery delivery() {
        return delivery;
    }

    @Override
    public void close() {
        timer.close();
    }
}
