package broadsheet.following;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The SQL behind suggestions: candidate authors and topics as "kind:id" keys, best first. */
public final class SuggestionDao {

    private static final String RELATED = """
            with f as (select kind, target_id from follows where user_id = :u and kind in ('author', 'topic')
                        order by created_at desc limit 50),
            recent as (
              select x.article_id from f cross join lateral (
                  select l.article_id from article_topics l where l.topic_id = f.target_id and l.published_at is not null
                   order by l.published_at desc, l.article_id desc limit 30) x where f.kind = 'topic'
              union
              select x.article_id from f cross join lateral (
                  select l.article_id from article_authors l where l.author_id = f.target_id and l.published_at is not null
                   order by l.published_at desc, l.article_id desc limit 30) x where f.kind = 'author'),
            candidates as (
              select 'topic' as kind, t.topic_id as id, count(*) as n from recent r join article_topics t on t.article_id = r.article_id
               group by t.topic_id
              union all
              select 'author', a.author_id, count(*) from recent r join article_authors a on a.article_id = r.article_id
               group by a.author_id)
            select c.kind, c.id from candidates c
             where not exists (select 1 from follows x where x.user_id = :u and x.kind = c.kind and x.target_id = c.id)
             order by c.n desc, c.kind, c.id limit :n""";

    private static final String POPULAR = """
            select kind, target_id as id from follow_counts c
             where followers > 0 and kind in ('author', 'topic')
               and not exists (select 1 from follows x where x.user_id = :u and x.kind = c.kind and x.target_id = c.target_id)
             order by followers desc, kind, target_id limit :n""";

    // Written about lately: the topics and authors on the newest 300 articles.
    private static final String BUSY = """
            with recent as (select id from articles where status = 'published' order by published_at desc, id desc limit 300),
            candidates as (
              select 'topic' as kind, t.topic_id as id, count(*) as n from recent r join article_topics t on t.article_id = r.id group by t.topic_id
              union all
              select 'author', a.author_id, count(*) from recent r join article_authors a on a.article_id = r.id group by a.author_id)
            select c.kind, c.id from candidates c
             where not exists (select 1 from follows x where x.user_id = :u and x.kind = c.kind and x.target_id = c.id)
             order by c.n desc, c.kind, c.id limit :n""";

    private final Jdbi jdbi;

    public SuggestionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Up to {@code n} candidates the reader does not follow, each search tried in turn until there are
     * enough: related to what they follow, then the most followed, then the most written about lately.
     */
    List<String> candidates(long userId, int n) {
        return jdbi.withHandle(h -> {
            List<String> keys = new java.util.ArrayList<>();
            for (String sql : List.of(RELATED, POPULAR, BUSY)) {
                if (keys.size() >= n) break;
                for (String k : h.createQuery(sql)
                        .bind("u", userId)
                        .bind("n", n)
                        .map((rs, ctx) -> rs.getString("kind") + ":" + rs.getLong("id"))
                        .list()) {
                    if (keys.size() < n && !keys.contains(k)) keys.add(k);
                }
            }
            return keys;
        });
    }
}
