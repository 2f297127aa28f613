package broadsheet.newsletters;

import broadsheet.accounts.AccountService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Addresses never to mail again: bounces and complaints fed back from the mail provider (by the
 * {@code suppress} command or the newsroom page), or added by hand. The sender checks the list
 * when the send starts and again just before each message.
 */
public final class Suppressions {

    public static final List<String> REASONS = List.of("bounce", "complaint", "manual");

    public record Entry(String email, String reason, String detail, Instant at) {}

    /** What adding a list did: how many were new, and the lines that are not addresses. */
    public record Added(int added, int already, List<String> rejected) {}

    private final Jdbi jdbi;

    public Suppressions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Added add(Collection<String> emails, String reason, String detail) {
        if (!REASONS.contains(reason))
            throw new IllegalArgumentException("reason must be bounce, complaint or manual, not " + reason);
        List<String> rejected = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        for (String raw : emails) {
            String e = Signups.normalize(raw);
            if (e.isEmpty()) continue;
            if (AccountService.emailProblem(e) != null) rejected.add(raw.strip());
            else ok.add(e);
        }
        int added = jdbi.inTransaction(h -> {
            int n = 0;
            for (String e : ok) {
                n += h.createUpdate(
                                "insert into mail_suppressions (email, reason, detail) values (:e, :r, :d) on conflict (email) do nothing")
                        .bind("e", e)
                        .bind("r", reason)
                        .bind("d", detail == null ? "" : detail)
                        .execute();
            }
            return n;
        });
        return new Added(added, ok.size() - added, rejected);
    }

    public boolean remove(String email) {
        return jdbi.withHandle(
                        h -> h.execute("delete from mail_suppressions where email = ?", Signups.normalize(email)))
                > 0;
    }

    public List<Entry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select email, reason, detail, created_at from mail_suppressions order by created_at desc, email limit :l")
                .bind("l", limit)
                .map((rs, ctx) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from mail_suppressions")
                .mapTo(Integer.class)
                .one());
    }
}
