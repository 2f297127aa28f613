package broadsheet.content;

import broadsheet.articles.ArticleStatus;
import broadsheet.articles.Kind;
import broadsheet.content.ContentFile.Article;
import broadsheet.media.MediaFiles;
import broadsheet.paywall.Access;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The import's SQL, run inside its one transaction: the lookups the check makes and the upserts
 * the writer makes. Everything is keyed by slug or external id, so references resolve in SQL and a
 * re-import updates rows in place. What the file leaves out is stored as empty text or the default.
 */
final class ImportDao {

    /** A database article a file article may update. */
    record ArticleRow(long id, String externalId, String slug) {}

    private ImportDao() {}

    /** The articles that carry one of these external ids or slugs. */
    static List<ArticleRow> articlesByIdOrSlug(Handle h, List<String> ids, List<String> slugs) {
        return h.createQuery(
                        "select id, external_id, slug from articles where external_id = any(:ids) or slug = any(:slugs)")
                .bind("ids", ids.toArray(String[]::new))
                .bind("slugs", slugs.toArray(String[]::new))
                .map((rs, ctx) -> new ArticleRow(rs.getLong("id"), rs.getString("external_id"), rs.getString("slug")))
                .list();
    }

    /** Which of {@code keys} are in {@code table}'s {@code column}; the table and column are ours, never the file's. */
    static List<String> existing(Handle h, ContentCheck.Target target, String[] keys) {
        return h.createQuery(
                        "select " + target.key + " from " + target.table + " where " + target.key + " = any(:keys)")
                .bind("keys", keys)
                .mapTo(String.class)
                .list();
    }

    static void upsertPhoto(Handle h, ContentFile.Photo p, MediaFiles.Stored s) {
        h.createUpdate("""
                insert into photos (external_id, file_key, mime_type, width, height, caption, credit, alt_text)
                values (:id, :fileKey, :mime, :width, :height, :caption, :credit, :alt)
                on conflict (external_id) do update
                   set file_key = excluded.file_key, mime_type = excluded.mime_type, width = excluded.width,
                       height = excluded.height, caption = excluded.caption, credit = excluded.credit,
                       alt_text = excluded.alt_text""")
                .bind("id", p.id())
                .bind("fileKey", s.fileKey())
                .bind("mime", s.mimeType())
                .bind("width", s.width())
                .bind("height", s.height())
                .bind("caption", orFile(p.caption(), s.embedded().description()))
                .bind("credit", orFile(p.credit(), s.embedded().credit()))
                .bind("alt", orFile(p.alt(), s.embedded().altText()))
                .execute();
    }

    /** What the content file says, or, when it says nothing, what the photo's own IPTC/XMP said. */
    private static String orFile(String given, String fromFile) {
        return given == null || given.isBlank() ? fromFile : given;
    }

    static void upsertSection(Handle h, ContentFile.Section s, int position) {
        h.createUpdate("""
                insert into sections (slug, name, description, position) values (:slug, :name, :description, :position)
                on conflict (slug) do update
                   set name = excluded.name, description = excluded.description, position = excluded.position""")
                .bind("slug", s.slug())
                .bind("name", s.name())
                .bind("description", or(s.description()))
                .bind("position", position)
                .execute();
    }

    static void upsertAuthor(Handle h, ContentFile.Author a) {
        h.createUpdate("""
                insert into authors (slug, name, title, bio, portrait_photo_id)
                values (:slug, :name, :title, :bio, (select id from photos where external_id = :portrait))
                on conflict (slug) do update
                   set name = excluded.name, title = excluded.title, bio = excluded.bio,
                       portrait_photo_id = excluded.portrait_photo_id""")
                .bind("slug", a.slug())
                .bind("name", a.name())
                .bind("title", or(a.title()))
                .bind("bio", or(a.bio()))
                .bind("portrait", a.portrait())
                .execute();
    }

    static void upsertTopic(Handle h, ContentFile.Topic t) {
        h.createUpdate("""
                insert into topics (slug, name, kind, aliases) values (:slug, :name, :kind, :aliases)
                on conflict (slug) do update set name = excluded.name, kind = excluded.kind, aliases = excluded.aliases""")
                .bind("slug", t.slug())
                .bind("name", t.name())
                .bind("kind", t.kind())
                .bind("aliases", ContentFile.list(t.aliases()).toArray(String[]::new))
                .execute();
    }

    static void upsertNewsletter(Handle h, ContentFile.Newsletter n) {
        h.createUpdate("""
                insert into newsletters (slug, name, description, audience, schedule)
                values (:slug, :name, :description, :audience, :schedule)
                on conflict (slug) do update
                   set name = excluded.name, description = excluded.description,
                       audience = excluded.audience, schedule = excluded.schedule""")
                .bind("slug", n.slug())
                .bind("name", n.name())
                .bind("description", or(n.description()))
                .bind("audience", n.audience() == null ? "everyone" : n.audience())
                .bind("schedule", or(n.schedule()))
                .execute();
    }

