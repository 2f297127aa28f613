package broadsheet.audit;

import broadsheet.accounts.User;
import org.jdbi.v3.core.Handle;

/** Writes the audit log, inside the transaction of the change it records. */
public final class Audit {
    private Audit() {}

    public static void record(Handle h, User actor, String action, String subjectType, Long subjectId, String detail) {
        h.createUpdate("""
                insert into audit_log (actor_id, actor_label, action, subject_type, subject_id, detail)
                values (:actor, :label, :action, :type, :id, :detail)""")
                .bind("actor", actor == null ? null : actor.id())
                .bind("label", actor == null ? "system" : actor.label())
                .bind("action", action)
                .bind("type", subjectType)
                .bind("id", subjectId)
                .bind("detail", detail == null ? "" : detail)
                .execute();
    }
}
