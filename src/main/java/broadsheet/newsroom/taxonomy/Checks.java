package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import broadsheet.web.Params;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** The field rules the content import also applies (see content/ContentCheck), worded for a form. */
final class Checks {
    private Checks() {}

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int SLUG_MAX = 100;

    /** Trims every field, so what is checked is what is saved. */
    static void trim(Form form, Iterable<String> fields) {
        for (String f : fields) form.set(f, form.raw(f).strip());
    }

    static void text(Form form, String field, String label, int max, boolean required) {
        String v = form.raw(field);
        if (required && v.isBlank()) form.error(field, "Enter " + label + ".");
        else if (v.codePointCount(0, v.length()) > max)
            form.error(field, capital(label) + " must be at most " + max + " characters.");
    }

    /** A blank slug is made from the name; any slug must be well-formed and not used by another row of the table. */
    static void slug(Handle h, Form form, CatalogDao.Table table, Long id) {
        if (form.raw("slug").isEmpty()) form.set("slug", slugOf(form.raw("name")));
        String slug = form.raw("slug");
        if (slug.isEmpty()) {
            form.error(
                    "slug",
                    "Enter a slug: lower-case letters and digits in words joined by hyphens, e.g. harbour-bill.");
        } else if (slug.length() > SLUG_MAX) {
            form.error("slug", "The slug must be at most " + SLUG_MAX + " characters.");
        } else if (!SLUG.matcher(slug).matches()) {
            form.error(
                    "slug",
                    "“" + slug + "” is not a valid slug: use lower-case letters and digits in words joined by"
                            + " single hyphens, e.g. harbour-bill.");
        } else if (CatalogDao.slugTaken(h, table, slug, id)) {
            form.error(
                    "slug",
                    "The slug “" + slug + "” is already used by another " + table.noun() + ". Choose a different one.");
        }
    }

    /** "Harbour Bill (2026)" -> "harbour-bill-2026"; accents dropped. */
    static String slugOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX) slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
        return slug;
    }

    /** A blank optional id, or the id typed; null when blank, and an error when it is not a number. */
    static Long optionalId(Form form, String field, String message) {
        String v = form.raw(field);
        if (v.isEmpty()) return null;
        Long id = Params.typedLong(v).orElse(null);
        if (id == null) form.error(field, message);
        return id;
    }

    private static String capital(String label) {
        String s = label.replaceFirst("^(a|an|the) ", "");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
