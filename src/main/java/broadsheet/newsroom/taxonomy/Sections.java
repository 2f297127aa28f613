package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import broadsheet.web.Params;
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
        return SectionCatalogDao.list(h, query, limit);
    }

    @Override
    public Optional<Form> load(Handle h, long id, boolean lock) {
        return SectionCatalogDao.load(h, id, lock);
    }

    @Override
    public void check(Handle h, Form form, Long id) {
        Checks.trim(form, fields());
        Checks.text(form, "name", "a name", 80, true);
        Checks.slug(h, form, CatalogDao.Table.SECTIONS, id);
        Checks.text(form, "description", "the description", 500, false);
        String position = form.raw("position");
        if (position.isEmpty()) {
            form.set("position", String.valueOf(SectionCatalogDao.nextPosition(h)));
        } else {
            java.util.Optional<Integer> p = Params.typedInt(position);
            if (p.isEmpty())
                form.error("position", "The position must be a whole number from 0 to " + POSITION_MAX + ", e.g. 3.");
            else if (p.get() < 0 || p.get() > POSITION_MAX)
                form.error("position", "The position must be a whole number from 0 to " + POSITION_MAX + ".");
        }
    }

    @Override
    public long insert(Handle h, Form f) {
        return SectionCatalogDao.insert(h, f);
    }

    @Override
    public void update(Handle h, long id, Form f) {
        SectionCatalogDao.update(h, id, f);
    }

    @Override
    public int uses(Handle h, long id) {
        return SectionCatalogDao.uses(h, id);
    }

    @Override
    public String inUse(String name, int uses) {
        return "“" + name + "” cannot be deleted: " + Catalog.articles(uses) + " filed in it (published or not). "
                + "Move them to another section first.";
    }

    @Override
    public void delete(Handle h, long id) {
        SectionCatalogDao.delete(h, id);
    }

    /** The section's front is keyed by its slug: it moves with it. */
    @Override
    public void renamed(Handle h, String oldSlug, String newSlug) {
        SectionCatalogDao.moveFront(h, "section:" + oldSlug, "section:" + newSlug);
    }

    @Override
    public void deleted(Handle h, String slug) {
        SectionCatalogDao.deleteFront(h, "section:" + slug);
    }
}
