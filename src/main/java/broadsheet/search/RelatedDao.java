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
     * Published articles without a list for their current version ({@link #missing}), or published in the
     * last 30 days with a list older than a day ({@link #stale}: newer stories may be more related by then;
     * an older article keeps its list until it changes). For the job's progress lines.
     */
    private static final String LEFT = """
              from articles a
              left join article_related r on r.article_id = a.id
             where a.status = 'published'
               and (r.article_id is null or r.version <> a.version
                    or (r.found_at < now() - interval '1 day' and a.published_at > now() - interval '30 days'))
            """;

    /** An article to work out, with its topics' slugs (Related boosts stories that share them). */
    record Due(long id, int version, List<String> topics, java.time.OffsetDateTime publishedAt) {}

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

    private static final String DUE_COLUMNS = """
            select a.id, a.version, a.published_at,
                   array(select t.slug from article_topics at join topics t on t.id = at.topic_id
                          where at.article_id = a.id order by at.position) as topics
            """;

    /**
     * Up to {@code limit} published articles without a list for their current version, newest first, older
     * than {@code after} (the last of the previous batch; null for the newest): a pass walks the archive once
     * along its index instead of sorting it for every batch.
     */
    List<Due> missing(Handle h, int limit, Due after) {
        var query = h.createQuery(
                DUE_COLUMNS + """
                  from articles a
                 where a.status = 'published'
                   and not exists (select 1 from article_related r where r.article_id = a.id and r.version = a.version)
                """ + (after == null ? "" : " and (a.published_at, a.id) < (:at, :id)") + """
                 order by a.published_at desc, a.id desc
                 limit :limit""");
        if (after != null) query.bind("at", after.publishedAt()).bind("id", after.id());
        return query.bind("limit", limit).map(RelatedDao::due).list();
    }

    /** Up to {@code limit} articles of the last 30 days whose list is more than a day old, oldest list first. */
    List<Due> stale(Handle h, int limit, List<Long> skip) {
        return h.createQuery(DUE_COLUMNS + """
                          from articles a join article_related r on r.article_id = a.id and r.version = a.version
                         where a.status = 'published'
                           and r.found_at < now() - interval '1 day' and a.published_at > now() - interval '30 days'
                           and a.id <> all(:skip)
                         order by r.found_at
                         limit :limit""")
                .bind("skip", skip.toArray(Long[]::new))
                .bind("limit", limit)
                .map(RelatedDao::due)
                .list();
    }

    private static Due due(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Due(
                rs.getLong("id"),
                rs.getInt("version"),
                List.of((String[]) rs.getArray("topics").getArray()),
                rs.getObject("published_at", java.time.OffsetDateTime.class));
    }

    /** How many articles are left to work out (for the job's progress lines). */
    int count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*)::int " + LEFT)
                .mapTo(Integer.class)
                .one());
    }
}
