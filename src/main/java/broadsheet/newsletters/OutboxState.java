package broadsheet.newsletters;

import broadsheet.db.DbValue;

/** Where one recipient of an issue is: waiting, claimed by a sender, sent, refused, or skipped (suppressed or gone). */
public enum OutboxState implements DbValue {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    SUPPRESSED
}
