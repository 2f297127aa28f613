package broadsheet.contentapi;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code api_keys} table: integrations' keys, kept as hashes. */
public final class ApiKeyDao {

    /** A key as the newsroom lists it and the API checks it (never the key itself). */
    public record ApiKey(
            long id,
            String name,
            String prefix,
            boolean lockedText,
            int perMinute,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    private static final String COLUMNS =
            "select id, name, key_prefix, locked_text, per_minute, created_at, last_used_at, revoked_at from api_keys";

    private final Jdbi jdbi;

    public ApiKeyDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long create(User by, String name, String hash, String prefix, boolean lockedText, int perMinute) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                    insert into api_keys (name, key_hash, key_prefix, locked_text, per_minute, created_by)
                    values (:name, :hash, :prefix, :locked, :perMinute, :by) returning id""")
                    .bind("name", name)
                    .bind("hash", hash)
                    .bind("prefix", prefix)
                    .bind("locked", lockedText)
                    .bind("perMinute", perMinute)
                    .bind("by", by.id())
                    .mapTo(Long.class)
                    .one();
            Audit.record(
                    h,
                    by,
                    "created an API key",
                    "api_key",
                    id,
                    name + (lockedText ? " (reads locked articles)" : "") + ", " + perMinute + " requests a minute");
            return id;
        });
    }

    /** Revokes a key; false when there is no such key or it was revoked already. */
    public boolean revoke(User by, long id) {
        return jdbi.inTransaction(h -> {
            Optional<String> name = h.createQuery(
                            "update api_keys set revoked_at = now() where id = :id and revoked_at is null returning name")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne();
            name.ifPresent(n -> Audit.record(h, by, "revoked an API key", "api_key", id, n));
            return name.isPresent();
        });
    }

    public List<ApiKey> all() {
        return jdbi.withHandle(
                h -> h.createQuery(COLUMNS + " order by revoked_at is not null, created_at desc, id desc")
                        .map((rs, ctx) -> key(rs))
                        .list());
    }

    /** The unrevoked key with this hash. */
    public Optional<ApiKey> active(String hash) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " where key_hash = :hash and revoked_at is null")
                .bind("hash", hash)
                .map((rs, ctx) -> key(rs))
                .findOne());
    }

    /** Notes that a key was used (callers do this at most once a minute per key). */
    public void used(long id) {
        jdbi.useHandle(h -> h.createUpdate("update api_keys set last_used_at = now() where id = :id")
                .bind("id", id)
                .execute());
    }

    /**
     * Adds nodes' counts to their keys' minutes (minutes since the epoch by the database's clock) in one
     * statement, in key order (so two nodes adding at once never deadlock), and reads back each minute's total
     * for every node together, with the database's clock.
     */
    public RateCounter.Totals add(long[] keys, long[] minutes, int[] counts) {
        record Total(long key, long minute, int requests, long nowMillis) {}
        List<Total> rows = jdbi.withHandle(h -> h.createQuery("""
                        with added as (
                            insert into api_rate_windows as w (key_id, minute, requests)
                            select k, m, c from unnest(:keys, :minutes, :counts) as u(k, m, c) order by k, m
                            on conflict (key_id, minute) do update set requests = w.requests + excluded.requests
                            returning key_id, minute, requests)
                        select a.key_id, a.minute, a.requests, c.now_ms
                          from (select (extract(epoch from clock_timestamp()) * 1000)::bigint as now_ms) c
                          left join added a on true""")
                .bind("keys", keys)
                .bind("minutes", minutes)
                .bind("counts", counts)
                .map((rs, ctx) -> new Total(
                        rs.getLong("key_id"), rs.getLong("minute"), rs.getInt("requests"), rs.getLong("now_ms")))
                .list());
        int[] totals = new int[keys.length];
        for (Total t : rows)
            for (int i = 0; i < keys.length; i++)
                if (keys[i] == t.key() && minutes[i] == t.minute()) totals[i] = t.requests();
        return new RateCounter.Totals(totals, rows.get(0).nowMillis());
    }

    /** Forgets the counts of minutes before the last two; returns how many were removed. */
    public int pruneWindows() {
        return jdbi.withHandle(h -> h.createUpdate("""
                        delete from api_rate_windows
                         where minute < floor(extract(epoch from clock_timestamp()) / 60)::bigint - 2""").execute());
    }

    private static ApiKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getBoolean("locked_text"),
                rs.getInt("per_minute"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
