package broadsheet.newsroom.taxonomy;

import broadsheet.topics.TopicKind;
import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Topics: people, organizations, places and subjects that articles are tagged with. */
final class Topics implements Kind {

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
        return TopicCatalogDao.list(h, query, limit);
    }

    @Override
    public Optional<Form> load(Handle h, long id, boolean lock) {
        return TopicCatalogDao.load(h, id, lock);
    }

    @Override
    public void check(Handle h, Form form, Long id) {
        Checks.trim(form, fields());
        Checks.text(form, "name", "a name", 120, true);
        Checks.slug(h, form, CatalogDao.Table.TOPICS, id);
        if (kindOf(form.raw("kind")).isEmpty())
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
        return TopicCatalogDao.insert(h, f.raw("name"), f.raw("slug"), kind(f), aliases(f.raw("aliases")));
    }

    @Override
    public void update(Handle h, long id, Form f) {
        TopicCatalogDao.update(h, id, f.raw("name"), f.raw("slug"), kind(f), aliases(f.raw("aliases")));
    }

    @Override
    public int uses(Handle h, long id) {
        return TopicCatalogDao.uses(h, id);
    }

    @Override
    public String inUse(String name, int uses) {
        return "“" + name + "” cannot be deleted: " + Catalog.articles(uses)
                + " tagged with it. Remove the tag from them first.";
    }

    @Override
    public void delete(Handle h, long id) {
        TopicCatalogDao.delete(h, id);
    }

    /** The kind typed, as stored ("person"), if it is one. */
    static Optional<TopicKind> kindOf(String typed) {
        return Arrays.stream(TopicKind.values())
                .filter(k -> k.dbValue().equals(typed))
                .findFirst();
    }

    /** The checked form's kind. */
    private static TopicKind kind(Form f) {
        return kindOf(f.raw("kind")).orElseThrow();
    }
}
