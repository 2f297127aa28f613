package broadsheet.newsroom.people;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.Cursor;
import broadsheet.web.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The accounts of a paper, as its admins see them: who has which role, and who is signed in where. */
public final class People {

    /** A change an admin asked for that cannot be made; nothing was written. */
    public static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public record Person(
            long id,
            String email,
            String displayName,
            Role role,
            Instant confirmedAt,
            Instant createdAt,
            int sessions) {
        public String label() {
            return displayName.isBlank() ? email : displayName;
        }

        /** For a datetime attribute, which allows at most milliseconds. */
        public static String iso(Instant t) {
            return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        }
    }

    private final Jdbi jdbi;

    public People(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Newest accounts first, after the cursor; {@code query} matches address or name, {@code role} narrows when given. */
    public List<Person> list(String query, Role role, Cursor after, int limit) {
        return jdbi.withHandle(h -> PeopleDao.list(h, query, role, after, limit));
    }

    /**
     * Gives the account a new role. The paper must keep at least one admin: the admin rows are
     * locked first, so two admins demoting each other at once cannot both succeed.
     *
     * @return the account's email address
     */
    public String changeRole(User admin, long id, Role role) {
        if (role == null || role == Role.ANYONE)
            throw new Refused(422, "Choose a role: reader, contributor, editor or admin.");
        return jdbi.inTransaction(h -> {
            List<Long> admins = PeopleDao.lockAdmins(h);
            Optional<Map.Entry<String, Role>> found = PeopleDao.lockAccount(h, id);
            if (found.isEmpty()) throw new Refused(404, "There is no such account.");
            String email = found.get().getKey();
            Role was = found.get().getValue();
            if (was == role) return email;
            if (was == Role.ADMIN && admins.size() <= 1) {
                throw new Refused(
                        422,
                        id == admin.id()
                                ? "You are the last admin: make someone else an admin before you give up your own admin role."
                                : email + " is the last admin: make someone else an admin first.");
            }
            PeopleDao.setRole(h, id, role);
            Audit.record(h, admin, "changed role", "user", id, email + ": " + was.dbValue() + " → " + role.dbValue());
            return email;
        });
    }

    /** Ends every session of the account, on every device. Returns how many there were. */
    public int signOutEverywhere(User admin, long id) {
        return jdbi.inTransaction(h -> {
            String email = PeopleDao.email(h, id).orElseThrow(() -> new Refused(404, "There is no such account."));
            int n = PeopleDao.endSessions(h, id);
            Audit.record(
                    h,
                    admin,
                    "signed out everywhere",
                    "user",
                    id,
                    email + ": " + n + (n == 1 ? " session" : " sessions") + " ended");
            return n;
        });
    }

    /** The roles an admin can give, in rank order. */
    public static List<Role> roles() {
        List<Role> out = new ArrayList<>(List.of(Role.values()));
        out.remove(Role.ANYONE);
        return out;
    }
}
