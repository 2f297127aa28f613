package broadsheet.newsletters;

import broadsheet.mail.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of claimed recipients sent over one connection, and what became of each: sent, refused
 * by the server (failed for good), or left for another pass because the server went away.
 */
final class OutboxBatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBatch.class);

    /** Builds (and signs) one recipient's message. */
    interface Messages {
        MimeMessage of(OutboxDao.Claimed row) throws MessagingException;
    }

    final List<Long> sent = new ArrayList<>();
    final Map<Long, String> failed = new LinkedHashMap<>();
    final List<Long> retry = new ArrayList<>();
    /** Rows whose lease this batch lost (another node sends them): neither sent nor marked here. */
    final List<Long> letGo = new ArrayList<>();
    /** Rows not tried because the node is stopping: given back for another node to send at once. */
    final List<Long> released = new ArrayList<>();

    String retryReason = "";
    boolean serverFailed;

    private OutboxBatch() {}

    static OutboxBatch send(
            MailTransport transport,
            List<OutboxDao.Claimed> rows,
            ClaimLease lease,
            java.util.function.BooleanSupplier stopping,
            Messages messages) {
        OutboxBatch r = new OutboxBatch();
        int i = 0;
        try (MailTransport.Connection c = transport.open()) {
            for (; i < rows.size(); i++) {
                OutboxDao.Claimed row = rows.get(i);
                if (stopping.getAsBoolean()) {
                    for (; i < rows.size(); i++) r.released.add(rows.get(i).id());
                    break;
                }
                if (!lease.holds(row.id())) {
                    r.letGo.add(row.id());
                    continue;
                }
                MimeMessage m;
                try {
                    m = messages.of(row);
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

    /** Records the outcome in the caller's transaction, on the rows the batch's token still holds. */
    void mark(Handle h, java.util.UUID token, int maxAttempts) {
        OutboxDao.markSent(h, token, sent);
        OutboxDao.markFailed(h, token, failed);
        OutboxDao.markRetry(h, token, retry, retryReason, maxAttempts);
        OutboxDao.release(h, token, released);
    }
}
