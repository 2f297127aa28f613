package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Authors: the names on bylines, each with a page, perhaps a portrait, perhaps a staff account. */
final class Authors implements Kind {

    /** How many photos the portrait select offers (the newest, plus the current portrait). */
    static final int PHOTO_CHOICES = 300;

    @Override
    public String noun() {
        return "author";
    }

    @Override
    public String plural() {
        return "authors";
    }

    @Override
    public String publicPath(String slug) {
        return Paths.author(slug);
    }

    @Override
    public List<String> fields() {
        return List.of("name", "slug", "title", "bio", "portrait", "user");
    }

    @Override
    public List<Entry> list(Handle h, String query, int limit) {
        return AuthorCatalogDao.list(h, query, limit);
    }

    @Override
    public Optional<Form> load(Handle h, long id, boolean lock) {
        return AuthorCatalogDao.load(h, id, lock);
    }

    @Override
    public void check(Handle h, Form form, Long id) {
        Checks.trim(form, fields());
        Checks.text(form, "name", "a name", 120, true);
        Checks.slug(h, form, CatalogDao.Table.AUTHORS, id);
        Checks.text(form, "title", "the title", 120, false);
        Checks.text(form, "bio", "the biography", 4000, false);
        Long photo = Checks.optionalId(form, "portrait", "Choose a photo from the list, or no portrait.");
        if (photo != null && !AuthorCatalogDao.photoExists(h, photo)) {
            form.error("portrait", "There is no photo number " + photo + ". Choose one from the list, or no portrait.");
        }
        Long user = Checks.optionalId(form, "user", "Choose a staff account from the list, or none.");
        if (user != null) {
            Optional<String> role = AuthorCatalogDao.accountRole(h, user);
            Optional<String> other = AuthorCatalogDao.linkedAuthor(h, user, id);
            if (role.isEmpty()) form.error("user", "That account no longer exists. Choose another, or none.");
            else if (role.get().equals("reader"))
                form.error("user", "Only contributors, editors and admins can be linked to an author.");
            else if (other.isPresent())
                form.error("user", "That account is already linked to the author “" + other.get() + "”.");
        }
    }

    @Override
    public long insert(Handle h, Form f) {
        return AuthorCatalogDao.insert(h, f);
    }

    @Override
    public void update(Handle h, long id, Form f) {
        AuthorCatalogDao.update(h, id, f);
    }

    @Override
    public int uses(Handle h, long id) {
        return AuthorCatalogDao.uses(h, id);
    }

    @Override
    public String inUse(String name, int uses) {
        return "“" + name + "” cannot be deleted: " + Catalog.articles(uses) + " on the byline. "
                + "Take them off those bylines first.";
    }

    @Override
    public void delete(Handle h, long id) {
        AuthorCatalogDao.delete(h, id);
    }

    @Override
    public Choices choices(Handle h, Long id) {
        List<Choice> photos = AuthorCatalogDao.portraitChoices(h, id, PHOTO_CHOICES).stream()
                .map(p -> new Choice(String.valueOf(p.id()), photoLabel(p.id(), p.caption(), p.credit())))
                .toList();
        List<Choice> staff = AuthorCatalogDao.staffChoices(h, id).stream()
                .map(u -> new Choice(
                        String.valueOf(u.id()),
                        (u.displayName().isBlank() ? u.email() : u.displayName() + " <" + u.email() + ">") + " ("
                                + u.role() + ")"))
                .toList();
        return new Choices(photos, staff);
    }

    private static String photoLabel(long id, String caption, String credit) {
        String text =
                caption.isBlank() ? "no caption" : caption.length() > 70 ? caption.substring(0, 69) + "…" : caption;
        return "Photo " + id + ": " + text + (credit.isBlank() ? "" : " (" + credit + ")");
    }

    @Override
    public String fieldOf(String constraint) {
        return constraint != null && constraint.contains("user") ? "user" : "slug";
    }
}
