package broadsheet.newsletters;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.web.SafeLinks;
import broadsheet.web.Site;
import broadsheet.web.Tokens;
import broadsheet.web.Views;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Turns an issue into what readers see: a web page in the archive, and a message whose HTML and
 * plain-text parts are rendered once per issue with a marker where each recipient's own links go.
 */
public final class IssueRenderer {

    /** One picked article as the issue lists it. */
    public record Item(String headline, String deck, String url, String section, String byline) {}

    /** An issue ready to show: the introduction as safe HTML and as text, and its articles. */
    public record Content(
            Site site, Newsletter newsletter, Issue issue, String introHtml, String introText, List<Item> items) {
        public String webUrl() {
            return site.absolute(issue.path(newsletter));
        }
    }

    /** The model of the mail template: the content and the links to put in it. */
    public record MailView(Content content, String unsubscribeUrl, String preferencesUrl, boolean test) {}

    /**
     * A message's shared parts, rendered once: per recipient only the two marked links are replaced.
     * The marks are random per rendering, so nothing an editor writes can contain them.
     */
    public record MailParts(String subject, String html, String text, String unsubscribeMark, String preferencesMark) {
        public String html(String unsubscribeUrl, String preferencesUrl) {
            return html.replace(unsubscribeMark, unsubscribeUrl).replace(preferencesMark, preferencesUrl);
        }

        public String text(String unsubscribeUrl, String preferencesUrl) {
            return text.replace(unsubscribeMark, unsubscribeUrl).replace(preferencesMark, preferencesUrl);
        }
    }

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = SafeLinks.renderer().build();
    private static final Safelist SAFE = SafeLinks.safelist(Safelist.basic()
            .removeTags("span", "cite", "q", "sub", "sup")
            .addTags("h3", "h4")
            .addEnforcedAttribute("a", "rel", "noopener"));

    private final ArticleDao articles;
    private final Views views;
    private final Supplier<Site> site;

    public IssueRenderer(ArticleDao articles, Views views, Supplier<Site> site) {
        this.articles = articles;
        this.views = views;
        this.site = site;
    }

    /** The introduction's CommonMark as HTML that can carry no script, style or foreign markup. */
    public static String introHtml(String markdown) {
        String html = HTML.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, "", SAFE, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
    }

    public Content content(Newsletter n, Issue issue) {
        Site s = site.get();
        List<Item> items =
                articles.byIds(issue.articleIds()).stream().map(a -> item(s, a)).toList();
        return new Content(s, n, issue, introHtml(issue.intro()), issue.intro().strip(), items);
    }

    private static Item item(Site s, ArticleSummary a) {
        return new Item(
                a.headline(),
                a.deck() == null ? "" : a.deck(),
                s.absolute(s.articlePath(a.slug(), a.publishedAt())),
                a.sectionName(),
                a.bylineText());
    }

    /** Renders the message once; {@code test} marks it as a test sent to its editor. */
    public MailParts mail(Content c, boolean test) {
        String unsub = "bs-unsubscribe-" + Tokens.random();
        String prefs = "bs-preferences-" + Tokens.random();
        String subject = (test ? "[Test] " : "") + c.issue().subject();
        String html = new String(
                views.render("newsletters/mail.jte", new MailView(c, unsub, prefs, test)), StandardCharsets.UTF_8);
        return new MailParts(subject, html, text(c, unsub, prefs, test), unsub, prefs);
    }

    private static String text(Content c, String unsub, String prefs, boolean test) {
        StringBuilder t = new StringBuilder();
        if (test) t.append("TEST MESSAGE: only you received it.\n\n");
        t.append(c.newsletter().name()).append(" — ").append(c.site().name()).append("\n\n");
        t.append(c.issue().subject())
                .append("\n")
                .append("=".repeat(Math.min(70, c.issue().subject().length())))
                .append("\n\n");
        if (!c.introText().isEmpty()) t.append(c.introText()).append("\n\n");
        for (Item i : c.items()) {
            t.append("* ").append(i.headline()).append("\n");
            if (!i.deck().isEmpty()) t.append("  ").append(i.deck()).append("\n");
            t.append("  ").append(i.url()).append("\n\n");
        }
        t.append("Read this issue on the web: ").append(c.webUrl()).append("\n\n");
        t.append("-- \nYou receive ")
                .append(c.newsletter().name())
                .append(" because you signed up at ")
                .append(c.site().name())
                .append(".\n");
        t.append("Unsubscribe: ").append(unsub).append("\n");
        t.append("Choose your newsletters: ").append(prefs).append("\n");
        return t.toString();
    }
}
