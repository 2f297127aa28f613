package broadsheet.newsroom;

import broadsheet.articles.ArticleStatus;
import broadsheet.db.DbValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the newsroom's home page. */
public final class NewsroomDao {

    /** An article on the dashboard: {@code at} is the time that matters for its list (updated, scheduled or published). */
    public record Row(long id, String headline, ArticleStatus status, Instant at) {}

    /** A newsletter issue waiting to go out or going out now. */
    public record Issue(long id, String newsletter, String subject, String status, Instant at) {}

    /** The writer's own articles: created by them or carrying their byline. */
    private static final String MINE = """
            (coalesce(a.created_by = :me, false) or exists (select 1 from article_authors aa join authors au on au.id = aa.author_id
                                                              where aa.article_id = a.id and au.user_id = :me))""";

    private final Jdbi jdbi;

    public NewsroomDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How many articles are in each status that has any, in the order of the statuses. */
    Map<ArticleStatus, Integer> countsByStatus() {
        return jdbi.withHandle(h -> {
            Map<ArticleStatus, Integer> counts = new TreeMap<>();
            h.createQuery("select status, count(*) as n from articles group by status")
                    .map((rs, c) -> Map.entry(DbValue.of(ArticleStatus.class, rs.getString("status")), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    /**
     * Articles in a status, the most relevant first: scheduled ones soonest first, published ones
     * newest published first, the rest most recently changed first.
     *
     * @param me when not null, only this person's own articles (created by them or in their byline)
     */
    List<Row> articles(ArticleStatus status, Long me, int limit) {
        String at = switch (status) {
            case SCHEDULED, PUBLISHED -> "a.published_at";
            default -> "a.updated_at";
        };
        String order = status == ArticleStatus.SCHEDULED ? "asc" : "desc";
        return jdbi.withHandle(h -> h.createQuery("select a.id, a.headline, a.status, " + at + " as at from articles a"
                        + " where a.status = :status and (cast(:me as bigint) is null or " + MINE + ")"
                        + " order by " + at + " " + order + ", a.id desc limit :limit")
                .bind("status", status)
                .bind("me", me)
                .bind("limit", limit)
                .map((rs, c) -> new Row(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        DbValue.of(ArticleStatus.class, rs.getString("status")),
                        rs.getTimestamp("at").toInstant()))
                .list());
    }

    /** How many articles in this status the list would show in full. */
    int countArticles(ArticleStatus status, Long me) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from articles a where a.status = :status and (cast(:me as bigint) is null or "
                                + MINE + ")")
                .bind("status", status)
                .bind("me", me)
                .mapTo(Integer.class)
                .one());
    }

    /** Comments an editor should look at: held for moderation or reported and not yet reviewed. */
    int commentsAwaitingModeration() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from comments where needs_review")
                .mapTo(Integer.class)
                .one());
    }

    /** Newsletter issues scheduled or being sent, the next to go first. */
    List<Issue> issuesGoingOut(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select i.id, n.name as newsletter, i.subject, i.status, coalesce(i.started_at, i.send_at) as at
                          from newsletter_issues i join newsletters n on n.id = i.newsletter_id
                         where i.status in ('scheduled', 'sending')
                         order by (i.status = 'sending') desc, i.send_at asc nulls last, i.id
                         limit :limit""")
                .bind("limit", limit)
                .map((rs, c) -> new Issue(
                        rs.getLong("id"),
                        rs.getString("newsletter"),
                        rs.getString("subject"),
                        rs.getString("status"),
                        rs.getTimestamp("at") == null
                                ? null
                                : rs.getTimestamp("at").toInstant()))
                .list());
    }
}
