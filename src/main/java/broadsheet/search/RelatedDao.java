package broadsheet.search;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The related stories found for each article (V30), shared by every node. */
final class RelatedDao {
    private final Jdbi jdbi;

    RelatedDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Keeps what was found for this version of the article, replacing what was kept for another. */
    void store(long articleId, int version, List<Long> ids) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into article_related (article_id, version, related_ids) values (:a, :v, :ids)
                on conflict (article_id) do update
                   set version = excluded.version, related_ids = excluded.related_ids, found_at = now()""")
                .bind("a", articleId)
                .bind("v", version)
                .bind("ids", ids.toArray(Long[]::new))
                .execute());
    }
}
