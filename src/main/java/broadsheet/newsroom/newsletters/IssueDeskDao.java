package broadsheet.newsroom.newsletters;

import broadsheet.articles.ArticleStatus;
import broadsheet.newsletters.IssueStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The newsletter desk's writes to issues, and the articles it offers to pick; each in the caller's handle. */
final class IssueDeskDao {
    private IssueDeskDao() {}

    /** An article the desk may put in an issue. */
    record Candidate(long id, String headline, String slug, Instant publishedAt, String section) {}

    /** An issue's status and version, locked for a change. */
    record Locked(IssueStatus status, int version) {}

    /** Published articles not picked yet: the last 36 hours first, then those of the newsletter's section, newest first. */
    static List<Candidate> suggestions(Handle h, List<Long> picked, String newsletterSlug) {
        return h.createQuery("""
                select a.id, a.headline, a.slug, a.published_at, s.name
                  from articles a join sections s on s.id = a.section_id
                 where a.status = :published and a.id <> all(:picked)
                 order by (a.published_at > now() - interval '36 hours') desc,
                          (position(s.slug in :slug) > 0) desc, a.published_at desc, a.id desc
                 limit 15""")
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("picked", picked.toArray(Long[]::new))
                .bind("slug", newsletterSlug)
                .map((rs, ctx) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("slug"),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getString("name")))
                .list();
    }

    /** The picked articles, whatever their status (an unpublished one shows with the time it is looked at). */
    static List<Candidate> picked(Handle h, List<Long> ids) {
        return h.createQuery("""
                select a.id, a.headline, a.slug, coalesce(a.published_at, now()) as published_at, s.name
                  from articles a join sections s on s.id = a.section_id where a.id = any(:ids)""")
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("slug"),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getString("name")))
                .list();
    }

    /** Published articles' ids by slug, for the slugs that name one. */
    static Map<String, Long> publishedBySlug(Handle h, List<String> slugs) {
        Map<String, Long> m = new HashMap<>();
        h.createQuery("select slug, id from articles where status = :published and slug = any(:s)")
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("s", slugs.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString("slug"), rs.getLong("id")))
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    static long insert(Handle h, long newsletterId, String subject, long userId) {
        return h.createUpdate("insert into newsletter_issues (newsletter_id, subject, created_by) values (:n, :s, :u)")
                .bind("n", newsletterId)
                .bind("s", subject)
                .bind("u", userId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Saves subject and introduction if the issue is still at {@code version} and editable; false otherwise. */
    static boolean update(Handle h, long id, int version, String subject, String intro) {
        return h.createUpdate("""
                update newsletter_issues set subject = :s, intro = :i, updated_at = now(), version = version + 1
                 where id = :id and version = :v and status in (:draft, :scheduled)""")
                        .bind("s", subject)
                        .bind("i", intro)
                        .bind("id", id)
                        .bind("v", version)
                        .bind("draft", IssueStatus.DRAFT)
                        .bind("scheduled", IssueStatus.SCHEDULED)
                        .execute()
                > 0;
    }

    /** The issue's articles become these, in this order. */
    static void replaceArticles(Handle h, long id, List<Long> articles) {
        h.createUpdate("delete from newsletter_issue_articles where issue_id = :id")
                .bind("id", id)
                .execute();
        int pos = 0;
        for (long a : articles) {
            h.createUpdate("insert into newsletter_issue_articles (issue_id, article_id, position) values (:i, :a, :p)")
                    .bind("i", id)
                    .bind("a", a)
                    .bind("p", pos++)
                    .execute();
        }
    }

    static Optional<Locked> lock(Handle h, long id) {
        return h.createQuery("select status, version from newsletter_issues where id = :id for update")
                .bind("id", id)
                .map((rs, ctx) -> new Locked(
                        broadsheet.db.DbValue.of(IssueStatus.class, rs.getString("status")), rs.getInt("version")))
                .findOne();
    }

    static void schedule(Handle h, long id, Instant at) {
        h.createUpdate("""
                update newsletter_issues set status = :scheduled, send_at = :t, updated_at = now(), version = version + 1
                 where id = :id""")
                .bind("scheduled", IssueStatus.SCHEDULED)
                .bind("t", Timestamp.from(at))
                .bind("id", id)
                .execute();
    }

    static void unschedule(Handle h, long id) {
        h.createUpdate("""
                update newsletter_issues set status = :draft, send_at = null, updated_at = now(), version = version + 1
                 where id = :id""").bind("draft", IssueStatus.DRAFT).bind("id", id).execute();
    }
}
