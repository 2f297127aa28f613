package broadsheet.following;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.db.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the Following feed: which published articles the reader's follows lead to, and why. */
public final class FeedDao {

    /** A feed article and the "kind:id" keys of the followed things that put it there. */
    record Hit(ArticleSummary article, List<String> reasons) {
        long id() {
            return article.id();
        }

        Instant at() {
            return article.publishedAt();
        }
    }

    // Two passes over the followed things. First each one's newest article after the cursor (one
    // index probe each); the page's last article can be no older than the page-size-th newest of
    // those distinct articles, so that is a floor. Then each one's articles down to the floor, which
    // for most followed things is none or one: a few dozen rows to merge instead of follows x page.
    static String sql(int limit) {
        return "with f as (select kind, target_id from follows where user_id = :u),\n"
                + "heads as (" + links(1, "'-infinity'::timestamptz") + "),\n"
                + "floor as (select coalesce((select published_at from (select distinct article_id, published_at from heads) d\n"
                + "           order by published_at desc, article_id desc offset " + (limit - 1)
                + " limit 1), '-infinity') as at),\n"
                + "hits as (" + links(limit, "(select at from floor)") + ")\n"
                + """
                , page as (select article_id, published_at, array_agg(kind || ':' || target_id order by kind, target_id) as reasons
                  from hits group by article_id, published_at
                 order by published_at desc, article_id desc limit\s""" + limit + ")\n"
                // the articles themselves in the same statement (the link tables' published_at is kept with the
                // article's status in one transaction, so every hit is a published article in this snapshot)
                + ArticleDao.SUMMARY_COLUMNS.replaceFirst("select ", "select pg.reasons, ")
                + " join page pg on pg.article_id = a.id order by pg.published_at desc, pg.article_id desc";
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

    /** A followed thing's newest published articles, newest first: publication times (epoch microseconds) and ids. */
    record Newest(long[] at, long[] ids) {}

    private static final String NEWEST = """
            select 'author' as kind, f.id as target_id, x.article_id, x.published_at,
                   cast(extract(epoch from x.published_at) * 1000000 as bigint) as at_micros
              from unnest(cast(:author as bigint[])) f(id) cross join lateral (
                select l.article_id, l.published_at from article_authors l
                 where l.author_id = f.id and l.published_at is not null
                 order by l.published_at desc, l.article_id desc limit :n) x
            union all
            select 'topic', f.id, x.article_id, x.published_at, cast(extract(epoch from x.published_at) * 1000000 as bigint)
              from unnest(cast(:topic as bigint[])) f(id) cross join lateral (
                select l.article_id, l.published_at from article_topics l
                 where l.topic_id = f.id and l.published_at is not null
                 order by l.published_at desc, l.article_id desc limit :n) x
            union all
            select 'section', f.id, x.id, x.published_at, cast(extract(epoch from x.published_at) * 1000000 as bigint)
              from unnest(cast(:section as bigint[])) f(id) cross join lateral (
                select a.id, a.published_at from articles a
                 where a.section_id = f.id and a.status = 'published'
                 order by a.published_at desc, a.id desc limit :n) x
            order by 1, 2, 4 desc, 3 desc""";

    private final Jdbi jdbi;
    private final ArticleDao articles;

    public FeedDao(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.articles = new ArticleDao(jdbi);
    }

    /**
     * The newest {@code n} published articles of each of these followed things ("kind:id" keys), in one
     * statement; a thing with none (or that is no more) has an empty list.
     */
    java.util.Map<String, Newest> newest(java.util.Set<String> keys, int n) {
        java.util.Map<String, java.util.List<Long>> ids = new java.util.HashMap<>();
        for (FollowKind k : FollowKind.values()) ids.put(k.key(), new java.util.ArrayList<>());
        for (String key : keys) {
            int colon = key.indexOf(':');
            java.util.List<Long> list = ids.get(key.substring(0, colon));
            if (list != null) list.add(Long.parseLong(key.substring(colon + 1)));
        }
        record Row(String key, long at, long id) {}
        java.util.Map<String, java.util.List<Row>> rows = jdbi
                .withHandle(h -> {
                    var q = h.createQuery(NEWEST).bind("n", n);
                    ids.forEach((kind, list) -> q.bind(kind, list.toArray(Long[]::new)));
                    return q.map((rs, ctx) -> new Row(
                                    rs.getString("kind") + ":" + rs.getLong("target_id"),
                                    rs.getLong("at_micros"),
                                    rs.getLong("article_id")))
                            .list();
                })
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(Row::key)); // rows keep the statement's order
        java.util.Map<String, Newest> out = new java.util.HashMap<>();
        for (String key : keys) {
            java.util.List<Row> r = rows.getOrDefault(key, java.util.List.of());
            out.put(
                    key,
                    new Newest(
                            r.stream().mapToLong(Row::at).toArray(),
                            r.stream().mapToLong(Row::id).toArray()));
        }
        return out;
    }

    /** Published articles by id. */
    java.util.Map<Long, ArticleSummary> summaries(java.util.Set<Long> ids) {
        java.util.Map<Long, ArticleSummary> out = new java.util.HashMap<>();
        articles.byIds(java.util.List.copyOf(ids)).forEach(a -> out.put(a.id(), a));
        return out;
    }

    /** Up to {@code limit} articles after the cursor, newest first. */
    List<Hit> hits(long userId, Cursor after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql(limit))
                .bind("u", userId)
                .bind("at", Timestamp.from(after.at()))
                .bind("id", after.id())
                .map((rs, ctx) -> new Hit(ArticleDao.summary(rs, ctx), Arrays.asList((String[])
                        rs.getArray("reasons").getArray())))
                .list());
    }
}
