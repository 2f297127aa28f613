package broadsheet.web;

import java.util.Locale;
import java.util.Set;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The one rule for links and images in HTML made from text (article bodies, newsletter
 * introductions, comments): http, https and mailto addresses, relative addresses and in-page
 * {@code #anchors} are kept; any other scheme ({@code javascript:}, {@code data:}, {@code vbscript:},
 * ...) is dropped, however it is spelled. The address is judged as a browser reads it: after HTML
 * entities are decoded (commonmark and jsoup decode them before asking) and with the tabs, line
 * breaks, spaces and control characters that browsers skip removed.
 *
 * <p>Use {@link #renderer()} instead of {@code HtmlRenderer.builder()} for CommonMark, and wrap a
 * jsoup {@link Safelist} with {@link #safelist(Safelist)}.
 */
public final class SafeLinks implements UrlSanitizer {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final SafeLinks INSTANCE = new SafeLinks();

    private SafeLinks() {}

    /** Whether a link or image address may appear in our HTML. */
    public static boolean allowed(String url) {
        if (url == null) return false;
        StringBuilder sb = new StringBuilder(url.length());
        url.codePoints()
                .filter(c -> c > 0x20 && c != 0x7f && !Character.isWhitespace(c) && !Character.isISOControl(c))
                .forEach(sb::appendCodePoint);
        String s = sb.toString();
        if (s.isEmpty()) return false; // nothing to link to (what a dropped address leaves behind)
        int colon = s.indexOf(':');
        if (colon < 0) return true;
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') return true; // the colon is not a scheme's: relative
        }
        return SCHEMES.contains(s.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        return allowed(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return allowed(url) ? url : "";
    }

    /** A CommonMark renderer that escapes raw HTML and applies this rule to links and images. */
    public static HtmlRenderer.Builder renderer() {
        return HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).urlSanitizer(INSTANCE);
    }

    /**
     * The same tags and attributes as {@code base}, with this rule deciding every {@code href} and
     * {@code src} instead of jsoup's protocol lists (which drop relative links and anchors).
     */
    public static Safelist safelist(Safelist base) {
        return new Checked(base);
    }

    private static final class Checked extends Safelist {
        Checked(Safelist base) {
            super(base);
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
            String key = attr.getKey().toLowerCase(Locale.ROOT);
            if (!key.equals("href") && !key.equals("src")) return super.isSafeAttribute(tagName, el, attr);
            if (!allowed(attr.getValue())) return false;
            // Ask the base list whether the tag may carry this attribute at all, with an address
            // any protocol list accepts, so that its own scheme check does not decide.
            Element probe = new Element(el.tagName()).attr(attr.getKey(), "https://example.invalid/");
            return super.isSafeAttribute(tagName, probe, probe.attribute(attr.getKey()));
        }
    }
}
