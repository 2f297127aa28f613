package broadsheet.content;

import static broadsheet.content.ContentFile.list;

import broadsheet.content.ContentFile.Article;
import broadsheet.content.Importer.ImportResult;
import broadsheet.media.MediaFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writes a checked content file inside the import transaction. Everything is keyed by slug or
 * external id, so references are resolved in SQL and a re-import updates rows in place.
 */
final class ContentWriter {

    private final Handle h;
    private final ContentFile c;
    private final Map<String, MediaFiles.Stored> stored;
    private final ContentCheck.Plan plan;
    private final Instant now = Instant.now();

    ContentWriter(Handle h, ContentFile c, Map<String, MediaFiles.Stored> stored, ContentCheck.Plan plan) {
        this.h = h;
        this.c = c;
        this.stored = stored;
        this.plan = plan;
    }

    ImportResult write() {
        photos();
        sections();
        authors();
        topics();
        newsletters();
        int created = 0;
        List<Article> articles = list(c.articles());
        for (int i = 0; i < articles.size(); i++) {
            Long row = plan.articleRows().get(i);
            long id = row == null ? insertArticle(articles.get(i)) : updateArticle(row, articles.get(i));
            if (row == null) created++;
            articleParts(id, articles.get(i));
        }
        fronts();
        site();
        // Running servers LISTEN on this and drop cached pages.
        h.createQuery("select pg_notify('content_changed', '')").mapToMap().list();
        return new ImportResult(
                list(c.sections()).size(),
                list(c.authors()).size(),
                list(c.topics()).size(),
                list(c.photos()).size(),
                list(c.newsletters()).size(),
                created,
                articles.size() - created);
    }

    private void photos() {
        for (ContentFile.Photo p : list(c.photos())) {
            MediaFiles.Stored s = Objects.requireNonNull(stored.get(p.id()), p.id());
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
                    .bind("caption", or(p.caption()))
                    .bind("credit", or(p.credit()))
                    .bind("alt", or(p.alt()))
                    .execute();
        }
    }

    private void sections() {
        List<ContentFile.Section> sections = list(c.sections());
        for (int i = 0; i < sections.size(); i++) {
            ContentFile.Section s = sections.get(i);
            h.createUpdate("""
                    insert into sections (slug, name, description, position) values (:slug, :name, :description, :position)
                    on conflict (slug) do update
                       set name = excluded.name, description = excluded.description, position = excluded.position""")
                    .bind("slug", s.slug())
                    .bind("name", s.name())
                    .bind("description", or(s.description()))
                    .bind("position", s.position() == null ? i + 1 : s.position())
                    .execute();
        }
    }

