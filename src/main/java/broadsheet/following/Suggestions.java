package broadsheet.following;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What to follow next. For a reader who follows things: the authors and topics that appear most
 * often on the recent articles of what they follow. For a newcomer (or when that finds too little):
 * the most followed, then the most written about lately.
 */
public final class Suggestions {

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
            select kind, target_id from follow_counts c
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

    public Suggestions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Up to {@code n} suggestions, best first, never something already followed. The search behind them
     * is kept for a few minutes per reader (it reads hundreds of recent articles); what the reader
     * follows is checked afresh every time, so a suggestion disappears as soon as it is followed.
     */
    public List<Followable> forReader(long userId, int n) {
        List<Followable> candidates = n > KEPT ? search(userId, n) : recent.get(userId, k -> search(userId, KEPT));
        java.util.Set<String> followed = new java.util.HashSet<>(
                jdbi.withHandle(h -> h.createQuery("select kind || ':' || target_id from follows where user_id = :u")
                        .bind("u", userId)
                        .mapTo(String.class)
                        .list()));
        return candidates.stream()
                .filter(f -> !followed.contains(f.kind().key() + ":" + f.id()))
                .limit(n)
                .toList();
    }

    /** Forgets the reader's kept suggestions (they just followed or unfollowed something). */
    public void forget(long userId) {
        recent.invalidate(userId);
    }

    private static final int KEPT = 25;

    private final com.github.benmanes.caffeine.cache.Cache<Long, List<Followable>> recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(50_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(5))
                    .build();

    private List<Followable> search(long userId, int n) {
        return jdbi.withHandle(h -> {
            List<String> keys = new ArrayList<>();
            for (String sql : List.of(RELATED, POPULAR, BUSY)) {
                if (keys.size() >= n) break;
                for (String k : h.createQuery(sql)
                        .bind("u", userId)
                        .bind("n", n)
                        .map((rs, ctx) -> rs.getString(1) + ":" + rs.getLong(2))
                        .list()) {
                    if (keys.size() < n && !keys.contains(k)) keys.add(k);
                }
            }
            Map<String, Followable> found = Follows.byKeys(h, keys);
            return keys.stream()
                    .map(found::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        });
    }
}
