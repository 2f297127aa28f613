package broadsheet.brand;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A paper's own look, as an admin set it on the brand page: colours, type, an optional logo and
 * the footer. Kept in the settings table under {@code brand_*} keys; defaults give the built-in look.
 *
 * @param logo     the logo file's bytes, or an empty array for none (the name is set in type)
 * @param logoType "image/svg+xml" or "image/png" ("" for none)
 */
public record Brand(
        String accent,
        String link,
        FontChoice headingFont,
        FontChoice bodyFont,
        String footerText,
        List<FooterLink> footerLinks,
        byte[] logo,
        String logoType) {

    public static final String DEFAULT_ACCENT = "#9b1c1c";
    public static final String DEFAULT_LINK = "#0b4f8a";
    /** The dark theme's background (site.css uses the same). */
    public static final String DARK_PAPER = "#121212";

    /** A link in the footer: its words and where it goes (a path on this site, https: or mailto:). */
    public record FooterLink(String label, String href) {}

    public static final String ACCENT = "brand_accent";
    public static final String LINK = "brand_link";
    public static final String HEADING_FONT = "brand_heading_font";
    public static final String BODY_FONT = "brand_body_font";
    public static final String FOOTER_TEXT = "brand_footer_text";
    public static final String FOOTER_LINKS = "brand_footer_links";
    public static final String LOGO = "brand_logo";
    public static final String LOGO_TYPE = "brand_logo_type";

    /** The brand stored in these settings (the {@code brand_} ones), with defaults for what is unset. */
    public static Brand from(Map<String, String> s) {
        String logoText = s.getOrDefault(LOGO, "");
        byte[] logo;
        try {
            logo = Base64.getDecoder().decode(logoText);
        } catch (IllegalArgumentException e) {
            logo = new byte[0];
        }
        String type = logo.length == 0 ? "" : s.getOrDefault(LOGO_TYPE, "");
        return new Brand(
                Colours.parse(s.get(ACCENT)).orElse(DEFAULT_ACCENT),
                Colours.parse(s.get(LINK)).orElse(DEFAULT_LINK),
                FontChoice.of(s.get(HEADING_FONT)).orElse(FontChoice.CLASSIC_SERIF),
                FontChoice.of(s.get(BODY_FONT)).orElse(FontChoice.CLASSIC_SERIF),
                s.getOrDefault(FOOTER_TEXT, ""),
                parseLinks(s.getOrDefault(FOOTER_LINKS, "")),
                type.isEmpty() ? new byte[0] : logo,
                type);
    }

    public boolean hasLogo() {
        return logo.length > 0;
    }

    /** "svg" or "png". */
    public String logoExtension() {
        return "image/svg+xml".equals(logoType) ? "svg" : "png";
    }

    /** Footer links as typed: one per line, "Label | address". Lines that do not parse are left out. */
    static List<FooterLink> parseLinks(String text) {
        List<FooterLink> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int bar = line.indexOf('|');
            if (bar < 0) continue;
            String label = line.substring(0, bar).strip();
            String href = line.substring(bar + 1).strip();
            if (!label.isEmpty() && FooterLinks.allowed(href)) out.add(new FooterLink(label, href));
        }
        return List.copyOf(out);
    }

    /** The stylesheet that applies this brand over site.css: colours and type as CSS variables. */
    public String css() {
        String accentDark = Colours.forDark(accent, DARK_PAPER);
        String linkDark = Colours.forDark(link, DARK_PAPER);
        return ":root{--accent:" + accent + ";--link:" + link + ";--heading:" + headingFont.stack() + ";--body:"
                + bodyFont.stack() + "}\n"
                + "@media (prefers-color-scheme:dark){:root{--accent:" + accentDark + ";--link:" + linkDark + "}}\n";
    }
}
