package broadsheet.newsroom.fronts;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.web.Paths;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of curating a front: which fronts exist, what an editor may put on one, and how a
 * change is written. Every change is one transaction that first locks the front's row in
 * {@code front_versions} (so two editors changing one front take turns and positions stay
 * 0..n-1), then rewrites every position, bumps the front's version, audits and announces.
 */
public final class FrontEditor {

    /** The most articles one front may hold; the home page shows all that are chosen. */
    static final int MAX_ITEMS = 50;

    /** A change an editor asked for that cannot be made; nothing was written. */
    public static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** "home", or "section:politics" with the section's id. */
    public record Ref(String key, String name, Long sectionId) {
        public String path() {
            return Paths.front(key);
        }

        public String publicPath() {
            return sectionId == null ? Paths.home() : Paths.section(key.substring("section:".length()));
        }
    }

    public record Summary(Ref ref, int count) {}

    public record Item(long articleId, String headline, String sectionName, String status, Instant publishedAt) {
        public boolean published() {
            return status.equals("published");
        }
    }

    public record Front(Ref ref, int version, List<Item> items) {}

    public record Candidate(long articleId, String headline, String sectionName, Instant publishedAt) {}

    private final Jdbi jdbi;

    public FrontEditor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The home front, then one front per section in navigation order. */
    public List<Summary> all() {
        return jdbi.withHandle(h -> {
            Map<String, Integer> counts = h
                    .createQuery("select front, count(*) from front_items group by front")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<Summary> all = new ArrayList<>();
            all.add(new Summary(HOME, counts.getOrDefault("home", 0)));
            h.createQuery("select id, slug, name from sections order by position, name")
                    .map((rs, c) -> section(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list()
                    .forEach(r -> all.add(new Summary(r, counts.getOrDefault(r.key(), 0))));
            return all;
        });
    }

    public Optional<Front> load(String key) {
        return jdbi.withHandle(h -> ref(h, key, false)
                .map(r -> new Front(
                        r,
                        h.createQuery("select version from front_versions where front = :f")
                                .bind("f", key)
                                .mapTo(Integer.class)
                                .findOne()
                                .orElse(0),
                        h.createQuery("""
                        select a.id, a.headline, s.name, a.status, a.published_at
                          from front_items f join articles a on a.id = f.article_id join sections s on s.id = a.section_id
                         where f.front = :f order by f.position""")
                                .bind("f", key)
                                .map((rs, c) -> new Item(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        ts(rs.getTimestamp(5))))
                                .list())));
    }

    /** Published articles whose headline contains the words typed, newest first, leaving out those already on the front. */
    public List<Candidate> search(String key, String query, int limit) {
        String q = query == null ? "" : query.strip();
        return jdbi.withHandle(h -> h.createQuery("""
                select a.id, a.headline, s.name, a.published_at
                  from articles a join sections s on s.id = a.section_id
                 where a.status = 'published' and strpos(lower(a.headline), lower(:q)) > 0
                   and not exists (select 1 from front_items f where f.front = :f and f.article_id = a.id)
                 order by a.published_at desc, a.id desc limit :limit""")
                .bind("q", q)
                .bind("f", key)
                .bind("limit", limit)
                .map((rs, c) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), ts(rs.getTimestamp(4))))
                .list());
    }

    /** Moves one article a place up (toward the top) or down. Returns the front's new version. */
    public int move(User editor, String key, long articleId, boolean up) {
        return change(editor, key, (h, ids) -> {
            int i = indexOn(ids, articleId);
            int j = up ? i - 1 : i + 1;
            if (j < 0) throw new Refused(422, "That article is already at the top of the front.");
            if (j >= ids.size()) throw new Refused(422, "That article is already at the bottom of the front.");
            ids.set(i, ids.get(j));
            ids.set(j, articleId);
            return "moved “" + headline(h, articleId) + "” " + (up ? "up" : "down") + " to place " + (j + 1);
        });
    }

    public int remove(User editor, String key, long articleId) {
        return change(editor, key, (h, ids) -> {
            ids.remove(indexOn(ids, articleId));
            return "removed “" + headline(h, articleId) + "”";
        });
    }

