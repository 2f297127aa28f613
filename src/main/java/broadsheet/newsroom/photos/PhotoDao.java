package broadsheet.newsroom.photos;

import broadsheet.db.Cursor;
import broadsheet.media.MediaFiles;
import broadsheet.media.Photo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The photo library's SQL: lists by keyset, one photo with its uses, inserts and versioned updates. */
final class PhotoDao {
    private PhotoDao() {}

    /** A photo as the library shows it. */
    record Item(Photo photo, Instant createdAt, int version, Long uploadedBy, String uploader, int uses) {
        List<String> missing() {
            return PhotoRules.missing(photo);
        }

        String cursor() {
            return new Cursor(createdAt, photo.id()).toString();
        }
    }

    /** What the library is narrowed to: only photos lacking words, photos to leave out. */
    record Search(boolean onlyIncomplete, List<Long> exclude) {}

    /** An article that shows a photo. */
    record ArticleRef(long id, String headline, String status, boolean lead) {}

    /** A photo an article shows, as lead or in its gallery. */
    record Use(Photo photo, boolean lead, boolean inGallery) {}

    private static final String PHOTO =
            "p.id, p.file_key, p.mime_type, p.width, p.height, p.caption, p.credit, p.alt_text";

    private static final String ITEM = """
            select %s, p.created_at, p.version, p.uploaded_by,
                   coalesce(nullif(u.display_name, ''), u.email, '') as uploader,
                   (select count(*) from (select ap.article_id from article_photos ap where ap.photo_id = p.id
                                          union select a.id from articles a where a.lead_photo_id = p.id) x) as uses
              from photos p left join users u on u.id = p.uploaded_by
            """.formatted(PHOTO);

    static final String BLANK_WORDS = "(btrim(p.caption) = '' or btrim(p.credit) = '' or btrim(p.alt_text) = '')";

    static List<Item> library(Handle h, Search q, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(ITEM).append(" where (p.created_at, p.id) < (:at, :id)");
        if (q.onlyIncomplete()) sql.append(" and ").append(BLANK_WORDS);
        if (!q.exclude().isEmpty()) sql.append(" and p.id <> all(:exclude)");
        sql.append(" order by p.created_at desc, p.id desc limit :limit");
        var query = h.createQuery(sql.toString())
                .bind("at", Timestamp.from(after.at()))
                .bind("id", after.id())
                .bind("limit", limit);
        if (!q.exclude().isEmpty()) query.bind("exclude", q.exclude().toArray(Long[]::new));
        return query.map((rs, ctx) -> item(rs)).list();
    }

