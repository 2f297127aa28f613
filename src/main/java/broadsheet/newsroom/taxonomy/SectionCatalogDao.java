package broadsheet.newsroom.taxonomy;

import broadsheet.newsroom.taxonomy.Kind.Entry;
import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of the newsroom's sections, each inside the caller's transaction. */
final class SectionCatalogDao {
    private SectionCatalogDao() {}

    static List<Entry> list(Handle h, String query, int limit) {
        return h.createQuery("""
                select s.id, s.name, s.slug, s.position, (select count(*) from articles a where a.section_id = s.id) as uses
                  from sections s
                 where :q = '' or strpos(lower(s.name), lower(:q)) > 0 or strpos(lower(s.slug), lower(:q)) > 0
                 order by s.position, s.name limit :limit""")
                .bind("q", query)
                .bind("limit", limit)
                .map((rs, c) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("slug"),
                        "Place " + rs.getInt("position") + " in the navigation",
                        rs.getInt("uses"),
                        Paths.section(rs.getString("slug"))))
                .list();
    }

    static Optional<Form> load(Handle h, long id, boolean lock) {
        return h.createQuery("select name, slug, description, position, version from sections where id = :id"
                        + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, c) -> Form.empty()
                        .set("name", rs.getString("name"))
                        .set("slug", rs.getString("slug"))
                        .set("description", rs.getString("description"))
                        .set("position", String.valueOf(rs.getInt("position")))
                        .set("version", String.valueOf(rs.getInt("version"))))
                .findOne();
    }

    /** The place after the last section in the navigation. */
    static int nextPosition(Handle h) {
        return h.createQuery("select coalesce(max(position) + 1, 0) from sections")
                .mapTo(Integer.class)
                .one();
    }

    static long insert(Handle h, Form f) {
        return h.createQuery("""
                insert into sections (name, slug, description, position) values (:name, :slug, :description, :position)
                returning id""")
                .bind("name", f.raw("name"))
                .bind("slug", f.raw("slug"))
                .bind("description", f.raw("description"))
                .bind("position", Integer.parseInt(f.raw("position")))
                .mapTo(Long.class)
                .one();
    }

    static void update(Handle h, long id, Form f) {
        h.createUpdate("""
                update sections set name = :name, slug = :slug, description = :description, position = :position,
                       version = version + 1
                 where id = :id""")
                .bind("name", f.raw("name"))
                .bind("slug", f.raw("slug"))
                .bind("description", f.raw("description"))
                .bind("position", Integer.parseInt(f.raw("position")))
                .bind("id", id)
                .execute();
    }

    static int uses(Handle h, long id) {
        return h.createQuery("select count(*) from articles where section_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    static void delete(Handle h, long id) {
        h.createUpdate("delete from sections where id = :id").bind("id", id).execute();
    }

    /** Moves the front kept under one key to another, dropping any rows left under the new key. */
    static void moveFront(Handle h, String from, String to) {
        // rows under the new key could only be left over from a section deleted outside the newsroom
        deleteFront(h, to);
        h.createUpdate("update front_versions set front = :to where front = :from")
                .bind("to", to)
                .bind("from", from)
                .execute();
        h.createUpdate("update front_items set front = :to where front = :from")
                .bind("to", to)
                .bind("from", from)
                .execute();
    }

    static void deleteFront(Handle h, String front) {
        h.createUpdate("delete from front_items where front = :f")
                .bind("f", front)
                .execute();
        h.createUpdate("delete from front_versions where front = :f")
                .bind("f", front)
                .execute();
    }
}
