package broadsheet.newsletters;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The suppression list's SQL. */
public final class SuppressionDao {
    private final Jdbi jdbi;

    public SuppressionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds each address not on the list yet, in one transaction; returns how many were new. */
    int addAll(List<String> emails, String reason, String detail) {
        return jdbi.inTransaction(h -> {
            int n = 0;
            for (String e : emails) {
                n += h.createUpdate("""
                        insert into mail_suppressions (email, reason, detail) values (:e, :r, :d)
                        on conflict (email) do nothing""")
                        .bind("e", e)
                        .bind("r", reason)
                        .bind("d", detail)
                        .execute();
            }
            return n;
        });
    }

    boolean remove(String email) {
        return jdbi.withHandle(h -> h.createUpdate("delete from mail_suppressions where email = :e")
                        .bind("e", email)
                        .execute())
                > 0;
    }

    List<Suppressions.Entry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select email, reason, detail, created_at from mail_suppressions
                 order by created_at desc, email limit :l""")
                .bind("l", limit)
                .map((rs, ctx) -> new Suppressions.Entry(
                        rs.getString("email"),
                        rs.getString("reason"),
                        rs.getString("detail"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
    }

    int count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from mail_suppressions")
                .mapTo(Integer.class)
                .one());
    }
}
