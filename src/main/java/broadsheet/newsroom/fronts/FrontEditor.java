package broadsheet.newsroom.fronts;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.fronts.FrontLayout;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            return NewsroomPaths.front(key);
        }

        public String publicPath() {
            return sectionId == null ? Paths.home() : Paths.section(key.substring("section:".length()));
        }
    }

    public record Summary(Ref ref, int count) {}

    public record Item(long articleId, String headline, String sectionName, String status, Instant publishedAt) {
        public boolean published() {
            return status.equals(ArticleStatus.PUBLISHED.dbValue());
        }
    }

    public record Front(Ref ref, int version, FrontLayout layout, List<Item> items) {}

    /** A story marked breaking, until {@code expiresAt} (null: until an editor removes it). */
    public record Breaking(long articleId, String headline, String sectionName, Instant expiresAt) {}

    public record Candidate(long articleId, String headline, String sectionName, Instant publishedAt) {}

    private final Jdbi jdbi;

    public FrontEditor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The home front, then one front per section in navigation order. */
    public List<Summary> all() {
        return jdbi.withHandle(h -> {
            Map<String, Integer> counts = FrontDao.counts(h);
            List<Summary> all = new ArrayList<>();
            all.add(new Summary(HOME, counts.getOrDefault("home", 0)));
            FrontDao.sectionFronts(h).forEach(r -> all.add(new Summary(r, counts.getOrDefault(r.key(), 0))));
            return all;
        });
    }

    public Optional<Front> load(String key) {
        return jdbi.withHandle(h -> ref(h, key, false)
                .map(r -> new Front(
                        r,
                        FrontDao.version(h, key).orElse(0),
                        FrontDao.layout(h, key).orElse(FrontLayout.LEAD_PLUS_FOUR),
                        FrontDao.items(h, key))));
    }

    /** Published articles whose headline contains the words typed, newest first, leaving out those already on the front. */
    public List<Candidate> search(String key, String query, int limit) {
        String q = query == null ? "" : query.strip();
        return jdbi.withHandle(h -> FrontDao.candidates(h, key, q, limit));
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
            Optional<ArticleStatus> status = FrontDao.articleStatus(h, articleId);
            if (status.isEmpty()) throw new Refused(422, "There is no such article.");
            if (status.get() != ArticleStatus.PUBLISHED) {
                throw new Refused(
                        422,
                        "Only published articles can go on a front; this one is "
                                + status.get().dbValue() + ".");
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
            int current = FrontDao.version(h, key).orElseThrow();
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

    /** Lays the front out in this layout from now on. Returns the front's new version. */
    public int layout(User editor, String key, FrontLayout layout) {
        return jdbi.inTransaction(h -> {
            Ref ref = ref(h, key, true).orElseThrow(() -> new Refused(404, "There is no front called " + key + "."));
            int version = FrontDao.lockVersion(h, key) + 1;
            FrontDao.setLayout(h, key, layout, version);
            Audit.record(
                    h, editor, "curated front", "front", ref.sectionId(), ref.name() + ": layout " + layout.label());
            ContentChanges.announce(h);
            return version;
        });
    }

    /** Live breaking stories, newest mark first. */
    public List<Breaking> breaking() {
        return jdbi.withHandle(FrontDao::breaking);
    }

    /** The newest published articles, for choosing one to mark breaking. */
    public List<Candidate> newest(int limit) {
        return jdbi.withHandle(h -> FrontDao.newest(h, limit));
    }

    /**
     * Marks a published story breaking for this long (null: until an editor removes it): a banner above
     * the home page and its section's front. Marking it again sets a new end.
     */
    public void markBreaking(User editor, long articleId, java.time.Duration howLong) {
        jdbi.useTransaction(h -> {
            Optional<ArticleStatus> status = FrontDao.articleStatus(h, articleId);
            if (status.isEmpty()) throw new Refused(422, "There is no such article.");
            if (status.get() != ArticleStatus.PUBLISHED)
                throw new Refused(422, "Only a published article can be breaking news.");
            Instant until = howLong == null ? null : Instant.now().plus(howLong);
            FrontDao.markBreaking(h, articleId, until, editor.id());
            Audit.record(
                    h,
                    editor,
                    "marked breaking",
                    "article",
                    articleId,
                    "“" + headline(h, articleId) + "” "
                            + (howLong == null ? "until removed" : "for " + howLong.toMinutes() + " minutes"));
            ContentChanges.announce(h);
        });
    }

    public void endBreaking(User editor, long articleId) {
        jdbi.useTransaction(h -> {
            if (!FrontDao.endBreaking(h, articleId))
                throw new Refused(409, "That story is no longer breaking; someone may have removed it.");
            Audit.record(h, editor, "ended breaking", "article", articleId, "“" + headline(h, articleId) + "”");
            ContentChanges.announce(h);
        });
    }

    private interface Edit {
        /** Changes {@code ids} in place; returns what was done, for the audit log. */
        String apply(Handle h, List<Long> ids);
    }

    private int change(User editor, String key, Edit edit) {
        return jdbi.inTransaction(h -> {
            Ref ref = ref(h, key, true).orElseThrow(() -> new Refused(404, "There is no front called " + key + "."));
            int version = FrontDao.lockVersion(h, key);
            // read only after the lock: under READ COMMITTED this sees whatever the previous writer committed
            List<Long> ids = new ArrayList<>(FrontDao.articleIds(h, key));
            String what = edit.apply(h, ids);
            FrontDao.replace(h, key, ids, version + 1);
            Audit.record(h, editor, "curated front", "front", ref.sectionId(), ref.name() + ": " + what);
            ContentChanges.announce(h);
            return version + 1;
        });
    }

    static final Ref HOME = new Ref("home", "Home page", null);

    static Ref section(long id, String slug, String name) {
        return new Ref("section:" + slug, name + " section", id);
    }

    /**
     * Resolves a front's key. When locking, a section front holds a share lock on its section
     * until the change commits, so a slug change (which moves the front's rows) waits for it.
     */
    private static Optional<Ref> ref(Handle h, String key, boolean lock) {
        if (key.equals("home")) return Optional.of(HOME);
        if (!key.startsWith("section:")) return Optional.empty();
        return FrontDao.sectionFront(h, key.substring("section:".length()), lock);
    }

    private static int indexOn(List<Long> ids, long articleId) {
        int i = ids.indexOf(articleId);
        if (i < 0) throw new Refused(409, "That article is no longer on this front; someone may have removed it.");
        return i;
    }

    private static String headline(Handle h, long id) {
        return FrontDao.headline(h, id);
    }
}
