package broadsheet.content;

import broadsheet.content.ContentFile.Article;
import broadsheet.content.ContentFile.Correction;
import broadsheet.db.Settings;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The export's reads: every row of the paper (every status) as a content file. Photos are named
 * {@code photos/<fileKey>.<ext>}, the file the exporter copies next to content.json.
 */
final class ExportDao {

    private static final Map<String, String> EXTENSIONS =
            Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

    private ExportDao() {}

    /** Everything, as one content file; run it in a REPEATABLE READ transaction so the parts agree. */
    static ContentFile snapshot(Handle h) {
        Map<Long, String> photoIds = new HashMap<>();
        List<ContentFile.Photo> photos = photos(h, photoIds);
        return new ContentFile(
                ContentFile.FORMAT,
                site(h),
                h.createQuery("select slug, name, description, position from sections order by position, slug")
                        .map((rs, ctx) -> new ContentFile.Section(
                                rs.getString("slug"),
                                rs.getString("name"),
                                rs.getString("description"),
                                rs.getInt("position")))
                        .list(),
                h.createQuery("select slug, name, title, bio, portrait_photo_id from authors order by slug")
                        .map((rs, ctx) -> new ContentFile.Author(
                                rs.getString("slug"),
                                rs.getString("name"),
                                rs.getString("title"),
                                rs.getString("bio"),
                                photoIds.get(id(rs, "portrait_photo_id"))))
                        .list(),
                h.createQuery("select slug, name, kind, aliases from topics order by slug")
                        .map((rs, ctx) -> new ContentFile.Topic(
                                rs.getString("slug"), rs.getString("name"), rs.getString("kind"), List.of((String[])
                                        rs.getArray("aliases").getArray())))
                        .list(),
                photos,
                h.createQuery("select slug, name, description, audience, schedule from newsletters order by slug")
                        .map((rs, ctx) -> new ContentFile.Newsletter(
                                rs.getString("slug"),
                                rs.getString("name"),
                                rs.getString("description"),
                                rs.getString("audience"),
                                rs.getString("schedule")))
                        .list(),
                articles(h, photoIds),
                fronts(h));
    }

    /** The paper's name, tagline and time zone, or null when none of them is set. */
    private static ContentFile.Site site(Handle h) {
        Optional<String> name = Settings.get(h, "site_name");
        Optional<String> tagline = Settings.get(h, "site_tagline");
        Optional<String> zone = Settings.get(h, "site_time_zone");
        return name.isEmpty() && tagline.isEmpty() && zone.isEmpty()
                ? null
                : new ContentFile.Site(name.orElse(null), tagline.orElse(null), zone.orElse(null));
    }

    /** Photos keep their external id; one uploaded in the newsroom has none and is named photo-<number>. */
    private static List<ContentFile.Photo> photos(Handle h, Map<Long, String> idsOut) {
        record Row(
                long id, String externalId, String fileKey, String mime, String caption, String credit, String alt) {}
        List<Row> rows = h.createQuery(
                        "select id, external_id, file_key, mime_type, caption, credit, alt_text from photos order by id")
                .map((rs, ctx) -> new Row(
                        rs.getLong("id"),
                        rs.getString("external_id"),
                        rs.getString("file_key"),
                        rs.getString("mime_type"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        rs.getString("alt_text")))
                .list();
        Set<String> taken = new HashSet<>();
        rows.stream().map(Row::externalId).filter(x -> x != null).forEach(taken::add);
        List<ContentFile.Photo> out = new ArrayList<>();
        for (Row r : rows) {
            String id = r.externalId();
            if (id == null) {
                id = "photo-" + r.id();
                while (!taken.add(id)) id = id + "-x";
            }
            idsOut.put(r.id(), id);
            String file = "photos/" + r.fileKey() + "." + EXTENSIONS.get(r.mime());
            out.add(new ContentFile.Photo(id, file, r.caption(), r.credit(), r.alt()));
        }
        return out;
    }

    private static List<Article> articles(Handle h, Map<Long, String> photoIds) {
        Map<Long, List<Correction>> corrections = new HashMap<>();
        h.createQuery("select article_id, kind, body, created_at from corrections order by article_id, created_at, id")
                .map((rs, ctx) -> Map.entry(
                        rs.getLong("article_id"),
                        new Correction(rs.getString("kind"), rs.getString("body"), instant(rs, "created_at"))))
                .forEach(e -> corrections
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return h.createQuery("""
                select a.id, a.external_id, a.slug, a.headline, a.deck, a.body, s.slug as section, a.kind, a.status, a.access,
                       a.published_at, a.updated_at, a.lead_photo_id,
                       array(select au.slug from article_authors aa join authors au on au.id = aa.author_id
                              where aa.article_id = a.id order by aa.position, au.name) as authors,
                       array(select t.slug from article_topics at join topics t on t.id = at.topic_id
                              where at.article_id = a.id order by at.position, t.name) as topics,
                       array(select ap.photo_id from article_photos ap
                              where ap.article_id = a.id order by ap.position, ap.photo_id) as gallery
                  from articles a join sections s on s.id = a.section_id
                 order by a.id""")
                .map((rs, ctx) -> {
                    List<String> gallery = Arrays.stream(
                                    (Long[]) rs.getArray("gallery").getArray())
                            .map(photoIds::get)
                            .toList();
                    return new Article(
                            rs.getString("external_id"),
                            rs.getString("slug"),
                            rs.getString("headline"),
                            rs.getString("deck"),
                            rs.getString("section"),
                            rs.getString("kind"),
                            rs.getString("status"),
                            instant(rs, "published_at"),
                            instant(rs, "updated_at"),
                            strings(rs.getArray("authors")),
                            strings(rs.getArray("topics")),
                            photoIds.get(id(rs, "lead_photo_id")),
                            gallery.isEmpty() ? null : gallery,
                            rs.getString("body"),
                            corrections.get(rs.getLong("id")),
                            "free".equals(rs.getString("access")) ? null : rs.getString("access"));
                })
                .list();
    }

    private static LinkedHashMap<String, List<String>> fronts(Handle h) {
        LinkedHashMap<String, List<String>> fronts = new LinkedHashMap<>();
        h.createQuery("""
                select f.front, a.slug from front_items f join articles a on a.id = f.article_id
                 order by f.front = 'home' desc, f.front, f.position""")
                .map((rs, ctx) -> Map.entry(rs.getString("front"), rs.getString("slug")))
                .forEach(e -> fronts.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return fronts.isEmpty() ? null : fronts;
    }

    private static List<String> strings(Array a) throws SQLException {
        return List.of((String[]) a.getArray());
    }

    private static Long id(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
