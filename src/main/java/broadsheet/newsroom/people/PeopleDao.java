package broadsheet.newsroom.people;

import broadsheet.db.Cursor;
import broadsheet.newsroom.people.People.Person;
import broadsheet.web.Role;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of the people desk: accounts with their roles and live sessions, each inside the caller's handle. */
final class PeopleDao {
    private PeopleDao() {}

    /** Newest accounts first, after the cursor; {@code query} matches address or name, {@code role} narrows when given. */
    static List<Person> list(Handle h, String query, Role role, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select u.id, u.email, u.display_name, u.role, u.email_confirmed_at, u.created_at,
                       (select count(*) from sessions s where s.user_id = u.id and s.expires_at > now()) as sessions
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
        return h.createQuery(sql.toString())
                .bindMap(params)
                .bind("at", Timestamp.from(after.at()))
                .bind("id", after.id())
                .bind("limit", limit)
                .map((rs, c) -> new Person(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.of(rs.getString("role")),
                        rs.getTimestamp("email_confirmed_at") == null
                                ? null
                                : rs.getTimestamp("email_confirmed_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("sessions")))
                .list();
    }

    /** Locks every admin's row and returns their ids, so that two admins cannot demote each other at once. */
    static List<Long> lockAdmins(Handle h) {
        return h.createQuery("select id from users where role = :admin order by id for update")
                .bind("admin", Role.ADMIN.dbValue())
                .mapTo(Long.class)
                .list();
    }

    /** The account's address and role, locking its row. */
    static Optional<Map.Entry<String, Role>> lockAccount(Handle h, long id) {
        return h.createQuery("select email, role from users where id = :id for update")
                .bind("id", id)
                .map((rs, c) -> Map.entry(rs.getString("email"), Role.of(rs.getString("role"))))
                .findOne();
    }

    static void setRole(Handle h, long id, Role role) {
        h.createUpdate("update users set role = :r, updated_at = now() where id = :id")
                .bind("r", role.dbValue())
                .bind("id", id)
                .execute();
    }

    static Optional<String> email(Handle h, long id) {
        return h.createQuery("select email from users where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    /** Ends every session of the account; returns how many there were. */
    static int endSessions(Handle h, long id) {
        return h.createUpdate("delete from sessions where user_id = :id")
                .bind("id", id)
                .execute();
    }
}
