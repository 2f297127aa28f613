package broadsheet.brand;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.db.Settings;
import broadsheet.web.Chrome;
import broadsheet.web.Form;
import broadsheet.web.PageCache;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of the brand page: what a paper may set, checked field by field, and saving it in one
 * transaction with its audit entry, after which every page shows the new brand at once.
 */
public final class BrandService {

    public static final List<String> FIELDS =
            List.of("name", "tagline", "accent", "link", "heading_font", "body_font", "footer_text", "footer_links");

    /** A logo file as uploaded: its name (for messages) and bytes. */
    public record Upload(String fileName, byte[] bytes) {}

    private final Jdbi jdbi;
    private final Chrome chrome;
    private final PageCache cache;

    public BrandService(Jdbi jdbi, Chrome chrome, PageCache cache) {
        this.jdbi = jdbi;
        this.chrome = chrome;
        this.cache = cache;
    }

    /** The form filled in with the brand as it is now. */
    public Form current() {
        Brand b = chrome.brand().brand();
        StringBuilder links = new StringBuilder();
        for (Brand.FooterLink l : b.footerLinks())
            links.append(l.label()).append(" | ").append(l.href()).append('\n');
        return Form.empty()
                .set("name", chrome.site().name())
                .set("tagline", chrome.site().tagline())
                .set("accent", b.accent())
                .set("link", b.link())
                .set("heading_font", b.headingFont().key())
                .set("body_font", b.bodyFont().key())
                .set("footer_text", b.footerText())
                .set("footer_links", links.toString().strip());
    }

    /**
     * Checks the form and, when it is all right, saves it. Errors are put on the form, named by field.
     *
     * @param logo       a newly uploaded logo, or null to keep the current one
     * @param removeLogo true to go back to the paper's name in type
     * @return whether it was saved
     */
    public boolean save(User admin, Form form, Upload logo, boolean removeLogo) {
        Map<String, String> values = check(form);
        String logoType = null;
        if (logo != null) {
            switch (LogoCheck.check(logo.fileName(), logo.bytes())) {
                case LogoCheck.Accepted a -> logoType = a.contentType();
                case LogoCheck.Refused r -> form.error("logo", "Logo: " + r.why());
            }
        }
        if (form.hasErrors()) return false;
        List<String> changed = new ArrayList<>();
        Map<String, String> before = valuesOf(current());
        values.forEach((k, v) -> {
            if (!v.equals(before.get(k))) changed.add(k);
        });
        if (logo != null) {
            values.put(Brand.LOGO, Base64.getEncoder().encodeToString(logo.bytes()));
            values.put(Brand.LOGO_TYPE, logoType);
            changed.add("logo");
        } else if (removeLogo && chrome.brand().brand().hasLogo()) {
            values.put(Brand.LOGO, "");
            values.put(Brand.LOGO_TYPE, "");
            changed.add("logo removed");
        }
        String detail = changed.isEmpty() ? "nothing changed" : "changed: " + String.join(", ", changed);
        jdbi.useTransaction(h -> {
            values.forEach((k, v) -> Settings.put(h, settingKey(k), v));
            Audit.record(h, admin, "brand.update", "brand", null, detail);
            ContentChanges.announce(h); // other nodes reload and drop their cached pages
        });
        chrome.reload(); // this node at once, so the next page already shows the new brand
        cache.clear();
        return true;
    }

    private static Map<String, String> valuesOf(Form f) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : FIELDS) out.put(field, normalised(field, f.raw(field)));
        return out;
    }

    private static String normalised(String field, String raw) {
        return switch (field) {
            case "accent", "link" -> Colours.parse(raw).orElse(raw.strip());
            case "footer_links" -> raw.strip().replace("\r\n", "\n");
            default -> raw.strip();
        };
    }

    private static String settingKey(String field) {
        return switch (field) {
            case "name" -> "site_name";
            case "tagline" -> "site_tagline";
            case "accent" -> Brand.ACCENT;
            case "link" -> Brand.LINK;
            case "heading_font" -> Brand.HEADING_FONT;
            case "body_font" -> Brand.BODY_FONT;
            case "footer_text" -> Brand.FOOTER_TEXT;
            case "footer_links" -> Brand.FOOTER_LINKS;
            default -> field; // the logo keys are already setting names
        };
    }

    /** The form's values ready to store, with an error on the form for each field that is wrong. */
    static Map<String, String> check(Form form) {
        Map<String, String> v = valuesOf(form);
        if (v.get("name").isEmpty()) form.error("name", "Paper's name: enter the name readers know the paper by.");
        else if (v.get("name").length() > 80)
            form.error(
                    "name",
                    "Paper's name: at most 80 characters (it has "
                            + v.get("name").length() + ").");
        if (v.get("tagline").length() > 120)
            form.error(
                    "tagline",
                    "Tagline: at most 120 characters (it has "
                            + v.get("tagline").length() + ").");
        colour(form, "accent", "Accent colour", form.raw("accent"));
        colour(form, "link", "Link colour", form.raw("link"));
        if (FontChoice.of(v.get("heading_font")).isEmpty())
            form.error("heading_font", "Heading font: choose one of the fonts listed.");
        if (FontChoice.of(v.get("body_font")).isEmpty())
            form.error("body_font", "Body font: choose one of the fonts listed.");
        if (v.get("footer_text").length() > 300)
            form.error(
                    "footer_text",
                    "Footer text: at most 300 characters (it has "
                            + v.get("footer_text").length() + ").");
        List<String> linkProblems = FooterLinks.problems(v.get("footer_links"));
        if (!linkProblems.isEmpty()) form.error("footer_links", String.join(" ", linkProblems));
        return v;
    }

    /** A colour must be hex and readable both as text on white and under white text (WCAG AA, 4.5:1). */
    private static void colour(Form form, String field, String label, String raw) {
        var hex = Colours.parse(raw);
        if (hex.isEmpty()) {
            form.error(
                    field,
                    label + ": \"" + raw.strip()
                            + "\" is not a colour. Write it as # and six hex digits, like #9b1c1c.");
            return;
        }
        double ratio = Colours.contrast(hex.get(), "#ffffff");
        if (ratio < Colours.AA)
            form.error(
                    field,
                    label + " " + hex.get() + " is too light: its contrast with white is "
                            + String.format(Locale.ROOT, "%.1f", ratio)
                            + ":1, and WCAG AA needs at least 4.5:1 for text on white and for white text on it. "
                            + "Choose a darker shade.");
    }
}
