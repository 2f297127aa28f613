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
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
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
import org.jsoup.nodes.Entities;

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

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private final Site site;
    private final ObjectWriter json;

    public Feeds(Site site) {
        this.site = site;
        this.json = Json.MAPPER.writerWithDefaultPrettyPrinter();
    }

    // ---- RSS 2.0 ----

    public String rss(Channel c, List<ArticleSummary> items) {
        var ch = new com.rometools.rome.feed.rss.Channel("rss_2.0");
        ch.setTitle(Text.clean(c.title()));
        ch.setLink(site.absolute(c.htmlPath()));
        ch.setDescription(Text.clean(c.description()));
        ch.setLanguage(site.language());
        ch.setLastBuildDate(Date.from(lastUpdated(items)));
        ch.setGenerator(GENERATOR);
        Element self = new Element("link", ATOM)
                .setAttribute("href", site.absolute(c.rssPath()))
                .setAttribute("rel", "self")
                .setAttribute("type", "application/rss+xml");
        ch.setForeignMarkup(List.of(self));
        ch.setItems(items.stream().map(this::rssItem).toList());
        boolean photos = items.stream().anyMatch(a -> a.leadPhoto() != null);
        return write(ch, root -> {
            root.addNamespaceDeclaration(ATOM);
            if (photos) root.addNamespaceDeclaration(MEDIA);
        });
    }

    private Item rssItem(ArticleSummary a) {
        var item = new Item();
        String url = url(a);
        item.setTitle(title(a));
        item.setLink(url);
        var guid = new Guid();
        guid.setValue(url);
        guid.setPermaLink(true);
        item.setGuid(guid);
        // RSS readers treat <description> as HTML; the deck is plain text, so escape it once more.
        var description = new Description();
        description.setValue(Entities.escape(Text.clean(a.deck())));
        item.setDescription(description);
        item.setPubDate(Date.from(a.publishedAt()));
        var category = new Category();
        category.setValue(Text.clean(a.sectionName()));
        item.setCategories(List.of(category));
        List<Module> modules = new ArrayList<>();
        if (!a.authorNames().isEmpty()) {
            var dc = new DCModuleImpl();
            dc.setCreator(Text.clean(a.bylineText()));
            modules.add(dc);
        }
        item.setModules(modules);
        List<Element> foreign = new ArrayList<>();
        if (a.leadPhoto() != null) foreign.add(mediaContent(a.leadPhoto()));
        item.setForeignMarkup(foreign);
        return item;
    }

    /** Media RSS rather than an RSS enclosure, which would need a byte length we do not know here. */
    private Element mediaContent(Photo p) {
        var e = new Element("content", MEDIA)
                .setAttribute("url", image(p))
                .setAttribute("type", IMAGE_TYPE)
                .setAttribute("medium", "image")
                .setAttribute("width", String.valueOf(p.fit(IMAGE_WIDTH)))
                .setAttribute("height", String.valueOf(p.heightAt(IMAGE_WIDTH)));
        if (notBlank(p.caption())) {
            e.addContent(new Element("description", MEDIA)
                    .setAttribute("type", "plain")
                    .setText(Text.clean(p.caption())));
        }
        if (notBlank(p.credit())) e.addContent(new Element("credit", MEDIA).setText(Text.clean(p.credit())));
        return e;
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
    private static Instant lastUpdated(List<ArticleSummary> items) {
        return items.stream()
                .map(ArticleSummary::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Line separator and encoding are fixed here so output never depends on system properties. */
    private static String write(WireFeed feed, Consumer<Element> adjustRoot) {
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
