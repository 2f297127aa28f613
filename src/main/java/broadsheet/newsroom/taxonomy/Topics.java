package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Topics: people, organizations, places and subjects that articles are tagged with. */
final class Topics implements Kind {

    static final List<String> KINDS = List.of("person", "organization", "place", "subject");

    @Override
    public String noun() {
        return "topic";
    }

    @Override
    public String plural() {
        return "topics";
    }

    @Override
    public String publicPath(String slug) {
        return Paths.topic(slug);
    }

    @Override
    public List<String> fields() {
        return List.of("name", "slug", "kind", "aliases");
    }

    @Override
    public List<Entry> list(Handle h, String query, int limit) {
        return h.createQuery("""
                select t.id, t.name, t.slug, t.kind, (select count(*) from article_topics x where x.topic_id = t.id)
                  from topics t
                 where :q = '' or strpos(lower(t.name), lower(:q)) > 0 or strpos(lower(t.slug), lower(:q)) > 0
                       or exists (select 1 from unnest(t.aliases) al where strpos(lower(al), lower(:q)) > 0)
                 order by t.name, t.id limit :limit""")
                .bind("q", query)
                .bind("limit", limit)
                .map((rs, c) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        label(rs.getString(4)),
                        rs.getInt(5),
                        publicPath(rs.getString(3))))
                .list();
    }

    @Override
    public Optional<Form> load(Handle h, long id, boolean lock) {
        return h.createQuery("select name, slug, kind, aliases, version from topics where id = :id"
                        + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, c) -> Form.empty()
                        .set("name", rs.getString(1))
                        .set("slug", rs.getString(2))
                        .set("kind", rs.getString(3))
                        .set("aliases", String.join(", ", (String[])
                                rs.getArray(4).getArray()))
                        .set("version", String.valueOf(rs.getInt(5))))
                .findOne();
    }

    @Override
    public void check(Handle h, Form form, Long id) {
        Checks.trim(form, fields());
        Checks.text(form, "name", "a name", 120, true);
        Checks.slug(h, form, "topics", id);
        if (!KINDS.contains(form.raw("kind")))
            form.error("kind", "Choose what kind of topic this is: person, organization, place or subject.");
        List<String> aliases = aliases(form.raw("aliases"));
        Set<String> seen = new HashSet<>();
        for (String a : aliases) {
            if (a.codePointCount(0, a.length()) > 120) {
                form.error("aliases", "Each alias must be at most 120 characters.");
            } else if (!seen.add(a.toLowerCase(Locale.ROOT))) {
                form.error("aliases", "The alias “" + a + "” is listed twice.");
            }
        }
        if (aliases.size() > 50) form.error("aliases", "List at most 50 aliases.");
        if (!form.hasError("aliases")) form.set("aliases", String.join(", ", aliases));
    }

    /** "Dock Authority, the Authority," -> ["Dock Authority", "the Authority"]. */
    static List<String> aliases(String typed) {
        List<String> out = new ArrayList<>();
        for (String a : typed.split(",")) if (!a.isBlank()) out.add(a.strip().replaceAll("\\s+", " "));
        return out;
    }

    @Override
    public long insert(Handle h, Form f) {
        return h.createQuery(
                        "insert into topics (name, slug, kind, aliases) values (:name, :slug, :kind, :aliases) returning id")
                .bind("name", f.raw("name"))
                .bind("slug", f.raw("slug"))
                .bind("kind", f.raw("kind"))
                .bind("aliases", aliases(f.raw("aliases")).toArray(String[]::new))
                .mapTo(Long.class)
                .one();
    }

    @Override
    public void update(Handle h, long id, Form f) {
        h.createUpdate("""
                update topics set name = :name, slug = :slug, kind = :kind, aliases = :aliases, version = version + 1
                 where id = :id""")
                .bind("name", f.raw("name"))
                .bind("slug", f.raw("slug"))
                .bind("kind", f.raw("kind"))
                .bind("aliases", aliases(f.raw("aliases")).toArray(String[]::new))
                .bind("id", id)
                .execute();
    }

    @Override
    public int uses(Handle h, long id) {
        return h.createQuery("select count(*) from article_topics where topic_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public String inUse(String name, int uses) {
        return "“" + name + "” cannot be deleted: " + Catalog.articles(uses)
                + " tagged with it. Remove the tag from them first.";
    }

    @Override
    public void delete(Handle h, long id) {
        h.execute("delete from topics where id = ?", id);
    }

    static String label(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
