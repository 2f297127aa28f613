package broadsheet.adminapi;

import broadsheet.accounts.User;
import broadsheet.accounts.UserDao;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of staff tokens ({@code staff_tokens}), each inside the caller's handle. Only hashes are stored. */
final class StaffTokenDao {
    private StaffTokenDao() {}

    /** A live token's id and the person it acts for, as they are now. */
    record Holder(long tokenId, User user) {}

    static long insert(Handle h, long userId, String name, String hash) {
        return h.createQuery("insert into staff_tokens (user_id, name, hash) values (:u, :n, :h) returning id")
                .bind("u", userId)
                .bind("n", name)
                .bind("h", hash)
                .mapTo(Long.class)
                .one();
    }

    /** The live token with this hash and its person; marks it used (at most once a minute, to spare the row). */
    static Optional<Holder> use(Handle h, String hash) {
        Optional<Long> id = h.createQuery("""
                update staff_tokens set last_used_at = now()
                 where hash = :h and revoked_at is null
                   and (last_used_at is null or last_used_at < now() - interval '1 minute')
                returning id""").bind("h", hash).mapTo(Long.class).findOne();
        if (id.isEmpty())
            id = h.createQuery("select id from staff_tokens where hash = :h and revoked_at is null")
                    .bind("h", hash)
                    .mapTo(Long.class)
                    .findOne();
        return id.map(tokenId -> new Holder(
                tokenId,
                h.createQuery(UserDao.COLUMNS + " where id = (select user_id from staff_tokens where id = :t)")
                        .bind("t", tokenId)
                        .map(UserDao.ROW_MAPPER)
                        .one()));
    }

    private static final String SELECT = """
            select t.id, t.user_id, t.name, t.created_at, t.last_used_at, t.revoked_at,
                   case when u.display_name = '' then u.email else u.display_name || ' <' || u.email || '>' end as owner
              from staff_tokens t join users u on u.id = t.user_id""";

    /** Live tokens first, then newest first: one person's, or everyone's when {@code userId} is null. */
    static List<StaffToken> list(Handle h, Long userId, int limit) {
        return h.createQuery(SELECT + """

                 where (cast(:u as bigint) is null or t.user_id = :u)
                 order by t.revoked_at is not null, t.created_at desc, t.id desc
                 limit :limit""")
                .bind("u", userId)
                .bind("limit", limit)
                .map((rs, c) -> row(rs))
                .list();
    }

    static Optional<StaffToken> find(Handle h, long id) {
        return h.createQuery(SELECT + " where t.id = :id")
                .bind("id", id)
                .map((rs, c) -> row(rs))
                .findOne();
    }

    private static StaffToken row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StaffToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("owner"),
                rs.getString("name"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    /** Revokes a live token; false when it was already revoked or never existed. */
    static boolean revoke(Handle h, long id) {
        return h.createUpdate("update staff_tokens set revoked_at = now() where id = :id and revoked_at is null")
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
