package broadsheet.feeds;

import broadsheet.articles.ArticleSummary;
import broadsheet.media.Photo;
import broadsheet.web.Site;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * RSS 2.0 written straight into text, in the bytes Rome's generator and JDOM's pretty printer wrote
 * before (two-space indent, Unix line ends, text trimmed of XML white space at both ends, an empty
 * element as {@code <x />}, characters beyond the Basic Multilingual Plane as numeric references,
 * namespace declarations in order of prefix). Building Rome's and JDOM's trees and walking them was
 * most of a rendered feed's CPU time; RssTest compares this with them on 300 generated feeds.
 */
final class Rss {
    private Rss() {}

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";

    /** RFC 822 as Rome writes it: a two-digit day, always GMT. */
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    static String write(Site site, Channel c, List<ArticleSummary> items, Instant lastUpdated) {
        boolean creators = false;
        boolean photos = false;
        for (ArticleSummary a : items) {
            creators |= !a.authorNames().isEmpty();
            photos |= a.leadPhoto() != null;
        }
        StringBuilder out = new StringBuilder(2048 + 1536 * items.size());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:atom=\"")
                .append(ATOM)
                .append('"');
        if (creators) out.append(" xmlns:dc=\"").append(DC).append('"');
        if (photos) out.append(" xmlns:media=\"").append(MEDIA).append('"');
        out.append(" version=\"2.0\">\n  <channel>\n");
        element(out, "    ", "title", Text.clean(c.title()));
        element(out, "    ", "link", site.absolute(c.htmlPath()));
        element(out, "    ", "description", Text.clean(c.description()));
        if (site.language() != null) element(out, "    ", "language", site.language());
        element(out, "    ", "lastBuildDate", RFC822.format(lastUpdated));
        element(out, "    ", "generator", Feeds.GENERATOR);
        out.append("    <atom:link href=\"");
        attribute(out, site.absolute(c.rssPath()));
        out.append("\" rel=\"self\" type=\"application/rss+xml\" />\n");
        for (ArticleSummary a : items) item(out, site, a);
        return out.append("  </channel>\n</rss>\n").toString();
    }

    private static void item(StringBuilder out, Site site, ArticleSummary a) {
        String url = site.absolute(site.articlePath(a.slug(), a.publishedAt()));
        out.append("    <item>\n");
        element(out, "      ", "title", Text.clean(a.kind().prefix() + a.headline()));
        element(out, "      ", "link", url);
        if (a.leadPhoto() != null) mediaContent(out, site, a.leadPhoto());
        // RSS readers treat <description> as HTML; the deck is plain text, so escape it once more.
        element(out, "      ", "description", Entities.escape(Text.clean(a.deck())));
        element(out, "      ", "category", Text.clean(a.sectionName()));
        element(out, "      ", "pubDate", RFC822.format(a.publishedAt()));
        element(out, "      ", "guid", url);
        if (!a.authorNames().isEmpty()) element(out, "      ", "dc:creator", Text.clean(a.bylineText()));
        out.append("    </item>\n");
    }

    /** Media RSS rather than an RSS enclosure, which would need a byte length we do not know here. */
    private static void mediaContent(StringBuilder out, Site site, Photo p) {
        out.append("      <media:content url=\"");
        attribute(out, site.absolute(p.src(Feeds.IMAGE_WIDTH)));
        out.append("\" type=\"")
                .append(Feeds.IMAGE_TYPE)
                .append("\" medium=\"image\" width=\"")
                .append(p.fit(Feeds.IMAGE_WIDTH))
                .append("\" height=\"")
                .append(p.heightAt(Feeds.IMAGE_WIDTH))
                .append('"');
        boolean caption = Feeds.notBlank(p.caption());
        boolean credit = Feeds.notBlank(p.credit());
        if (!caption && !credit) {
            out.append(" />\n");
            return;
        }
        out.append(">\n");
        if (caption) {
            String text = Text.clean(p.caption());
            out.append("        <media:description type=\"plain\"");
            if (!content(out, text)) out.append("</media:description>\n");
        }
        if (credit) element(out, "        ", "media:credit", Text.clean(p.credit()));
        out.append("      </media:content>\n");
    }

    /** {@code <name>text</name>} on a line of its own, or {@code <name />} when the text trims to nothing. */
    private static void element(StringBuilder out, String indent, String name, String text) {
        out.append(indent).append('<').append(name);
        if (!content(out, text)) out.append("</").append(name).append(">\n");
    }

    /** Closes the start tag and writes the trimmed, escaped text; true when it trimmed to nothing (then closed empty). */
    private static boolean content(StringBuilder out, String text) {
        int from = 0;
        int to = text.length();
        while (from < to && whitespace(text.charAt(from))) from++;
        while (to > from && whitespace(text.charAt(to - 1))) to--;
        if (from == to) {
            out.append(" />\n");
            return true;
        }
        out.append('>');
        int run = from; // the start of characters not yet appended, copied in one go
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch > '>' ? !Character.isHighSurrogate(ch) : ch != '&' && ch != '<' && ch != '>' && ch != '\r') continue;
            out.append(text, run, i);
            i = escaped(out, text, i, ch);
            run = i + 1;
        }
        out.append(text, run, to);
        return false;
    }

    /** An attribute's value as JDOM escapes it (it does not trim attributes). */
    private static void attribute(StringBuilder out, String value) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch > '>'
                    ? !Character.isHighSurrogate(ch)
                    : ch >= ' ' && ch != '&' && ch != '<' && ch != '>' && ch != '"') continue;
            out.append(value, run, i);
            i = escaped(out, value, i, ch);
            run = i + 1;
        }
        out.append(value, run, value.length());
    }

    /**
     * The character at {@code i} as JDOM writes it (a reference for one beyond the Basic Multilingual Plane,
     * a surrogate pair); returns the index of its last char.
     */
    private static int escaped(StringBuilder out, String s, int i, char ch) {
        switch (ch) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\r' -> out.append("&#xD;");
            case '\t' -> out.append("&#x9;");
            case '\n' -> out.append("&#xA;");
            default -> {
                if (Character.isHighSurrogate(ch) && i + 1 < s.length()) {
                    out.append("&#x")
                            .append(Integer.toHexString(Character.toCodePoint(ch, s.charAt(i + 1))))
                            .append(';');
                    return i + 1;
                }
                out.append(ch);
            }
        }
        return i;
    }

    /** White space as XML (and JDOM's trimming) counts it. */
    private static boolean whitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    }
}
