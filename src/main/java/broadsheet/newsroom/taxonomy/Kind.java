package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One kind of thing articles are filed under (sections, authors, topics): its form fields, its
 * rules, and its SQL. {@link Catalog} runs the transactions around these; each method gets the
 * handle of the transaction it runs in.
 */
public interface Kind {

    /** A row of the list page. */
    record Entry(long id, String name, String slug, String detail, int uses, String publicPath) {}

    /** The options an edit form offers beyond what the template knows (photos, staff accounts). */
    record Choices(List<Choice> photos, List<Choice> staff) {
        static final Choices NONE = new Choices(List.of(), List.of());
    }

    /** "section" */
    String noun();

    /** "sections", as in /newsroom/sections */
    String plural();

    /** The form's fields, in order (the version travels separately). */
    List<String> fields();

    /** The list page's rows; {@code query} narrows by name or slug when not blank. */
    List<Entry> list(Handle h, String query, int limit);

    /** The saved values as form values, locking the row when asked, or empty when there is no such row. */
    Optional<Form> load(Handle h, long id, boolean lock);

    /** Tidies the typed values (trims, fills a blank slug from the name) and adds an error to each wrong field. */
    void check(Handle h, Form form, Long id);

    long insert(Handle h, Form form);

    void update(Handle h, long id, Form form);

    /** How many articles use it: a thing in use cannot be deleted. */
    int uses(Handle h, long id);

    /** The clear message for a refused delete. */
    String inUse(String name, int uses);

    void delete(Handle h, long id);

    default Choices choices(Handle h, Long id) {
        return Choices.NONE;
    }

    /** After a slug change, in the same transaction (a section's front moves with it). */
    default void renamed(Handle h, String oldSlug, String newSlug) {}

    /** After a delete, in the same transaction. */
    default void deleted(Handle h, String slug) {}

    /** The field a unique constraint guards, so a lost race shows next to the right field. */
    default String fieldOf(String constraint) {
        return "slug";
    }

    /** Where readers find it. */
    String publicPath(String slug);
}
