package broadsheet.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.articles.ArticleSummary;
import broadsheet.articles.Kind;
import broadsheet.media.Photo;
import broadsheet.web.Site;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdom2.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FeedsTest {

    static final Site SITE =
            new Site("The Meridian Ledger", "tagline", "https://news.example", ZoneId.of("Europe/London"), "en");
    static final Channel POLITICS =
            new Channel("Politics — The Meridian Ledger", "Westminster and beyond", "/sections/politics");
    static final String BASE = "https://news.example";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    static final Photo PHOTO = new Photo(
            7, "ab".repeat(32), "image/png", 2400, 1600, "Crowds on Whitehall", "Jo Lens", "People with placards");

    // 23:30 UTC on 1 July is 00:30 BST on 2 July: the URL carries the London date.
    static final ArticleSummary OPINION = article(
            1,
            "budget-is-brave",
            "The budget is braver than it looks",
            "Why the Chancellor deserves credit",
            Kind.OPINION,
            List.of("Ann Writer"),
            Instant.parse("2026-07-01T23:30:00Z"),
            Instant.parse("2026-07-02T08:00:00Z"),
            null);
    static final ArticleSummary ESCAPED = article(
            2,
            "q-and-a",
            "Q&A: why <b>tax</b> is \"hard\"",
            "Rents & rates < wages > prices",
            Kind.NEWS,
            List.of("Bea Reporter"),
            Instant.parse("2026-01-15T09:00:00Z"),
            Instant.parse("2026-01-15T09:00:00Z"),
            null);
    static final ArticleSummary TWO_AUTHORS = article(
            3,
            "council-vote",
            "Council votes to close depot",
            "A narrow majority",
            Kind.NEWS,
            List.of("Cal Staff", "Dee Desk"),
            Instant.parse("2026-07-01T10:00:00Z"),
            Instant.parse("2026-07-01T11:00:00Z"),
            null);
    static final ArticleSummary WITH_PHOTO = article(
            4,
            "march-in-london",
            "Thousands march in London",
            "Organisers say 50,000 came",
            Kind.ANALYSIS,
            List.of(),
            Instant.parse("2026-06-30T12:00:00Z"),
            Instant.parse("2026-06-30T12:30:00Z"),
            PHOTO);
    static final List<ArticleSummary> ITEMS = List.of(OPINION, ESCAPED, TWO_AUTHORS, WITH_PHOTO);
    static final Date NEWEST_UPDATE = Date.from(Instant.parse("2026-07-02T08:00:00Z"));

    final Feeds feeds = new Feeds(SITE);
    final Sitemaps sitemaps = new Sitemaps(SITE);

    static ArticleSummary article(
            long id,
            String slug,
            String headline,
            String deck,
            Kind kind,
            List<String> authors,
            Instant published,
            Instant updated,
            Photo photo) {
        return new ArticleSummary(
                id, slug, headline, deck, kind, "politics", "Politics", published, updated, authors, photo);
    }

    // ---- RSS ----

    @Test
    void rssItemsCarryPrefixedTitlesAbsoluteLinksAndDeckOnly() throws Exception {
        String xml = feeds.rss(POLITICS, ITEMS);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Politics — The Meridian Ledger");
        assertThat(feed.getLink()).isEqualTo(BASE + "/sections/politics");
        assertThat(feed.getLanguage()).isEqualTo("en");
        assertThat(feed.getGenerator()).isEqualTo("Broadsheet");
        assertThat(feed.getPublishedDate()).isEqualTo(NEWEST_UPDATE); // Rome maps lastBuildDate here
        assertThat(xml)
                .contains("<atom:link href=\"" + BASE
                        + "/sections/politics/feed.rss\" rel=\"self\" type=\"application/rss+xml\" />");

        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries)
                .extracting(SyndEntry::getTitle)
                .containsExactly(
                        "Opinion: The budget is braver than it looks", "Q&A: why <b>tax</b> is \"hard\"",
                        "Council votes to close depot", "Analysis: Thousands march in London");
        SyndEntry opinion = entries.get(0);
        assertThat(opinion.getLink()).isEqualTo(BASE + "/2026/07/02/budget-is-brave");
        assertThat(opinion.getUri()).isEqualTo(BASE + "/2026/07/02/budget-is-brave");
        assertThat(xml)
                .contains("<guid>" + BASE + "/2026/07/02/budget-is-brave</guid>"); // isPermaLink defaults to true
        assertThat(opinion.getPublishedDate()).isEqualTo(Date.from(OPINION.publishedAt()));
        assertThat(opinion.getCategories().get(0).getName()).isEqualTo("Politics");
        assertThat(opinion.getAuthor()).isEqualTo("Ann Writer");
        assertThat(creators(entries.get(2))).containsExactly("Cal Staff and Dee Desk");
        assertThat(creators(entries.get(3))).isEmpty();

        for (int i = 0; i < ITEMS.size(); i++) {
            // Description is HTML in RSS, so the plain-text deck arrives escaped once more.
            String description = entries.get(i).getDescription().getValue();
            assertThat(Entities.unescape(description)).isEqualTo(ITEMS.get(i).deck());
        }
        assertThat(entries.get(0).getDescription().getValue()).isEqualTo(OPINION.deck());
        assertThat(entries.get(1).getDescription().getValue()).isEqualTo("Rents &amp; rates &lt; wages &gt; prices");
    }

    @Test
    void rssLeadPhotoIsMediaContent() throws Exception {
        String xml = feeds.rss(POLITICS, ITEMS);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(feed.getEntries().get(0).getForeignMarkup()).isEmpty();
        List<Element> markup = feed.getEntries().get(3).getForeignMarkup();
        assertThat(markup).hasSize(1);
        Element media = markup.get(0);
        assertThat(media.getName()).isEqualTo("content");
        assertThat(media.getNamespaceURI()).isEqualTo("http://search.yahoo.com/mrss/");
        assertThat(media.getAttributeValue("url")).isEqualTo(BASE + "/media/" + "ab".repeat(32) + "-w1280.jpg");
        assertThat(media.getAttributeValue("type")).isEqualTo("image/jpeg");
        assertThat(media.getAttributeValue("width")).isEqualTo("1280");
        assertThat(media.getAttributeValue("height")).isEqualTo("853");
        assertThat(media.getChildText("credit", media.getNamespace())).isEqualTo("Jo Lens");
        assertThat(xml).doesNotContain("<enclosure");
    }

    // ---- Atom ----

    @Test
    void atomEntriesCarryAuthorsDatesSummaryAndEnclosure() throws Exception {
        String xml = feeds.atom(POLITICS, ITEMS);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Politics — The Meridian Ledger");
        assertThat(feed.getUri()).isEqualTo(BASE + "/sections/politics/feed.atom");
        assertThat(xml)
                .contains(
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"); // Rome does not parse xml:lang
        assertThat(feed.getPublishedDate()).isEqualTo(NEWEST_UPDATE); // Rome maps <updated> here
        assertThat(feed.getLinks())
                .extracting(SyndLink::getRel, SyndLink::getHref)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("self", BASE + "/sections/politics/feed.atom"),
                        org.assertj.core.groups.Tuple.tuple("alternate", BASE + "/sections/politics"));
        assertThat(xml).contains("<generator>Broadsheet</generator>");

        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries)
                .extracting(SyndEntry::getTitle)
                .containsExactly(
                        "Opinion: The budget is braver than it looks", "Q&A: why <b>tax</b> is \"hard\"",
                        "Council votes to close depot", "Analysis: Thousands march in London");
        assertThat(entries)
                .extracting(SyndEntry::getLink)
                .containsExactly(
                        BASE + "/2026/07/02/budget-is-brave", BASE + "/2026/01/15/q-and-a",
                        BASE + "/2026/07/01/council-vote", BASE + "/2026/06/30/march-in-london");
        assertThat(entries)
                .extracting(SyndEntry::getUri)
                .containsExactlyElementsOf(
                        entries.stream().map(SyndEntry::getLink).toList());
        for (int i = 0; i < ITEMS.size(); i++) {
            assertThat(entries.get(i).getDescription().getValue())
                    .isEqualTo(ITEMS.get(i).deck());
            assertThat(entries.get(i).getContents()).isEmpty();
        }
        SyndEntry opinion = entries.get(0);
        assertThat(opinion.getPublishedDate()).isEqualTo(Date.from(OPINION.publishedAt()));
        assertThat(opinion.getUpdatedDate()).isEqualTo(Date.from(OPINION.updatedAt()));
        assertThat(opinion.getCategories().get(0).getName()).isEqualTo("Politics");
        assertThat(entries.get(2).getAuthors())
                .extracting(SyndPerson::getName)
                .containsExactly("Cal Staff", "Dee Desk");
        assertThat(entries.get(3).getAuthors()).isEmpty();

        SyndLink enclosure = entries.get(3).getLinks().stream()
                .filter(l -> "enclosure".equals(l.getRel()))
                .findFirst()
                .orElseThrow();
        assertThat(enclosure.getHref()).isEqualTo(BASE + "/media/" + "ab".repeat(32) + "-w1280.jpg");
        assertThat(enclosure.getType()).isEqualTo("image/jpeg");
        assertThat(xml).containsOnlyOnce("rel=\"enclosure\"");
    }

    // ---- JSON Feed ----

    @Test
    void jsonFeedIsVersionOnePointOne() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(feeds.jsonFeed(POLITICS, ITEMS));

        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("Politics — The Meridian Ledger");
        assertThat(feed.get("home_page_url").asText()).isEqualTo(BASE + "/sections/politics");
        assertThat(feed.get("feed_url").asText()).isEqualTo(BASE + "/sections/politics/feed.json");
        assertThat(feed.get("language").asText()).isEqualTo("en");

        JsonNode items = feed.get("items");
        assertThat(items).hasSize(4);
        JsonNode opinion = items.get(0);
        assertThat(opinion.get("title").asText()).isEqualTo("Opinion: The budget is braver than it looks");
        assertThat(opinion.get("id").asText()).isEqualTo(BASE + "/2026/07/02/budget-is-brave");
        assertThat(opinion.get("url").asText()).isEqualTo(BASE + "/2026/07/02/budget-is-brave");
        assertThat(opinion.get("date_published").asText()).isEqualTo("2026-07-01T23:30:00Z");
        assertThat(opinion.get("date_modified").asText()).isEqualTo("2026-07-02T08:00:00Z");
        assertThat(opinion.get("authors").findValuesAsText("name")).containsExactly("Ann Writer");
        assertThat(opinion.get("tags").get(0).asText()).isEqualTo("Politics");
        assertThat(opinion.has("image")).isFalse();
        assertThat(items.get(1).get("title").asText()).isEqualTo("Q&A: why <b>tax</b> is \"hard\"");
        assertThat(items.get(2).get("authors").findValuesAsText("name")).containsExactly("Cal Staff", "Dee Desk");
        assertThat(items.get(3).has("authors")).isFalse();
        assertThat(items.get(3).get("image").asText()).isEqualTo(BASE + "/media/" + "ab".repeat(32) + "-w1280.jpg");
        for (int i = 0; i < ITEMS.size(); i++) {
            JsonNode item = items.get(i);
            assertThat(item.get("summary").asText()).isEqualTo(ITEMS.get(i).deck());
            assertThat(item.get("content_text").asText()).isEqualTo(ITEMS.get(i).deck());
            assertThat(item.has("content_html")).isFalse();
        }
    }

    // ---- all three ----

    @Test
    void sameInputGivesSameBytes() {
        assertThat(feeds.rss(POLITICS, ITEMS)).isEqualTo(new Feeds(SITE).rss(POLITICS, new ArrayList<>(ITEMS)));
        assertThat(feeds.atom(POLITICS, ITEMS)).isEqualTo(new Feeds(SITE).atom(POLITICS, new ArrayList<>(ITEMS)));
        assertThat(feeds.jsonFeed(POLITICS, ITEMS))
                .isEqualTo(new Feeds(SITE).jsonFeed(POLITICS, new ArrayList<>(ITEMS)));
        assertThat(sitemaps.news(ITEMS)).isEqualTo(new Sitemaps(SITE).news(new ArrayList<>(ITEMS)));
    }

    @Test
    void emptyFeedsAreDatedAtTheEpochNotNow() throws Exception {
        Channel site = Channel.siteWide(SITE);
        SyndFeed rss = new SyndFeedInput().build(new StringReader(feeds.rss(site, List.of())));
        SyndFeed atom = new SyndFeedInput().build(new StringReader(feeds.atom(site, List.of())));

        assertThat(rss.getPublishedDate()).isEqualTo(new Date(0));
        assertThat(atom.getPublishedDate()).isEqualTo(new Date(0));
        assertThat(rss.getLink()).isEqualTo(BASE + "/");
        assertThat(feeds.rss(site, List.of())).contains("href=\"" + BASE + "/feed.rss\"");
        assertThat(atom.getUri()).isEqualTo(BASE + "/feed.atom");
        assertThat(new ObjectMapper()
                        .readTree(feeds.jsonFeed(site, List.of()))
                        .get("feed_url")
                        .asText())
                .isEqualTo(BASE + "/feed.json");
        assertThat(feeds.rss(site, List.of())).isEqualTo(feeds.rss(site, List.of()));
    }

    @Test
    void charactersXmlCannotCarryAreDroppedNotFatal() throws Exception {
        var pasted = article(
                5,
                "pasted",
                "Vertical\u000Btab",
                "deck\u0001",
                Kind.NEWS,
                List.of(),
                Instant.parse("2026-07-01T10:00:00Z"),
                Instant.parse("2026-07-01T10:00:00Z"),
                null);
        assertThat(new SyndFeedInput()
                        .build(new StringReader(feeds.rss(POLITICS, List.of(pasted))))
                        .getEntries()
                        .get(0)
                        .getTitle())
                .isEqualTo("Verticaltab");
        assertThat(new SyndFeedInput()
                        .build(new StringReader(feeds.atom(POLITICS, List.of(pasted))))
                        .getEntries()
                        .get(0)
                        .getDescription()
                        .getValue())
                .isEqualTo("deck");
        assertThat(parse(sitemaps.news(List.of(pasted)))
                        .getElementsByTagNameNS(NEWS, "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Verticaltab");
    }

    // ---- sitemaps ----

    @Test
    void sitemapIndexListsAbsoluteUrls() throws Exception {
        String xml = sitemaps.index(
                List.of("/sitemaps/2026-06.xml", "/sitemaps/2026-07.xml"), Instant.parse("2026-07-02T08:00:00.123Z"));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Document doc = parse(xml);

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(texts(doc, SITEMAP, "loc"))
                .containsExactly(BASE + "/sitemaps/2026-06.xml", BASE + "/sitemaps/2026-07.xml");
        assertThat(texts(doc, SITEMAP, "lastmod")).containsOnly("2026-07-02T08:00:00Z");
    }

    @Test
    void urlsetEscapesAndOmitsUnknownDates() throws Exception {
        Document doc = parse(sitemaps.urls(List.of(
                new UrlEntry("/", Instant.parse("2026-07-02T08:00:00Z")), new UrlEntry("/search?q=a&b=<c>", null))));

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(texts(doc, SITEMAP, "loc")).containsExactly(BASE + "/", BASE + "/search?q=a&b=<c>");
        assertThat(texts(doc, SITEMAP, "lastmod")).containsExactly("2026-07-02T08:00:00Z");
    }

    @Test
    void newsSitemapNamesThePublicationAndEscapesHeadlines() throws Exception {
        String xml = sitemaps.news(ITEMS);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        assertThat(xml).contains("Q&amp;A: why &lt;b&gt;tax&lt;/b&gt; is &quot;hard&quot;");
        Document doc = parse(xml);

        assertThat(texts(doc, SITEMAP, "loc"))
                .containsExactly(
                        BASE + "/2026/07/02/budget-is-brave", BASE + "/2026/01/15/q-and-a",
                        BASE + "/2026/07/01/council-vote", BASE + "/2026/06/30/march-in-london");
        assertThat(texts(doc, NEWS, "name")).containsOnly("The Meridian Ledger").hasSize(4);
        assertThat(texts(doc, NEWS, "language")).containsOnly("en").hasSize(4);
        assertThat(texts(doc, NEWS, "publication_date"))
                .containsExactly(
                        "2026-07-01T23:30:00Z", "2026-01-15T09:00:00Z", "2026-07-01T10:00:00Z", "2026-06-30T12:00:00Z");
        assertThat(texts(doc, NEWS, "title"))
                .containsExactly(
                        "The budget is braver than it looks", "Q&A: why <b>tax</b> is \"hard\"",
                        "Council votes to close depot", "Thousands march in London");
    }

    @Test
    void sitemapsRefuseMoreThanSearchEnginesRead() {
        List<ArticleSummary> tooMany = IntStream.rangeClosed(0, Sitemaps.MAX_NEWS_URLS)
                .mapToObj(i -> OPINION)
                .toList();
        assertThatThrownBy(() -> sitemaps.news(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> creators(SyndEntry e) {
        DCModule dc = (DCModule) e.getModule(DCModule.URI);
        return dc == null ? List.of() : dc.getCreators();
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String ns, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, localName);
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }
}
