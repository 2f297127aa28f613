package broadsheet.following;

import broadsheet.articles.ArticleSummary;
import broadsheet.db.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The personal "Following" feed: published articles by followed authors, tagged with followed
 * topics or in followed sections, newest first, each once, with why it is there.
 *
 * <p>Read at request time by merging one short index scan per followed thing: each scan starts at
 * the keyset position and stops after a page's worth, so the cost is (follows x page size) index
 * entries whatever the archive's size or how old the followed things' news is, and an article is
 * in the feed the moment its publishing commits. docs/benchmarks.md compares this with a timeline
 * materialized per reader.
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

    private final FeedDao dao;
    private final FollowDao follows;

    public Feed(FeedDao dao, FollowDao follows) {
        this.dao = dao;
        this.follows = follows;
    }

    /** The feed query for pages of {@code size} (with :u, :at, :id to bind), for EXPLAIN in the benchmark. */
    public static String query(int size) {
        return FeedDao.sql(size + 1);
    }

    public Page page(long userId, Cursor after, int size) {
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
}