    private void authors() {
        for (ContentFile.Author a : list(c.authors())) {
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
    }

    private void topics() {
        for (ContentFile.Topic t : list(c.topics())) {
            h.createUpdate("""
                    insert into topics (slug, name, kind, aliases) values (:slug, :name, :kind, :aliases)
                    on conflict (slug) do update set name = excluded.name, kind = excluded.kind, aliases = excluded.aliases""")
                    .bind("slug", t.slug())
                    .bind("name", t.name())
                    .bind("kind", t.kind())
                    .bind("aliases", list(t.aliases()).toArray(String[]::new))
                    .execute();
        }
    }

    private void newsletters() {
        for (ContentFile.Newsletter n : list(c.newsletters())) {
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
    }

    private long insertArticle(Article a) {
        return bindArticle(h.createQuery("""
                insert into articles (external_id, slug, headline, deck, body, section_id, kind, status,
                                      published_at, updated_at, lead_photo_id, access)
                values (:externalId, :slug, :headline, :deck, :body, (select id from sections where slug = :section),
                        :kind, :status, :publishedAt, :updatedAt, (select id from photos where external_id = :leadPhoto), :access)
                returning id"""), a).mapTo(Long.class).one();
    }

    /** An import is an edit like any other: it bumps the version, so an editor's open form sees the change. */
    private long updateArticle(long id, Article a) {
        bindArticle(h.createUpdate("""
                update articles
                   set external_id = coalesce(:externalId, external_id), slug = :slug, headline = :headline,
                       deck = :deck, body = :body, section_id = (select id from sections where slug = :section),
                       kind = :kind, status = :status, published_at = :publishedAt, updated_at = :updatedAt,
                       lead_photo_id = (select id from photos where external_id = :leadPhoto), access = :access,
                       version = version + 1
                 where id = :id"""), a).bind("id", id).execute();
        return id;
    }

    private <S extends SqlStatement<S>> S bindArticle(S u, Article a) {
        Instant updated = a.updatedAt() != null ? a.updatedAt() : a.publishedAt() != null ? a.publishedAt() : now;
        return u.bind("externalId", a.id())
                .bind("slug", a.slug())
                .bind("headline", a.headline())
                .bind("deck", or(a.deck()))
                .bind("body", or(a.body()))
                .bind("section", a.section())
                .bind("kind", a.kind() == null ? "news" : a.kind())
                .bind("status", a.status() == null ? "draft" : a.status())
                .bindByType("publishedAt", a.publishedAt(), Instant.class)
                .bind("updatedAt", updated)
                .bind("leadPhoto", a.leadPhoto())
                .bind("access", a.access() == null ? "free" : a.access());
    }

    /** Bylines, topics, gallery and corrections are the file's, replacing whatever the article had. */
    private void articleParts(long id, Article a) {
        for (String table : List.of("article_authors", "article_topics", "article_photos", "corrections")) {
            h.createUpdate("delete from " + table + " where article_id = :id")
                    .bind("id", id)
                    .execute();
        }
        ordered(id, "article_authors", "author_id", "authors", "slug", a.authors());
        ordered(id, "article_topics", "topic_id", "topics", "slug", a.topics());
        ordered(id, "article_photos", "photo_id", "photos", "external_id", a.gallery());
        for (ContentFile.Correction corr : list(a.corrections())) {
            h.createUpdate(
                            "insert into corrections (article_id, kind, body, created_at) values (:id, :kind, :body, :at)")
                    .bind("id", id)
                    .bind("kind", corr.kind() == null ? "correction" : corr.kind())
                    .bind("body", corr.body())
                    .bind("at", corr.createdAt() == null ? now : corr.createdAt())
                    .execute();
        }
    }

    /** Links an article to things named by key, keeping the file's order in {@code position} (1, 2, ...). */
    private void ordered(long id, String link, String column, String table, String key, List<String> keys) {
        h.createUpdate("""
                insert into %s (article_id, %s, position)
                select :id, t.id, k.ord from unnest(cast(:keys as text[])) with ordinality as k(key, ord)
                  join %s t on t.%s = k.key""".formatted(link, column, table, key))
                .bind("id", id)
                .bind("keys", list(keys).toArray(String[]::new))
                .execute();
    }

    private void fronts() {
        c.frontsOrEmpty().forEach((front, slugs) -> {
            h.createUpdate("delete from front_items where front = :front")
                    .bind("front", front)
                    .execute();
            h.createUpdate("""
                    insert into front_items (front, position, article_id)
                    select :front, k.ord, a.id from unnest(cast(:slugs as text[])) with ordinality as k(slug, ord)
                      join articles a on a.slug = k.slug""")
                    .bind("front", front)
                    .bind("slugs", list(slugs).toArray(String[]::new))
                    .execute();
        });
    }

    private void site() {
        if (c.site() == null) return;
        setting("site_name", c.site().name());
        setting("site_tagline", c.site().tagline());
        setting("site_time_zone", c.site().timeZone());
    }

    private void setting(String key, String value) {
        if (value == null) return;
        h.createUpdate(
                        "insert into settings (key, value) values (:key, :value) on conflict (key) do update set value = excluded.value")
                .bind("key", key)
                .bind("value", value)
                .execute();
    }

    private static String or(String s) {
        return s == null ? "" : s;
    }
}
