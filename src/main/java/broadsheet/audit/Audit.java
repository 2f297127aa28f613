package broadsheet.audit;

import broadsheet.accounts.User;
import org.jdbi.v3.core.Handle;

/** Writes the audit log, inside the transaction of the change it records. */
public final class Audit {
    private Audit() {}

    /** @param actor who made the change, or null for the system (imports, scheduled jobs, the command line) */
    public static void record(Handle h, User actor, String action, String subjectType, Long subjectId, String detail) {
        AuditDao.insert(
                h,
                actor == null ? null : actor.id(),
                actor == null ? "system" : actor.label(),
                action,
                subjectType,
                subjectId,
                detail == null ? "" : detail);
    }
}