    public int add(User editor, String key, long articleId, boolean atTop) {
        return change(editor, key, (h, ids) -> {
            Optional<String> status = h.createQuery("select status from articles where id = :id")
                    .bind("id", articleId)
                    .mapTo(String.class)
                    .findOne();
            if (status.isEmpty()) throw new Refused(422, "There is no such article.");
            if (!status.get().equals("published")) {
                throw new Refused(422, "Only published articles can go on a front; this one is " + status.get() + ".");
            }
            if (ids.contains(articleId)) throw new Refused(422, "That article is already on this front.");
            if (ids.size() >= MAX_ITEMS) {
                throw new Refused(
                        422, "A front holds at most " + MAX_ITEMS + " articles. Remove one before adding another.");
            }
            ids.add(atTop ? 0 : ids.size(), articleId);
            return "added “" + headline(h, articleId) + "” at the " + (atTop ? "top" : "bottom");
        });
    }

    /**
     * Puts the front in exactly this order (the drag-and-drop page sends the whole list). The
     * page names the version it was drawn from: if the front changed since, the order would undo
     * someone else's work, so it is refused and the editor reloads.
     */
    public int reorder(User editor, String key, List<Long> order, int version) {
        if (new HashSet<>(order).size() != order.size())
            throw new Refused(422, "The new order lists an article twice.");
        return change(editor, key, (h, ids) -> {
            int current = h.createQuery("select version from front_versions where front = :f")
                    .bind("f", key)
                    .mapTo(Integer.class)
                    .one();
            if (current != version || !new HashSet<>(ids).equals(new HashSet<>(order))) {
                throw new Refused(
                        409,
                        "Someone else changed this front while you were arranging it. "
                                + "Reload the page to see their changes, then arrange it again.");
            }
            ids.clear();
            ids.addAll(order);
            return "put in a new order";
        });
    }

    private interface Edit {
        /** Changes {@code ids} in place; returns what was done, for the audit log. */
        String apply(Handle h, List<Long> ids);
    }

    private int change(User editor, String key, Edit edit) {
        return jdbi.inTransaction(h -> {
            Ref ref = ref(h, key, true).orElseThrow(() -> new Refused(404, "There is no front called " + key + "."));
            h.createUpdate("insert into front_versions (front) values (:f) on conflict do nothing")
                    .bind("f", key)
                    .execute();
            int version = h.createQuery("select version from front_versions where front = :f for update")
                    .bind("f", key)
                    .mapTo(Integer.class)
                    .one();
            // read only after the lock: under READ COMMITTED this sees whatever the previous writer committed
            List<Long> ids = new ArrayList<>(
                    h.createQuery("select article_id from front_items where front = :f order by position")
                            .bind("f", key)
                            .mapTo(Long.class)
                            .list());
            String what = edit.apply(h, ids);
            h.createUpdate("delete from front_items where front = :f")
                    .bind("f", key)
                    .execute();
            var batch = h.prepareBatch("insert into front_items (front, position, article_id) values (:f, :p, :a)");
            for (int i = 0; i < ids.size(); i++)
                batch.bind("f", key).bind("p", i).bind("a", ids.get(i)).add();
            if (!ids.isEmpty()) batch.execute();
            h.createUpdate("update front_versions set version = :v where front = :f")
                    .bind("v", version + 1)
                    .bind("f", key)
                    .execute();
            Audit.record(h, editor, "curated front", "front", ref.sectionId(), ref.name() + ": " + what);
            ContentChanges.announce(h);
            return version + 1;
        });
    }

    static final Ref HOME = new Ref("home", "Home page", null);

    private static Ref section(long id, String slug, String name) {
        return new Ref("section:" + slug, name + " section", id);
    }

    /**
     * Resolves a front's key. When locking, a section front holds a share lock on its section
     * until the change commits, so a slug change (which moves the front's rows) waits for it.
     */
    private static Optional<Ref> ref(Handle h, String key, boolean lock) {
        if (key.equals("home")) return Optional.of(HOME);
        if (!key.startsWith("section:")) return Optional.empty();
        return h.createQuery("select id, slug, name from sections where slug = :s" + (lock ? " for share" : ""))
                .bind("s", key.substring("section:".length()))
                .map((rs, c) -> section(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne();
    }

    private static int indexOn(List<Long> ids, long articleId) {
        int i = ids.indexOf(articleId);
        if (i < 0) throw new Refused(409, "That article is no longer on this front; someone may have removed it.");
        return i;
    }

    private static String headline(Handle h, long id) {
        return h.createQuery("select headline from articles where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
