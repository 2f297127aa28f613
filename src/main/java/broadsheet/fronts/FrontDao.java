package broadsheet.fronts;

import broadsheet.articles.ArticleStatus;
import broadsheet.articles.Kind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** What readers' fronts read: the editor-chosen order and layout of a front, the newest stories, breaking news. */
public final class FrontDao {

    /** A story marked breaking, until {@code expiresAt} (null: until an editor removes it). */
    public record Breaking(long articleId, Instant expiresAt) {}

    /** The kinds that go to the opinion rail rather than the news slots. */
    static final List<Kind> VIEWS = List.of(Kind.OPINION, Kind.ANALYSIS);

    private final Jdbi jdbi;

    public FrontDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Long> articleIds(String front) {
        return jdbi.withHandle(
                h -> h.createQuery("select article_id from front_items where front = :f order by position")
                        .bind("f", front)
                        .mapTo(Long.class)
                        .list());
    }

    /** The layout an editor chose for this front, or the first one. */
    public FrontLayout layout(String front) {
        return jdbi.withHandle(h -> h.createQuery("select layout from front_versions where front = :f")
                .bind("f", front)
                .mapTo(FrontLayout.class)
                .findOne()
                .orElse(FrontLayout.LEAD_PLUS_FOUR));
    }

    /**
     * Ids of the newest published articles, news or views (opinion and analysis), in one section or
     * all (sectionId null), leaving out {@code excluded}.
     */
    public List<Long> newest(Long sectionId, boolean views, List<Long> excluded, int limit) {
        if (limit <= 0) return List.of();
        return jdbi.withHandle(h -> {
            var q = h.createQuery("select a.id from articles a where a.status = :published"
                            + (views ? " and a.kind in (<views>)" : " and a.kind not in (<views>)")
                            + (sectionId == null ? "" : " and a.section_id = :section")
                            + " and a.id <> all(:excluded) order by a.published_at desc, a.id desc limit :limit")
                    .bind("published", ArticleStatus.PUBLISHED)
                    .bindList("views", VIEWS.stream().map(Kind::dbValue).toList())
                    .bind("excluded", excluded.toArray(Long[]::new))
                    .bind("limit", limit);
            if (sectionId != null) q.bind("section", sectionId);
            return q.mapTo(Long.class).list();
        });
    }

    /** Published stories marked breaking and not yet expired, newest mark first; in one section or all. */
    public List<Breaking> breaking(Long sectionId) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("""
                            select b.article_id, b.expires_at from breaking_news b join articles a on a.id = b.article_id
                             where a.status = :published and (b.expires_at is null or b.expires_at > now())"""
                            + (sectionId == null ? "" : " and a.section_id = :section")
                            + " order by b.marked_at desc, b.article_id desc")
                    .bind("published", ArticleStatus.PUBLISHED);
            if (sectionId != null) q.bind("section", sectionId);
            return q.map((rs, c) -> {
                        Timestamp t = rs.getTimestamp("expires_at");
                        return new Breaking(rs.getLong("article_id"), t == null ? null : t.toInstant());
                    })
                    .list();
        });
    }
}