    /** A new article; {@code now} stands in for a missing update time (after the publication time). */
    static long insertArticle(Handle h, Article a, Instant now) {
        return bindArticle(h.createQuery("""
                insert into articles (external_id, slug, headline, deck, body, section_id, kind, status,
                                      published_at, updated_at, lead_photo_id, access)
                values (:externalId, :slug, :headline, :deck, :body, (select id from sections where slug = :section),
                        :kind, :status, :publishedAt, :updatedAt, (select id from photos where external_id = :leadPhoto), :access)
                returning id"""), a, now).mapTo(Long.class).one();
    }

    /** An import is an edit like any other: it bumps the version, so an editor's open form sees the change. */
    static void updateArticle(Handle h, long id, Article a, Instant now) {
        bindArticle(h.createUpdate("""
                update articles
                   set external_id = coalesce(:externalId, external_id), slug = :slug, headline = :headline,
                       deck = :deck, body = :body, section_id = (select id from sections where slug = :section),
                       kind = :kind, status = :status, published_at = :publishedAt, updated_at = :updatedAt,
                       lead_photo_id = (select id from photos where external_id = :leadPhoto), access = :access,
                       version = version + 1
                 where id = :id"""), a, now).bind("id", id).execute();
    }

    private static <S extends SqlStatement<S>> S bindArticle(S u, Article a, Instant now) {
        Instant updated = a.updatedAt() != null ? a.updatedAt() : a.publishedAt() != null ? a.publishedAt() : now;
        return u.bind("externalId", a.id())
                .bind("slug", a.slug())
                .bind("headline", a.headline())
                .bind("deck", or(a.deck()))
                .bind("body", or(a.body()))
                .bind("section", a.section())
                .bind("kind", a.kind() == null ? Kind.NEWS.dbValue() : a.kind())
                .bind("status", a.status() == null ? ArticleStatus.DRAFT.dbValue() : a.status())
                .bindByType("publishedAt", a.publishedAt(), Instant.class)
                .bind("updatedAt", updated)
                .bind("leadPhoto", a.leadPhoto())
                .bind("access", a.access() == null ? Access.FREE.value() : a.access());
    }

    /** Removes an article's bylines, topics, gallery and corrections, before the file's replace them. */
    static void clearArticleParts(Handle h, long id) {
        for (String table : List.of("article_authors", "article_topics", "article_photos", "corrections")) {
            h.createUpdate("delete from " + table + " where article_id = :id")
                    .bind("id", id)
                    .execute();
        }
    }

    static void insertCorrection(Handle h, long articleId, ContentFile.Correction corr, Instant now) {
        h.createUpdate("insert into corrections (article_id, kind, body, created_at) values (:id, :kind, :body, :at)")
                .bind("id", articleId)
                .bind("kind", corr.kind() == null ? "correction" : corr.kind())
                .bind("body", corr.body())
                .bind("at", corr.createdAt() == null ? now : corr.createdAt())
                .execute();
    }

    /** What an article can be linked to in order: the link table, its column, and where the key is looked up. */
    enum Link {
        AUTHORS("article_authors", "author_id", "authors", "slug"),
        TOPICS("article_topics", "topic_id", "topics", "slug"),
        GALLERY("article_photos", "photo_id", "photos", "external_id");

        final String table;
        final String column;
        final String target;
        final String key;

        Link(String table, String column, String target, String key) {
            this.table = table;
            this.column = column;
            this.target = target;
            this.key = key;
        }
    }

    /** Links an article to things named by key, keeping the file's order in {@code position} (1, 2, ...). */
    static void link(Handle h, long articleId, Link link, List<String> keys) {
        h.createUpdate("""
                insert into %s (article_id, %s, position)
                select :id, t.id, k.ord from unnest(cast(:keys as text[])) with ordinality as k(key, ord)
                  join %s t on t.%s = k.key""".formatted(link.table, link.column, link.target, link.key))
                .bind("id", articleId)
                .bind("keys", ContentFile.list(keys).toArray(String[]::new))
                .execute();
    }

    /** A front's order, replaced by the articles with these slugs in this order. */
    static void replaceFront(Handle h, String front, List<String> slugs) {
        h.createUpdate("delete from front_items where front = :front")
                .bind("front", front)
                .execute();
        h.createUpdate("""
                insert into front_items (front, position, article_id)
                select :front, k.ord, a.id from unnest(cast(:slugs as text[])) with ordinality as k(slug, ord)
                  join articles a on a.slug = k.slug""")
                .bind("front", front)
                .bind("slugs", ContentFile.list(slugs).toArray(String[]::new))
                .execute();
    }

    /** Running servers LISTEN on this and drop cached pages (delivered when the transaction commits). */
    static void announceChange(Handle h) {
        h.createQuery("select pg_notify('content_changed', '')").mapToMap().list();
    }

    private static String or(String s) {
        return s == null ? "" : s;
    }
}
