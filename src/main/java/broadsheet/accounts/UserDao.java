package broadsheet.accounts;

import broadsheet.web.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of accounts: the {@code users} table, and what goes with an account when it changes hands or is deleted. */
public final class UserDao {

    public static final String COLUMNS =
            "select id, email, email_confirmed_at, display_name, role, created_at from users";

    /** Maps a row of {@link #COLUMNS}. */
    public static final org.jdbi.v3.core.mapper.RowMapper<User> ROW_MAPPER = UserDao::map;

    private final Jdbi jdbi;

    public UserDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<User> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " where id = :id")
                .bind("id", id)
                .map(UserDao::map)
                .findOne());
    }

    public Optional<User> byEmail(String email) {
        return jdbi.withHandle(h -> byEmail(h, email));
    }

    static Optional<User> byEmail(Handle h, String email) {
        return h.createQuery(COLUMNS + " where email = :e")
                .bind("e", normalize(email))
                .map(UserDao::map)
                .findOne();
    }

    Optional<String> passwordHash(long id) {
        return jdbi.withHandle(h -> h.createQuery("select password_hash from users where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
    }

    static User byId(Handle h, long id) {
        return h.createQuery(COLUMNS + " where id = :id")
                .bind("id", id)
                .map(UserDao::map)
                .one();
    }

    /** A new reader's account, not yet confirmed; returns its id. */
    static long insert(Handle h, String email, String passwordHash, String displayName) {
        return h.createUpdate("insert into users (email, password_hash, display_name) values (:e, :p, :n)")
                .bind("e", email)
                .bind("p", passwordHash)
                .bind("n", displayName)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Creates a confirmed account with the role, or gives the existing one with that address the role and password. */
    static long saveStaff(Handle h, String email, String passwordHash, String displayName, Role role) {
        return h.createQuery("""
                insert into users (email, password_hash, display_name, role, email_confirmed_at)
                values (:e, :p, :n, :r, now())
                on conflict (email) do update set password_hash = excluded.password_hash, role = excluded.role,
                    display_name = excluded.display_name, updated_at = now()
                returning id""")
                .bind("e", email)
                .bind("p", passwordHash)
                .bind("n", displayName)
                .bind("r", role.dbValue())
                .mapTo(Long.class)
                .one();
    }

    static void confirmEmail(Handle h, long id) {
        h.createUpdate(
                        "update users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = :id")
                .bind("id", id)
                .execute();
    }

    /** Sets the password; {@code confirm}: the address is confirmed too (a reset link reached it). */
    static void setPassword(Handle h, long id, String passwordHash, boolean confirm) {
        h.createUpdate(
                        confirm
                                ? "update users set password_hash = :p, email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = :id"
                                : "update users set password_hash = :p, updated_at = now() where id = :id")
                .bind("p", passwordHash)
                .bind("id", id)
                .execute();
    }

    /** Moves the account to a new, confirmed address. */
    static void changeEmail(Handle h, long id, String email) {
        h.createUpdate("update users set email = :e, email_confirmed_at = now(), updated_at = now() where id = :id")
                .bind("e", email)
                .bind("id", id)
                .execute();
    }

    /** Signs the account out of every browser. */
    static void endSessions(Handle h, long id) {
        h.createUpdate("delete from sessions where user_id = :id")
                .bind("id", id)
                .execute();
    }

    /**
     * Deletes the account (what hangs on it goes with it) and its address from the newsletter lists,
     * which also hold readers without accounts.
     */
    static void delete(Handle h, User user) {
        h.createUpdate("delete from newsletter_subscribers where user_id = :id or email = :e")
                .bind("id", user.id())
                .bind("e", user.email())
                .execute();
        h.createUpdate("delete from users where id = :id").bind("id", user.id()).execute();
    }

    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " order by role desc, email")
                .map(UserDao::map)
                .list());
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("email_confirmed_at");
        return new User(
                rs.getLong("id"),
                rs.getString("email"),
                confirmed == null ? null : confirmed.toInstant(),
                rs.getString("display_name"),
                Role.of(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }
}
