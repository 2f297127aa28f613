package broadsheet.newsletters;

import org.jdbi.v3.core.Handle;

/**
 * Starting a send: in the caller's transaction, one outbox row per recipient (an address on the
 * suppression list gets a 'suppressed' row, so the record is complete) and the issue moves to
 * 'sending'. A subscribers-only newsletter goes only to accounts that subscribe at that moment.
 */
public final class Outbox {
    private Outbox() {}

    /** Fills the outbox of a locked issue; returns how many recipients it has. */
    public static int fill(Handle h, long issueId) {
        boolean subscribersOnly = OutboxDao.audience(h, issueId).equals("subscribers");
        int rows = OutboxDao.addRecipients(h, issueId, subscribersOnly);
        OutboxDao.markIssueSending(h, issueId);
        return rows;
    }
}
