package broadsheet.newsroom.people;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.Cursor;
import broadsheet.web.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
        StringBuilder sql = new StringBuilder("""
                select u.id, u.email, u.display_name, u.role, u.email_confirmed_at, u.created_at,
                       (select count(*) from sessions s where s.user_id = u.id and s.expires_at > now())
                  from users u
                 where (u.created_at, u.id) < (:at, :id)""");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            // a plain substring test: nothing typed is taken as a pattern
            sql.append(" and (strpos(u.email, lower(:q)) > 0 or strpos(lower(u.display_name), lower(:q)) > 0)");
            params.put("q", query.strip());
        }
        if (role != null) {
            sql.append(" and u.role = :role");
            params.put("role", role.dbValue());
        }
        sql.append(" order by u.created_at desc, u.id desc limit :limit");
        return jdbi.withHandle(h -> h.createQuery(sql.toString())
                .bindMap(params)
                .bind("at", Timestamp.from(after.at()))
                .bind("id", after.id())
                .bind("limit", limit)
                .map((rs, c) -> new Person(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.of(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getInt(7)))
                .list());
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
            List<Long> admins = h.createQuery("select id from users where role = 'admin' order by id for update")
                    .mapTo(Long.class)
                    .list();
            Optional<Map.Entry<String, Role>> found = h.createQuery(
                            "select email, role from users where id = :id for update")
                    .bind("id", id)
                    .map((rs, c) -> Map.entry(rs.getString(1), Role.of(rs.getString(2))))
                    .findOne();
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
            h.createUpdate("update users set role = :r, updated_at = now() where id = :id")
                    .bind("r", role.dbValue())
                    .bind("id", id)
                    .execute();
            Audit.record(h, admin, "changed role", "user", id, email + ": " + was.dbValue() + " → " + role.dbValue());
            return email;
        });
    }

    /** Ends every session of the account, on every device. Returns how many there were. */
    public int signOutEverywhere(User admin, long id) {
        return jdbi.inTransaction(h -> {
            String email = h.createQuery("select email from users where id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne()
                    .orElseThrow(() -> new Refused(404, "There is no such account."));
            int n = h.execute("delete from sessions where user_id = ?", id);
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
