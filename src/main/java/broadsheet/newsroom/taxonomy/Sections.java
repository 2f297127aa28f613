package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Sections: the paper's departments, in navigation order. */
final class Sections implements Kind {

    static final int POSITION_MAX = 9999;

    @Override
    public String noun() {
        return "section";
    }

    @Override
    public String plural() {
        return "sections";
    }

    @Override
    public String publicPath(String slug) {
        return Paths.section(slug);
    }

    @Override
    public List<String> fields() {
        return List.of("name", "slug", "description", "position");
    }

    @Override
    public List<Entry> list(Handle h, String query, int limit) {
        return h.createQuery("""
                select s.id, s.name, s.slug, s.position, (select count(*) from articles a where a.section_id = s.id)
                  from sections s
                 where :q = '' or strpos(lower(s.name), lower(:q)) > 0 or strpos(lower(s.slug), lower(:q)) > 0
                 order by s.position, s.name limit :limit""")
                .bind("q", query)
                .bind("limit", limit)
                .map((rs, c) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        "Place " + rs.getInt(4) + " in the navigation",
                        rs.getInt(5),
                        publicPath(rs.getString(3))))
                .list();
    }

    @Override
    public Optional<Form> load(Handle h, long id, boolean lock) {
        return h.createQuery("select name, slug, description, position, version from sections where id = :id"
                        + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, c) -> Form.empty()
                        .set("name", rs.getString(1))
                        .set("slug", rs.getString(2))
                        .set("description", rs.getString(3))
                        .set("position", String.valueOf(rs.getInt(4)))
                        .set("version", String.valueOf(rs.getInt(5))))
                .findOne();
    }

    @Override
    public void check(Handle h, Form form, Long id) {
        Checks.trim(form, fields());
        Checks.text(form, "name", "a name", 80, true);
        Checks.slug(h, form, "sections", id);
        Checks.text(form, "description", "the description", 500, false);
        String position = form.raw("position");
        if (position.isEmpty()) {
            form.set(
                    "position",
                    String.valueOf(h.createQuery("select coalesce(max(position) + 1, 0) from sections")
                            .mapTo(Integer.class)
                            .one()));
        } else {
            try {
                int p = Integer.parseInt(position);
                if (p < 0 || p > POSITION_MAX)
                    form.error("position", "The position must be a whole number from 0 to " + POSITION_MAX + ".");
            } catch (NumberFormatException e) {
                form.error("position", "The position must be a whole number from 0 to " + POSITION_MAX + ", e.g. 3.");
            }
        }
    }

    @Override
    public long insert(Handle h, Form f) {
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

    @Override
    public void update(Handle h, long id, Form f) {
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

    @Override
    public int uses(Handle h, long id) {
        return h.createQuery("select count(*) from articles where section_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public String inUse(String name, int uses) {
        return "“" + name + "” cannot be deleted: " + Catalog.articles(uses) + " filed in it (published or not). "
                + "Move them to another section first.";
    }

    @Override
    public void delete(Handle h, long id) {
        h.execute("delete from sections where id = ?", id);
    }

    /** The section's front is keyed by its slug: it moves with it. */
    @Override
    public void renamed(Handle h, String oldSlug, String newSlug) {
        String from = "section:" + oldSlug;
        String to = "section:" + newSlug;
        // rows under the new key could only be left over from a section deleted outside the newsroom
        h.execute("delete from front_items where front = ?", to);
        h.execute("delete from front_versions where front = ?", to);
        h.execute("update front_versions set front = ? where front = ?", to, from);
        h.execute("update front_items set front = ? where front = ?", to, from);
    }

    @Override
    public void deleted(Handle h, String slug) {
        h.execute("delete from front_items where front = ?", "section:" + slug);
        h.execute("delete from front_versions where front = ?", "section:" + slug);
    }
}
