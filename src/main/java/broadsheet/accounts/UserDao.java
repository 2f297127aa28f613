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
