package broadsheet.newsletters;

import broadsheet.accounts.AccountService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

    private final SuppressionDao dao;

    public Suppressions(SuppressionDao dao) {
        this.dao = dao;
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
        int added = dao.addAll(ok, reason, detail == null ? "" : detail);
        return new Added(added, ok.size() - added, rejected);
    }

    public boolean remove(String email) {
        return dao.remove(Signups.normalize(email));
    }

    public List<Entry> recent(int limit) {
        return dao.recent(limit);
    }

    public int count() {
        return dao.count();
    }
}
