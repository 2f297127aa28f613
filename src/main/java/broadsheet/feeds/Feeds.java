package broadsheet.feeds;

import broadsheet.articles.ArticleSummary;
import broadsheet.media.Photo;
import broadsheet.web.Json;
import broadsheet.web.Site;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents for a list of articles, newest first as given.
 * Pure: no clock is read, so the same channel and items always give the same bytes and a
 * response can carry a strong ETag. Items carry headline and deck only, never the body
 * (the paywall will decide who reads that).
 */
public final class Feeds {

    static final String GENERATOR = "Broadsheet";
    static final int IMAGE_WIDTH = 1280;
    /** Derivatives are always JPEG, whatever the original was. */
    static final String IMAGE_TYPE = "image/jpeg";

    private final Site site;
    private final ObjectWriter json;

    public Feeds(Site site) {
        this.site = site;
        this.json = Json.MAPPER.writerWithDefaultPrettyPrinter();
    }

    // ---- RSS 2.0 ----

    /** Written by {@link Rss} without Rome, in the same bytes (the feed every reader's app polls most). */
    public String rss(Channel c, List<ArticleSummary> items) {
        return Rss.write(site, c, items, lastUpdated(items));
    }

    // ---- Atom 1.0 ----

    public String atom(Channel c, List<ArticleSummary> items) {
        var feed = new Feed("atom_1.0");
        feed.setId(site.absolute(c.atomPath()));
        feed.setTitle(Text.clean(c.title()));
        feed.setSubtitle(text(c.description()));
        feed.setAlternateLinks(List.of(link("alternate", site.absolute(c.htmlPath()), "text/html")));
        feed.setOtherLinks(List.of(link("self", site.absolute(c.atomPath()), "application/atom+xml")));
        feed.setUpdated(Date.from(lastUpdated(items)));
        // Atom wants an author for every entry; the paper stands behind unsigned pieces.
        feed.setAuthors(List.of(person(site.name())));
        var generator = new Generator();
        generator.setValue(GENERATOR);
        feed.setGenerator(generator);
        feed.setEntries(items.stream().map(this::atomEntry).toList());
        // Rome's Atom generator ignores Feed.language, so xml:lang goes on by hand.
        return write(feed, root -> root.setAttribute("lang", site.language(), Namespace.XML_NAMESPACE));
    }

    private Entry atomEntry(ArticleSummary a) {
        var e = new Entry();
        String url = url(a);
        e.setId(url);
        e.setTitle(title(a));
        List<Link> others = new ArrayList<>();
        if (a.leadPhoto() != null) {
            Link enclosure = link("enclosure", image(a.leadPhoto()), IMAGE_TYPE);
            if (notBlank(a.leadPhoto().caption()))
                enclosure.setTitle(Text.clean(a.leadPhoto().caption()));
            others.add(enclosure);
        }
        e.setAlternateLinks(List.of(link("alternate", url, "text/html")));
        e.setOtherLinks(others);
        e.setSummary(text(a.deck()));
        e.setPublished(Date.from(a.publishedAt()));
        e.setUpdated(Date.from(a.updatedAt()));
        e.setAuthors(a.authorNames().stream().map(Feeds::person).toList());
        var category = new com.rometools.rome.feed.atom.Category();
        category.setTerm(Text.clean(a.sectionName()));
        e.setCategories(List.of(category));
        return e;
    }

    private static Link link(String rel, String href, String type) {
        var l = new Link();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    private static SyndPerson person(String name) {
        var p = new Person();
        p.setName(Text.clean(name));
        return p;
    }

    private static Content text(String value) {
        var c = new Content();
        c.setType(Content.TEXT);
        c.setValue(Text.clean(value));
        return c;
    }

    // ---- JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) ----

    /** JSON Feed's names are snake_case ("home_page_url"); absent values are left out rather than null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(
            String version,
            String title,
            String homePageUrl,
            String feedUrl,
            String description,
            String language,
            List<JsonItem> items) {}

    /** content_text repeats the deck because JSON Feed requires content_text or content_html. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonItem(
            String id,
            String url,
            String title,
            String summary,
            String contentText,
            String image,
            String datePublished,
            String dateModified,
            List<JsonAuthor> authors,
            List<String> tags) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonAuthor(String name) {}

    public String jsonFeed(Channel c, List<ArticleSummary> items) {
        var feed = new JsonFeed(
                "https://jsonfeed.org/version/1.1",
                Text.clean(c.title()),
                site.absolute(c.htmlPath()),
                site.absolute(c.jsonPath()),
                Text.clean(c.description()),
                site.language(),
                items.stream().map(this::jsonItem).toList());
        try {
            return json.writeValueAsString(feed) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON Feed could not be written", e);
        }
    }

    private JsonItem jsonItem(ArticleSummary a) {
        String url = url(a);
        String deck = Text.clean(a.deck());
        List<JsonAuthor> authors = a.authorNames().isEmpty()
                ? null
                : a.authorNames().stream()
                        .map(n -> new JsonAuthor(Text.clean(n)))
                        .toList();
        return new JsonItem(
                url,
                url,
                title(a),
                deck,
                deck,
                a.leadPhoto() == null ? null : image(a.leadPhoto()),
                Text.rfc3339(a.publishedAt()),
                Text.rfc3339(a.updatedAt()),
                authors,
                List.of(Text.clean(a.sectionName())));
    }

    // ---- shared ----

    private String url(ArticleSummary a) {
        return site.absolute(site.articlePath(a.slug(), a.publishedAt()));
    }

    private static String title(ArticleSummary a) {
        return Text.clean(a.kind().prefix() + a.headline());
    }

    private String image(Photo p) {
        return site.absolute(p.src(IMAGE_WIDTH));
    }

    /** Newest change among the items; the epoch when there are none, never "now". */
    static Instant lastUpdated(List<ArticleSummary> items) {
        return items.stream()
                .map(ArticleSummary::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Line separator and encoding are fixed here so output never depends on system properties. */
    static String write(WireFeed feed, Consumer<Element> adjustRoot) {
        try {
            Document doc = new WireFeedOutput().outputJDom(feed);
            adjustRoot.accept(doc.getRootElement());
            Format format = Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX);
            return new XMLOutputter(format).outputString(doc);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
    }
}
