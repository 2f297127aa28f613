package broadsheet.newsroom.articles;

import broadsheet.articles.ArticleStatus;
import broadsheet.db.DbValue;
import broadsheet.topics.TopicKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The desk's writes to articles, each inside the caller's transaction. */
final class ArticleWriteDao {
    private ArticleWriteDao() {}

    /** What an update left: the new version, the status, and the publication time. */
    record Row(int version, ArticleStatus status, Instant publishedAt) {}

    /** The article-to-many tables a save replaces whole, with their id column. */
    enum Links {
        AUTHORS("article_authors", "author_id"),
        TOPICS("article_topics", "topic_id"),
        PHOTOS("article_photos", "photo_id");

        private final String table;
        private final String column;

        Links(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    /** A new draft with what the first save knows; {@link #update} fills in the rest. */
    static long insert(Handle h, ArticleDraft d, long createdBy) {
        return h.createQuery("""
                insert into articles (slug, headline, section_id, status, version, created_by)
                values (:slug, :headline, :section, :draft, 0, :me) returning id""")
                .bind("slug", d.slug())
                .bind("headline", d.headline())
                .bind("section", d.sectionId())
                .bind("draft", ArticleStatus.DRAFT)
                .bind("me", createdBy)
                .mapTo(Long.class)
                .one();
    }

    /** Writes the content and the status a workflow step leads to, moving the version on. */
    static Row update(Handle h, long id, ArticleDraft d, Workflow step, ArticleStatus from, Instant scheduleAt) {
        String publishedAt = switch (step) {
            // a republished article keeps its first publication time; a scheduled one goes out now
            case PUBLISH ->
                "case when status <> :scheduled and published_at is not null and published_at <= now() then published_at else now() end";
            case SCHEDULE -> ":at";
            case DRAFT -> from == ArticleStatus.SCHEDULED ? "null" : "published_at";
            default -> "published_at";
        };
        return h.createQuery("""
                update articles set headline = :headline, deck = :deck, slug = :slug, body = :body, section_id = :section,
                       kind = :kind, lead_photo_id = :lead, access = :access, status = :status, published_at = %s,
                       updated_at = now(), version = version + 1
                 where id = :id returning version, status, published_at""".formatted(publishedAt))
                .bind("headline", d.headline())
                .bind("deck", d.deck())
                .bind("slug", d.slug())
                .bind("body", d.body())
                .bind("section", d.sectionId())
                .bind("kind", d.kind())
                .bind("lead", d.leadPhotoId())
                .bind("access", d.access())
                .bind("status", step.target(from))
                .bind("scheduled", ArticleStatus.SCHEDULED)
                .bind("at", scheduleAt == null ? null : Timestamp.from(scheduleAt))
                .bind("id", id)
                .map((rs, ctx) -> new Row(
                        rs.getInt("version"),
                        DbValue.of(ArticleStatus.class, rs.getString("status")),
                        ArticleDeskDao.ts(rs, "published_at")))
                .one();
    }

    /** Replaces the article's bylines, topics or gallery with these ids in this order. */
    static void replace(Handle h, Links links, long articleId, List<Long> ids) {
        h.createUpdate("delete from " + links.table + " where article_id = :id")
                .bind("id", articleId)
                .execute();
        for (int i = 0; i < ids.size(); i++) {
            h.createUpdate("insert into " + links.table + " (article_id, " + links.column
                            + ", position) values (:a, :x, :p)")
                    .bind("a", articleId)
                    .bind("x", ids.get(i))
                    .bind("p", i)
                    .execute();
        }
    }

    /** Appends a correction or update that readers see under the article, and marks the article updated. */
    static void addCorrection(Handle h, long articleId, String kind, String text) {
        h.createUpdate(
                        "insert into corrections (article_id, kind, body, created_at) values (:id, :kind, :body, date_trunc('milliseconds', now()))")
                .bind("id", articleId)
                .bind("kind", kind)
                .bind("body", text)
                .execute();
        h.createUpdate("update articles set updated_at = now() where id = :id")
                .bind("id", articleId)
                .execute();
    }

    static Optional<Long> topicBySlug(Handle h, String slug) {
        return h.createQuery("select id from topics where slug = :s")
                .bind("s", slug)
                .mapTo(Long.class)
                .findOne();
    }

    static long insertTopic(Handle h, String slug, String name, TopicKind kind) {
        return h.createQuery("insert into topics (slug, name, kind) values (:s, :n, :k) returning id")
                .bind("s", slug)
                .bind("n", name)
                .bind("k", kind)
                .mapTo(Long.class)
                .one();
    }

    /** Claims up to {@code batch} scheduled articles whose time has come, skipping any another node holds. */
    static List<Long> claimDue(Handle h, int batch) {
        return h.createQuery("""
                select id from articles where status = :scheduled and published_at <= now()
                 order by published_at for update skip locked limit :batch""")
                .bind("scheduled", ArticleStatus.SCHEDULED)
                .bind("batch", batch)
                .mapTo(Long.class)
                .list();
    }

    static void publishScheduled(Handle h, List<Long> ids) {
        h.createUpdate(
                        "update articles set status = :published, updated_at = now() where id = any(:ids) and status = :scheduled")
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("scheduled", ArticleStatus.SCHEDULED)
                .bind("ids", ids.toArray(Long[]::new))
                .execute();
    }
}
