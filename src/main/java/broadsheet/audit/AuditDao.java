package broadsheet.audit;

import org.jdbi.v3.core.Handle;

/** The audit log's one write, inside the transaction of the change it records. */
final class AuditDao {
    private AuditDao() {}

    /** @param actorId null for the system; {@code actorLabel} names the actor as the log shows it */
    static void insert(
            Handle h,
            Long actorId,
            String actorLabel,
            String action,
            String subjectType,
            Long subjectId,
            String detail) {
        h.createUpdate("""
                insert into audit_log (actor_id, actor_label, action, subject_type, subject_id, detail)
                values (:actor, :label, :action, :type, :id, :detail)""")
                .bind("actor", actorId)
                .bind("label", actorLabel)
                .bind("action", action)
                .bind("type", subjectType)
                .bind("id", subjectId)
                .bind("detail", detail)
                .execute();
    }
}
