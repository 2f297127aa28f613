package broadsheet.following;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.db.Cursor;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

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

    // Two passes over the followed things. First each one's newest article after the cursor (one
    // index probe each); the page's last article can be no older than the page-size-th newest of
    // those distinct articles, so that is a floor. Then each one's articles down to the floor, which
    // for most followed things is none or one: a few dozen rows to merge instead of follows x page.
    private static String sql(int limit) {
        return "with f as (select kind, target_id from follows where user_id = :u),\n"
                + "heads as (" + links(1, "'-infinity'::timestamptz") + "),\n"
                + "floor as (select coalesce((select published_at from (select distinct article_id, published_at from heads) d\n"
                + "           order by published_at desc, article_id desc offset " + (limit - 1)
                + " limit 1), '-infinity') as at),\n"
                + "hits as (" + links(limit, "(select at from floor)") + ")\n"
                + """
                select article_id, published_at, array_agg(kind || ':' || target_id order by kind, target_id) as reasons
                  from hits group by article_id, published_at
                 order by published_at desc, article_id desc limit\s""" + limit;
    }

    /** Each followed thing's newest published articles after the cursor and not older than {@code floor}. */
    private static String links(int limit, String floor) {
        return """
                  select 'author' as kind, f.target_id, x.article_id, x.published_at
                    from f cross join lateral (
                      select l.article_id, l.published_at from article_authors l
                       where l.author_id = f.target_id and l.published_at is not null
                         and (l.published_at, l.article_id) < (:at, :id) and l.published_at >= %2$s
                       order by l.published_at desc, l.article_id desc limit %1$d) x
                   where f.kind = 'author'
                  union all
                  select 'topic', f.target_id, x.article_id, x.published_at
                    from f cross join lateral (
                      select l.article_id, l.published_at from article_topics l
                       where l.topic_id = f.target_id and l.published_at is not null
                         and (l.published_at, l.article_id) < (:at, :id) and l.published_at >= %2$s
                       order by l.published_at desc, l.article_id desc limit %1$d) x
                   where f.kind = 'topic'
                  union all
                  select 'section', f.target_id, x.id, x.published_at
                    from f cross join lateral (
                      select a.id, a.published_at from articles a
                       where a.section_id = f.target_id and a.status = 'published'
                         and (a.published_at, a.id) < (:at, :id) and a.published_at >= %2$s
                       order by a.published_at desc, a.id desc limit %1$d) x
                   where f.kind = 'section'""".formatted(limit, floor);
    }

    private final Jdbi jdbi;
    private final ArticleDao articles;

    public Feed(Jdbi jdbi, ArticleDao articles) {
        this.jdbi = jdbi;
        this.articles = articles;
    }

    /** The feed query for pages of {@code size} (with :u, :at, :id to bind), for EXPLAIN in the benchmark. */
    public static String query(int size) {
        return sql(size + 1);
    }

    public Page page(long userId, Cursor after, int size) {
        record Hit(long id, Timestamp at, String[] reasons) {}
        List<Hit> hits = jdbi.withHandle(h -> h.createQuery(sql(size + 1))
                .bind("u", userId)
                .bind("at", Timestamp.from(after.at()))
                .bind("id", after.id())
                .map((rs, ctx) -> new Hit(rs.getLong(1), rs.getTimestamp(2), (String[])
                        rs.getArray(3).getArray()))
                .list());
        Cursor next = null;
        if (hits.size() > size) {
            hits = hits.subList(0, size);
            Hit last = hits.get(size - 1);
            next = new Cursor(last.at().toInstant(), last.id());
        }
        List<String> reasonKeys = hits.stream()
                .flatMap(x -> java.util.Arrays.stream(x.reasons()))
                .distinct()
                .toList();
        Map<String, Followable> names = jdbi.withHandle(h -> Follows.byKeys(h, reasonKeys));
        Map<Long, ArticleSummary> byId = new HashMap<>();
        for (ArticleSummary a : articles.byIds(hits.stream().map(Hit::id).toList())) byId.put(a.id(), a);
        List<Item> items = new ArrayList<>();
        for (Hit x : hits) {
            ArticleSummary a = byId.get(x.id());
            if (a == null) continue; // unpublished between the two reads
            List<Followable> why = java.util.Arrays.stream(x.reasons())
                    .map(names::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            items.add(new Item(a, why));
        }
        return new Page(items, next);
    }
}