    /** Of these photos (found by search), the ones that still exist and are not narrowed away, in any order. */
    static List<Long> narrow(Handle h, List<Long> ids, Search q) {
        if (ids.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("select p.id from photos p where p.id = any(:ids)");
        if (q.onlyIncomplete()) sql.append(" and ").append(BLANK_WORDS);
        if (!q.exclude().isEmpty()) sql.append(" and p.id <> all(:exclude)");
        var query = h.createQuery(sql.toString()).bind("ids", ids.toArray(Long[]::new));
        if (!q.exclude().isEmpty()) query.bind("exclude", q.exclude().toArray(Long[]::new));
        return query.mapTo(Long.class).list();
    }

    /** These photos as the library shows them, in the order asked, leaving out any that do not exist. */
    static List<Item> items(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Item> found = h.createQuery(ITEM + " where p.id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> item(rs))
                .list();
        java.util.Map<Long, Item> byId = new java.util.HashMap<>();
        for (Item i : found) byId.put(i.photo().id(), i);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    static Optional<Item> find(Handle h, long id) {
        return h.createQuery(ITEM + " where p.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> item(rs))
                .findOne();
    }

    /** Articles that show the photo, most recently changed first. */
    static List<ArticleRef> usedIn(Handle h, long photoId) {
        return h.createQuery("""
                select a.id, a.headline, a.status, coalesce(a.lead_photo_id = :id, false) as lead
                  from articles a
                 where a.lead_photo_id = :id
                    or exists (select 1 from article_photos ap where ap.article_id = a.id and ap.photo_id = :id)
                 order by a.updated_at desc, a.id desc limit 100""")
                .bind("id", photoId)
                .map((rs, ctx) -> new ArticleRef(
                        rs.getLong("id"), rs.getString("headline"), rs.getString("status"), rs.getBoolean("lead")))
                .list();
    }

    /** True when readers see the photo now: in a published article, or as an author's portrait. */
    static boolean seenByReaders(Handle h, long photoId) {
        return h.createQuery("""
                select exists (select 1 from articles a
                                where a.status = 'published'
                                  and (a.lead_photo_id = :id
                                       or exists (select 1 from article_photos ap where ap.article_id = a.id and ap.photo_id = :id)))
                    or exists (select 1 from authors where portrait_photo_id = :id)""").bind("id", photoId).mapTo(Boolean.class).one();
    }

    /** True when a published or scheduled article shows the photo: its words may not be emptied. */
    static boolean inPublishedOrScheduled(Handle h, long photoId) {
        return h.createQuery("""
                select exists (select 1 from articles a
                                where a.status in ('published', 'scheduled')
                                  and (a.lead_photo_id = :id
                                       or exists (select 1 from article_photos ap where ap.article_id = a.id and ap.photo_id = :id)))""").bind("id", photoId).mapTo(Boolean.class).one();
    }

    /** The lead photo first (if any), then the gallery in order without the lead again. */
    static List<Use> photosOf(Handle h, long articleId) {
        Long lead = h.createQuery("select lead_photo_id from articles where id = :id")
                .bind("id", articleId)
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
        List<Photo> gallery = gallery(h, articleId);
        List<Use> out = new ArrayList<>();
        if (lead != null) {
            boolean inGallery = gallery.stream().anyMatch(p -> p.id() == lead);
            photo(h, lead).ifPresent(p -> out.add(new Use(p, true, inGallery)));
        }
        for (Photo p : gallery) if (lead == null || p.id() != lead) out.add(new Use(p, false, true));
        return out;
    }

    static List<Photo> gallery(Handle h, long articleId) {
        return h.createQuery("select " + PHOTO + " from article_photos ap join photos p on p.id = ap.photo_id"
                        + " where ap.article_id = :id order by ap.position, p.id")
                .bind("id", articleId)
                .map((rs, ctx) -> photo(rs))
                .list();
    }

    static Optional<Photo> photo(Handle h, long id) {
        return h.createQuery("select " + PHOTO + " from photos p where p.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> photo(rs))
                .findOne();
    }

    static long insert(Handle h, MediaFiles.Checked c, Words w, long userId) {
        return h.createQuery("""
                insert into photos (file_key, mime_type, width, height, caption, credit, alt_text, uploaded_by)
                values (:key, :mime, :w, :h, :caption, :credit, :alt, :user) returning id""")
                .bind("key", c.fileKey())
                .bind("mime", c.mimeType())
                .bind("w", c.width())
                .bind("h", c.height())
                .bind("caption", w.caption())
                .bind("credit", w.credit())
                .bind("alt", w.altText())
                .bind("user", userId)
                .mapTo(Long.class)
                .one();
    }

    /** Saves new words if nobody saved since {@code version} was read; false when someone did. */
    static boolean update(Handle h, long id, int version, Words w) {
        return h.createUpdate("""
                update photos set caption = :caption, credit = :credit, alt_text = :alt,
                                  version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                        .bind("caption", w.caption())
                        .bind("credit", w.credit())
                        .bind("alt", w.altText())
                        .bind("id", id)
                        .bind("version", version)
                        .execute()
                == 1;
    }

    static boolean fileInUse(Handle h, String fileKey) {
        return h.createQuery("select exists (select 1 from photos where file_key = :k)")
                .bind("k", fileKey)
                .mapTo(Boolean.class)
                .one();
    }

    /** The photo's stored file, locking its row; empty when there is no such photo. */
    static Optional<String> lockFileKey(Handle h, long id) {
        return h.createQuery("select file_key from photos where id = :id for update")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    /** Whether an author has it as their portrait. */
    static boolean isPortrait(Handle h, long id) {
        return h.createQuery("select exists (select 1 from authors where portrait_photo_id = :id)")
                .bind("id", id)
                .mapTo(Boolean.class)
                .one();
    }

    static void delete(Handle h, long id) {
        h.createUpdate("delete from photos where id = :id").bind("id", id).execute();
    }

    private static Item item(ResultSet rs) throws SQLException {
        long by = rs.getLong("uploaded_by");
        Long uploadedBy = rs.wasNull() ? null : by;
        return new Item(
                photo(rs),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"),
                uploadedBy,
                rs.getString("uploader"),
                rs.getInt("uses"));
    }

    static Photo photo(ResultSet rs) throws SQLException {
        return new Photo(
                rs.getLong("id"),
                rs.getString("file_key"),
                rs.getString("mime_type"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getString("caption"),
                rs.getString("credit"),
                rs.getString("alt_text"));
    }
}
