package broadsheet.comments;

import broadsheet.web.SafeLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What a reader types becomes a little HTML: paragraphs, line breaks, *emphasis*, **strong**,
 * and links (written as [text](https://...) or bare). commonmark parses it with raw HTML escaped,
 * then jsoup's Safelist keeps only those elements and the links web/SafeLinks allows (http, https, mailto, relative), so no markup a reader typed
 * survives as markup. Links are marked as user content and open no window reference.
 */
public final class CommentText {

    public static final int MAX_LENGTH = 5000;

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of()) // no headings, lists, quotes, code blocks: paragraphs only
            .build();
    private static final HtmlRenderer RENDERER =
            SafeLinks.renderer().softbreak("<br>").build();
    private static final Safelist SAFE = SafeLinks.safelist(new Safelist()
            .addTags("p", "br", "em", "strong", "a")
            .addAttributes("a", "href")
            .addEnforcedAttribute("a", "rel", "nofollow ugc noopener"));
    private static final java.util.regex.Pattern BARE_URL =
            java.util.regex.Pattern.compile("(?<![(<\\[\"'])\\bhttps?://[^\\s<>()\\[\\]\"']+[^\\s<>()\\[\\]\"'.,;:!?]");

    private CommentText() {}

    /** Safe HTML for a comment's text. */
    public static String toHtml(String text) {
        String withLinks =
                BARE_URL.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("<" + m.group() + ">"));
        Node doc = PARSER.parse(withLinks);
        String html = RENDERER.render(doc);
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The host names of every link in the comment, lower case. */
    public static List<String> linkHosts(String html) {
        List<String> hosts = new ArrayList<>();
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            try {
                String host = java.net.URI.create(a.attr("href")).getHost();
                if (host != null) hosts.add(host.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                hosts.add("");
            }
        }
        return hosts;
    }
}
