package broadsheet.following;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A reader's follows: the rules (exists, not twice, at most {@link #LIMIT}) and their storage. */
public final class Follows {

    public static final int LIMIT = 1000;

    public enum Result {
        FOLLOWED,
        ALREADY,
        NOT_FOUND,
        LIMIT_REACHED
    }

    public record Outcome(Result result, Followable target) {}

    private final Jdbi jdbi;
    private final java.util.function.LongConsumer changed;

    /** @param changed told the reader's id after their follows changed (suggestions forget theirs) */
    public Follows(Jdbi jdbi, java.util.function.LongConsumer changed) {
        this.jdbi = jdbi;
        this.changed = changed;
    }

    public Optional<Followable> find(FollowKind kind, String slug) {
        return jdbi.withHandle(h -> find(h, kind, slug));
    }

    static Optional<Followable> find(Handle h, FollowKind kind, String slug) {
        if (slug == null || slug.length() > 200) return Optional.empty();
        return h.createQuery("select id, slug, name from " + kind.table() + " where slug = :s")
                .bind("s", slug)
                .map((rs, ctx) -> new Followable(kind, rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne();
    }

    /**
     * Follows, in one transaction: the user's row is locked first so two requests at once cannot
     * both pass the limit; following again changes nothing.
     */
    public Outcome follow(long userId, FollowKind kind, String slug) {
        Outcome o = jdbi.inTransaction(h -> {
            Optional<Followable> target = find(h, kind, slug);
            if (target.isEmpty()) return new Outcome(Result.NOT_FOUND, null);
            h.createQuery("select id from users where id = :u for update")
                    .bind("u", userId)
                    .mapTo(Long.class)
                    .one();
            boolean inserted = h.createQuery("""
                    insert into follows (user_id, kind, target_id) select :u, :k, :t
                     where (select count(*) from follows where user_id = :u) < :limit
                    on conflict do nothing returning true""")
                    .bind("u", userId)
                    .bind("k", kind.key())
                    .bind("t", target.get().id())
                    .bind("limit", LIMIT)
                    .mapTo(Boolean.class)
                    .findOne()
                    .isPresent();
            if (!inserted) {
                boolean already = h.createQuery(
                                "select exists (select 1 from follows where user_id = :u and kind = :k and target_id = :t)")
                        .bind("u", userId)
                        .bind("k", kind.key())
                        .bind("t", target.get().id())
                        .mapTo(Boolean.class)
                        .one();
                return new Outcome(already ? Result.ALREADY : Result.LIMIT_REACHED, target.get());
            }
            return new Outcome(Result.FOLLOWED, target.get());
        });
        if (o.result() == Result.FOLLOWED) changed.accept(userId);
        return o;
    }

    /** Stops following; unfollowing what one does not follow is harmless. Empty when the target does not exist. */
    public Optional<Followable> unfollow(long userId, FollowKind kind, String slug) {
        Optional<Followable> gone = jdbi.inTransaction(h -> {
            Optional<Followable> target = find(h, kind, slug);
            target.ifPresent(
                    t -> h.createUpdate("delete from follows where user_id = :u and kind = :k and target_id = :t")
                            .bind("u", userId)
                            .bind("k", kind.key())
                            .bind("t", t.id())
                            .execute());
            return target;
        });
        if (gone.isPresent()) changed.accept(userId);
        return gone;
    }

    /** Everything the reader follows, authors, then topics, then sections, each by name. */
    public List<Followable> list(long userId) {
        return jdbi.withHandle(h -> list(h, userId));
    }

    static List<Followable> list(Handle h, long userId) {
        List<Followable> all = new ArrayList<>();
        for (FollowKind k : FollowKind.values()) {
            all.addAll(h.createQuery(
                            "select t.id, t.slug, t.name from follows f join " + k.table() + " t on t.id = f.target_id"
                                    + " where f.user_id = :u and f.kind = :k order by lower(t.name), t.id")
                    .bind("u", userId)
                    .bind("k", k.key())
                    .map((rs, ctx) -> new Followable(k, rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list());
        }
        return all;
    }

    /** The authors, topics and sections named by "kind:id" keys, in one query, keyed the same way. */
    static Map<String, Followable> byKeys(Handle h, List<String> keys) {
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
            parts.add("select '" + kind.key() + "' as kind, id, slug, name from " + kind.table() + " where id = any(:"
                    + kind.key() + ")");
        }
        var q = h.createQuery(String.join(" union all ", parts));
        ids.forEach((kind, list) -> q.bind(kind.key(), list.toArray(Long[]::new)));
        q.map((rs, ctx) -> new Followable(
                        FollowKind.of(rs.getString(1)).orElseThrow(), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .forEach(fo -> out.put(fo.kind().key() + ":" + fo.id(), fo));
        return out;
    }
}
