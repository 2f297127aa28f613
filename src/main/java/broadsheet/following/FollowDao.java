package broadsheet.following;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of follows: the {@code follows} table and the authors, topics and sections it points at.
 * Which table each {@link FollowKind} lives in is known here only.
 */
public final class FollowDao {

    private final Jdbi jdbi;

    public FollowDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The table of a kind's things. */
    private static String table(FollowKind kind) {
        return switch (kind) {
            case AUTHOR -> "authors";
            case TOPIC -> "topics";
            case SECTION -> "sections";
        };
    }

    Optional<Followable> find(FollowKind kind, String slug) {
        return jdbi.withHandle(h -> find(h, kind, slug));
    }

    Optional<Followable> find(Handle h, FollowKind kind, String slug) {
        if (slug == null || slug.length() > 200) return Optional.empty();
        return h.createQuery("select id, slug, name from " + table(kind) + " where slug = :s")
                .bind("s", slug)
                .map((rs, ctx) -> new Followable(kind, rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .findOne();
    }

    /** Locks the reader's row until the transaction ends, so their follows change one request at a time. */
    void lockReader(Handle h, long userId) {
        h.createQuery("select id from users where id = :u for update")
                .bind("u", userId)
                .mapTo(Long.class)
                .one();
    }

    /** Adds the follow unless it is there already or the reader follows {@code limit} things; returns whether it was added. */
    boolean add(Handle h, long userId, Followable target, int limit) {
        return h.createQuery("""
                insert into follows (user_id, kind, target_id) select :u, :k, :t
                 where (select count(*) from follows where user_id = :u) < :limit
                on conflict do nothing returning true""")
                .bind("u", userId)
                .bind("k", target.kind())
                .bind("t", target.id())
                .bind("limit", limit)
                .mapTo(Boolean.class)
                .findOne()
                .isPresent();
    }

    boolean follows(Handle h, long userId, Followable target) {
        return h.createQuery(
                        "select exists (select 1 from follows where user_id = :u and kind = :k and target_id = :t)")
                .bind("u", userId)
                .bind("k", target.kind())
                .bind("t", target.id())
                .mapTo(Boolean.class)
                .one();
    }

    void remove(Handle h, long userId, Followable target) {
        h.createUpdate("delete from follows where user_id = :u and kind = :k and target_id = :t")
                .bind("u", userId)
                .bind("k", target.kind())
                .bind("t", target.id())
                .execute();
    }

    /** Everything the reader follows, authors, then topics, then sections, each by name. */
    List<Followable> list(long userId) {
        return jdbi.withHandle(h -> {
            List<Followable> all = new ArrayList<>();
            for (FollowKind k : FollowKind.values()) {
                all.addAll(h.createQuery("select t.id, t.slug, t.name from follows f join " + table(k)
                                + " t on t.id = f.target_id"
                                + " where f.user_id = :u and f.kind = :k order by lower(t.name), t.id")
                        .bind("u", userId)
                        .bind("k", k)
                        .map((rs, ctx) ->
                                new Followable(k, rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                        .list());
            }
            return all;
        });
    }

    /** What the reader follows, as "kind:id" keys. */
    Set<String> followedKeys(long userId) {
        // one row with an array: a row per follow (100 and more) cost JDBI and the driver more than the statement
        String[] keys = jdbi.withHandle(h -> h.createQuery(
                        "select coalesce(array_agg(kind || ':' || target_id), '{}') from follows where user_id = :u")
                .bind("u", userId)
                .mapTo(String[].class)
                .one());
        return new HashSet<>(Arrays.asList(keys));
    }

    /** The authors, topics and sections named by "kind:id" keys, in one query, keyed the same way. */
    Map<String, Followable> byKeys(List<String> keys) {
        Map<String, Followable> out = new LinkedHashMap<>();
        Map<FollowKind, List<Long>> ids = new LinkedHashMap<>();
        for (String k : keys) {
            int colon = k.indexOf(':');
            FollowKind.of(k.substring(0, colon))
                    .ifPresent(kind -> ids.computeIfAbsent(kind, x -> new ArrayList<>())
                            .add(Long.parseLong(k.substring(colon + 1))));
        }
        if (ids.isEmpty()) return out;
        List<String> parts = new ArrayList<>();
        for (FollowKind kind : ids.keySet()) {
            parts.add("select '" + kind.key() + "' as kind, id, slug, name from " + table(kind) + " where id = any(:"
                    + kind.key() + ")");
        }
        jdbi.useHandle(h -> {
            var q = h.createQuery(String.join(" union all ", parts));
            ids.forEach((kind, list) -> q.bind(kind.key(), list.toArray(Long[]::new)));
            q.map((rs, ctx) -> new Followable(
                            FollowKind.of(rs.getString("kind")).orElseThrow(),
                            rs.getLong("id"),
                            rs.getString("slug"),
                            rs.getString("name")))
                    .forEach(fo -> out.put(fo.kind().key() + ":" + fo.id(), fo));
        });
        return out;
    }
}
