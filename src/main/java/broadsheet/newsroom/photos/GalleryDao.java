package broadsheet.newsroom.photos;

import broadsheet.newsroom.photos.GalleryService.Article;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of an article's gallery and lead photo, each inside the caller's transaction. */
final class GalleryDao {
    private GalleryDao() {}

    /** The gallery's photo ids in order. */
    static List<Long> photoIds(Handle h, long articleId) {
        return h.createQuery("select photo_id from article_photos where article_id = :a order by position, photo_id")
                .bind("a", articleId)
                .mapTo(Long.class)
                .list();
    }

    static void add(Handle h, long articleId, long photoId, int position) {
        h.createUpdate("insert into article_photos (article_id, photo_id, position) values (:a, :p, :pos)")
                .bind("a", articleId)
                .bind("p", photoId)
                .bind("pos", position)
                .execute();
    }

    static void remove(Handle h, long articleId, long photoId) {
        h.createUpdate("delete from article_photos where article_id = :a and photo_id = :p")
                .bind("a", articleId)
                .bind("p", photoId)
                .execute();
    }

    static void renumber(Handle h, long articleId, List<Long> order) {
        h.createUpdate("""
                update article_photos ap set position = x.ord - 1
                  from unnest(cast(:ids as bigint[])) with ordinality as x(photo_id, ord)
                 where ap.article_id = :a and ap.photo_id = x.photo_id""")
                .bind("ids", order.toArray(Long[]::new))
                .bind("a", articleId)
                .execute();
    }

    static void setLead(Handle h, long articleId, Long photoId) {
        h.createUpdate("update articles set lead_photo_id = :p where id = :a")
                .bind("p", photoId)
                .bind("a", articleId)
                .execute();
    }

    static Optional<Article> find(Handle h, long id, boolean lock) {
        return h.createQuery("""
                select id, headline, slug, status, published_at, created_by, lead_photo_id from articles where id = :id""" + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, ctx) -> {
                    Timestamp t = rs.getTimestamp("published_at");
                    long by = rs.getLong("created_by");
                    Long createdBy = rs.wasNull() ? null : by;
                    long lead = rs.getLong("lead_photo_id");
                    Long leadId = rs.wasNull() ? null : lead;
                    return new Article(
                            rs.getLong("id"),
                            rs.getString("headline"),
                            rs.getString("slug"),
                            rs.getString("status"),
                            t == null ? null : t.toInstant(),
                            createdBy,
                            leadId);
                })
                .findOne();
    }
}
