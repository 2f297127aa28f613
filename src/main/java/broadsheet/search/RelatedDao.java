package broadsheet.search;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** The related stories found for each article (V30), shared by every node. */
final class RelatedDao {

    /** The one lock of {@link RelatedJob}'s batches (a PostgreSQL advisory lock key: "related" in ASCII). */
    private static final long LOCK = 0x72656c61746564L;

    /**
     * Published articles without a list for their current version, or published in the last 30 days with a
     * list older than a day (newer stories may be more related by then; an older article keeps its list
     * until it changes).
     */
    private static final String TODO = """
              from articles a
              left join article_related r on r.article_id = a.id
             where a.status = 'published'
               and (r.article_id is null or r.version <> a.version
                    or (r.found_at < now() - interval '1 day' and a.published_at > now() - interval '30 days'))
               and a.id <> all(:skip)
            """;

    /** An article to work out, with its topics' slugs (Related boosts stories that share them). */
    record Todo(long id, int version, List<String> topics) {}

    private final Jdbi jdbi;

    RelatedDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Keeps what was found for this version of the article, replacing what was kept for another. */
    void store(long articleId, int version, List<Long> ids) {
        jdbi.useHandle(h -> store(h, articleId, version, ids));
    }

    void store(Handle h, long articleId, int version, List<Long> ids) {
        h.createUpdate("""
                insert into article_related (article_id, version, related_ids) values (:a, :v, :ids)
                on conflict (article_id) do update
                   set version = excluded.version, related_ids = excluded.related_ids, found_at = now()""")
                .bind("a", articleId)
                .bind("v", version)
                .bind("ids", ids.toArray(Long[]::new))
                .execute();
    }

    /**
     * Runs one batch in a transaction that holds the job's lock; null without running it when another node
     * holds the lock.
     */
    <T> T inBatch(HandleCallback<T, RuntimeException> batch) {
        return jdbi.inTransaction(h -> h.createQuery("select pg_try_advisory_xact_lock(:k)")
                        .bind("k", LOCK)
                        .mapTo(Boolean.class)
                        .one()
                ? batch.withHandle(h)
                : null);
    }

    /** Up to {@code limit} articles to work out, those without a list for their version first, newest first. */
    List<Todo> todo(Handle h, int limit, List<Long> skip) {
        return h.createQuery("""
                        select a.id, a.version,
                               array(select t.slug from article_topics at join topics t on t.id = at.topic_id
                                      where at.article_id = a.id order by at.position) as topics
                        """ + TODO + """
                         order by (r.article_id is not null and r.version = a.version), a.published_at desc, a.id desc
                         limit :limit""")
                .bind("skip", skip.toArray(Long[]::new))
                .bind("limit", limit)
                .map((rs, ctx) -> new Todo(rs.getLong("id"), rs.getInt("version"), List.of((String[])
                        rs.getArray("topics").getArray())))
                .list();
    }

    /** How many articles are left to work out (for the job's progress lines). */
    int count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*)::int " + TODO)
                .bind("skip", new Long[0])
                .mapTo(Integer.class)
                .one());
    }
}
