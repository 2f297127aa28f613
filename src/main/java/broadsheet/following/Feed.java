package broadsheet.following;

import broadsheet.articles.ArticleSummary;
import broadsheet.db.Cursor;
import broadsheet.web.KeptReads;
import broadsheet.web.PageCache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The personal "Following" feed: published articles by followed authors, tagged with followed
 * topics or in followed sections, newest first, each once, with why it is there.
 *
 * <p>The first page (the one readers open) is merged in memory from reads kept until content changes
 * ({@link KeptReads}, shared by every reader): each followed thing's newest {@link #KEPT} articles, the
 * articles' summaries and the followed things' names. Only what the reader follows is read per request,
 * so a follow or an unfollow shows at once on every node, and a publish drops what was kept, as it drops
 * cached pages. Each thing's newest {@code size + 1} articles are enough: an article among the page's
 * newest {@code size + 1} has fewer than {@code size + 1} newer ones in any one thing that leads to it.
 *
 * <p>Older pages (and longer ones) are read at request time by merging one short index scan per followed
 * thing: each scan starts at the keyset position and stops after a page's worth, so the cost is
 * (follows x page size) index entries whatever the archive's size or how old the followed things' news
 * is. docs/benchmarks.md compares this with a timeline materialized per reader.
 */
public final class Feed {

    public static final int PAGE_SIZE = 20;

    public record Item(ArticleSummary article, List<Followable> reasons) {

        /** "You follow Trade policy and Ana Ortiz". */
        public String why() {
            List<String> names = reasons.stream().map(Followable::name).toList();
            String joined = names.size() == 1
                    ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            return "You follow " + joined;
        }
    }

    /** @param next the cursor for the next page, or null on the last one */
    public record Page(List<Item> items, Cursor next) {}

    /** How many of each followed thing's newest articles are kept: a first page of up to {@code KEPT - 1}. */
    static final int KEPT = PAGE_SIZE + 1;

    private final FeedDao dao;
    private final FollowDao follows;
    // null: every page read from the database (a feed without a page cache to drop them, as tests make)
    private final KeptReads<String, FeedDao.Newest> newest;
    private final KeptReads<Long, ArticleSummary> summaries;
    private final KeptReads<String, Followable> names;

    /** A feed read from the database on every page. */
    public Feed(FeedDao dao, FollowDao follows) {
        this(dao, follows, null);
    }

    /** A feed whose first page is merged from reads kept until content changes (dropped with {@code cache}). */
    public Feed(FeedDao dao, FollowDao follows, PageCache cache) {
        this.dao = dao;
        this.follows = follows;
        // bounded by count: some 10,000 followed things (a few hundred bytes each) and 4,000 summaries
        this.newest = cache == null ? null : cache.keptReads(10_000);
        this.summaries = cache == null ? null : cache.keptReads(4_000);
        this.names = cache == null ? null : cache.keptReads(10_000);
    }

    /** The feed query for pages of {@code size} (with :u, :at, :id to bind), for EXPLAIN in the benchmark. */
    public static String query(int size) {
        return FeedDao.sql(size + 1);
    }

    /** What the reader follows, as "kind:id" keys (read on every page: a follow shows at once). */
    public Set<String> followed(long userId) {
        return follows.followedKeys(userId);
    }

    public Page page(long userId, Cursor after, int size) {
        boolean kept = newest != null && size < KEPT && after.equals(Cursor.first());
        return kept ? first(follows.followedKeys(userId), size) : page(userId, null, after, size);
    }

    /** The same, for a reader whose {@link #followed} things the caller has read already. */
    public Page page(long userId, Set<String> followed, Cursor after, int size) {
        if (newest != null && size < KEPT && after.equals(Cursor.first())) return first(followed, size);
        List<FeedDao.Hit> hits = dao.hits(userId, after, size + 1);
        Cursor next = null;
        if (hits.size() > size) {
            hits = hits.subList(0, size);
            FeedDao.Hit last = hits.get(size - 1);
            next = new Cursor(last.at(), last.id());
        }
        List<String> reasonKeys =
                hits.stream().flatMap(x -> x.reasons().stream()).distinct().toList();
        Map<String, Followable> names = follows.byKeys(reasonKeys);
        List<Item> items = new ArrayList<>();
        for (FeedDao.Hit x : hits) {
            ArticleSummary a = x.article();
            List<Followable> why = x.reasons().stream()
                    .map(names::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            items.add(new Item(a, why));
        }
        return new Page(items, next);
    }

    /** A cursor over one followed thing's kept newest articles, for the merge. */
    private static final class Head {
        final String key;
        final FeedDao.Newest list;
        int i;

        Head(String key, FeedDao.Newest list) {
            this.key = key;
            this.list = list;
        }
    }

    // newest first: by publication time, then id, as the feed's statement orders
    private static final Comparator<Head> NEWEST_FIRST = (x, y) -> {
        int c = Long.compare(y.list.at()[y.i], x.list.at()[x.i]);
        return c != 0 ? c : Long.compare(y.list.ids()[y.i], x.list.ids()[x.i]);
    };

    // reasons in the statement's order: by kind's name, then id
    private static final Comparator<String> REASONS = Comparator.comparing((String k) -> k.substring(0, k.indexOf(':')))
            .thenComparingLong(k -> Long.parseLong(k.substring(k.indexOf(':') + 1)));

    /** The first page, merged from the followed things' kept newest articles. */
    private Page first(Set<String> followed, int size) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, followed.size()), NEWEST_FIRST);
        newest.getAll(followed, keys -> dao.newest(keys, KEPT)).forEach((key, list) -> {
            if (list.ids().length > 0) heads.add(new Head(key, list));
        });
        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            long id = h.list.ids()[h.i];
            List<String> why = reasons.get(id);
            if (why == null) {
                if (reasons.size() > size) break;
                reasons.put(id, why = new ArrayList<>(2));
            }
            why.add(h.key);
            if (++h.i < h.list.ids().length) heads.add(h);
        }
        Map<Long, ArticleSummary> found = summaries.getAll(reasons.keySet(), dao::summaries);
        List<String> reasonKeys =
                reasons.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, Followable> named = names.getAll(reasonKeys, keys -> follows.byKeys(List.copyOf(keys)));
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Long, List<String>> e : reasons.entrySet()) {
            ArticleSummary a = found.get(e.getKey());
            if (a == null) continue; // unpublished since its thing's list was read: the next read will not have it
            List<Followable> why = e.getValue().stream()
                    .sorted(REASONS)
                    .map(named::get)
                    .filter(Objects::nonNull)
                    .toList();
            items.add(new Item(a, why));
        }
        Cursor next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            ArticleSummary last = items.get(size - 1).article();
            next = new Cursor(last.publishedAt(), last.id());
        }
        return new Page(List.copyOf(items), next);
    }
}
