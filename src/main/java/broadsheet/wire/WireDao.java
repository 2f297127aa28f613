package broadsheet.wire;

import broadsheet.articles.ArticleStatus;
import broadsheet.db.DbValue;
import broadsheet.media.MediaFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of wire imports: the {@code wire_items} table, and the lookups that turn an item into a draft. */
final class WireDao {
    private WireDao() {}

    /** An imported item: its draft, and the versions (the agency's, and the draft's as the import left it). */
    record Item(String agencyId, long articleId, String wireVersion, int articleVersion) {}

    /** The draft as it is now. */
    record Article(int version, ArticleStatus status, String slug, long sectionId, String kind, String access) {}

    /** Serialises imports of one agency item (across nodes) until the transaction ends. */
    static void lockItem(Handle h, String agencyId) {
        h.createQuery("select pg_advisory_xact_lock(hashtextextended(:id, 14))::text")
                .bind("id", agencyId)
                .mapTo(String.class)
                .one();
    }

    static Optional<Item> find(Handle h, String agencyId) {
        return h.createQuery("""
                select agency_id, article_id, wire_version, article_version from wire_items where agency_id = :id""")
                .bind("id", agencyId)
                .map((rs, ctx) -> new Item(
                        rs.getString("agency_id"),
                        rs.getLong("article_id"),
                        rs.getString("wire_version"),
                        rs.getInt("article_version")))
                .findOne();
    }

    static void insert(Handle h, String agencyId, long articleId, String wireVersion, int articleVersion) {
        h.createUpdate("""
                insert into wire_items (agency_id, article_id, wire_version, article_version)
                values (:id, :article, :wire, :version)""")
                .bind("id", agencyId)
                .bind("article", articleId)
                .bind("wire", wireVersion)
                .bind("version", articleVersion)
                .execute();
    }

    /** The draft now holds this agency version. */
    static void applied(Handle h, String agencyId, String wireVersion, int articleVersion) {
        h.createUpdate("""
                update wire_items set wire_version = :wire, article_version = :version, held_version = null,
                       held_reason = null, pubstatus = 'usable', last_imported = now()
                 where agency_id = :id""")
                .bind("id", agencyId)
                .bind("wire", wireVersion)
                .bind("version", articleVersion)
                .execute();
    }

    /** A newer agency version that was not applied to the draft, and why. */
    static void held(Handle h, String agencyId, String wireVersion, PubStatus status, String reason) {
        h.createUpdate("""
                update wire_items set held_version = :wire, held_reason = :reason, pubstatus = :status,
                       last_imported = now()
                 where agency_id = :id""")
                .bind("id", agencyId)
                .bind("wire", wireVersion)
                .bind("status", status)
                .bind("reason", reason)
                .execute();
    }

    static Optional<Article> article(Handle h, long id) {
        return h.createQuery("""
                select version, status, slug, section_id, kind, access from articles where id = :id for update""")
                .bind("id", id)
                .map((rs, ctx) -> new Article(
                        rs.getInt("version"),
                        DbValue.of(ArticleStatus.class, rs.getString("status")),
                        rs.getString("slug"),
                        rs.getLong("section_id"),
                        rs.getString("kind"),
                        rs.getString("access")))
                .findOne();
    }

    /** The section with this slug, or (none given) the paper's first section. */
    static Optional<Long> section(Handle h, String slug) {
        if (slug == null || slug.isBlank())
            return h.createQuery("select id from sections order by position, id limit 1")
                    .mapTo(Long.class)
                    .findOne();
        return h.createQuery("select id from sections where slug = :s")
                .bind("s", slug)
                .mapTo(Long.class)
                .findOne();
    }

    /** Authors named exactly (ignoring case) as one of the names, in the order of the names. */
    static List<Long> authorsNamed(Handle h, List<String> names) {
        List<Long> out = new ArrayList<>();
        for (String n : names) {
            h.createQuery("select id from authors where lower(name) = :n order by id limit 1")
                    .bind("n", n.toLowerCase(Locale.ROOT))
                    .mapTo(Long.class)
                    .findOne()
                    .filter(id -> !out.contains(id))
                    .ifPresent(out::add);
        }
        return out;
    }

    /** Topics whose slug is one of these, in that order. */
    static List<Long> topicsBySlug(Handle h, List<String> slugs) {
        List<Long> out = new ArrayList<>();
        for (String s : slugs) {
            h.createQuery("select id from topics where slug = :s")
                    .bind("s", s)
                    .mapTo(Long.class)
                    .findOne()
                    .filter(id -> !out.contains(id))
                    .ifPresent(out::add);
        }
        return out;
    }

    static Optional<Long> photoByExternalId(Handle h, String externalId) {
        return h.createQuery("select id from photos where external_id = :x")
                .bind("x", externalId)
                .mapTo(Long.class)
                .findOne();
    }

    /** A wire picture in the photo library, known by the agency's id for it. */
    static long insertPhoto(
            Handle h,
            String externalId,
            MediaFiles.Stored s,
            String caption,
            String credit,
            String altText,
            long userId) {
        return h.createQuery("""
                insert into photos (external_id, file_key, mime_type, width, height, caption, credit, alt_text, uploaded_by)
                values (:x, :key, :mime, :w, :h, :caption, :credit, :alt, :user) returning id""")
                .bind("x", externalId)
                .bind("key", s.fileKey())
                .bind("mime", s.mimeType())
                .bind("w", s.width())
                .bind("h", s.height())
                .bind("caption", caption)
                .bind("credit", credit)
                .bind("alt", altText)
                .bind("user", userId)
                .mapTo(Long.class)
                .one();
    }
}
