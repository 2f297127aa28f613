package broadsheet.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class DiscoveryTest {

    static TestApp t;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        new SamplePaper(t.fixtures);
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    SyndFeed feed(String path, String type) throws Exception {
        HttpResponse<String> r = t.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
        return new SyndFeedInput().build(new StringReader(r.body()));
    }

    Document xml(String path) throws Exception {
        HttpResponse<String> r = t.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
    }

    @Test
    void siteRssAndAtomListTheNewestArticlesWithAbsoluteLinks() throws Exception {
        SyndFeed rss = feed("/feed.rss", "application/rss+xml");
        assertThat(rss.getTitle()).isEqualTo("The Test Ledger");
        assertThat(rss.getEntries()).hasSize(27);
        SyndEntry first = rss.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("Politics story number 0 & more");
        assertThat(first.getLink()).startsWith("https://news.example/2026/").endsWith("/politics-story-0");
        SyndFeed atom = feed("/feed.atom", "application/atom+xml");
        assertThat(atom.getEntries().stream().map(SyndEntry::getTitle))
                .contains("Analysis: Markets rally on port news");
    }

    @Test
    void sectionAuthorAndTopicFeedsAreNarrowed() throws Exception {
        assertThat(feed("/sections/business/feed.rss", "application/rss+xml").getEntries().stream()
                        .map(SyndEntry::getTitle))
                .containsExactly("Analysis: Markets rally on port news", "Opinion: Why the port matters");
        assertThat(feed("/authors/ben-marsh/feed.atom", "application/atom+xml").getEntries())
                .allSatisfy(e -> assertThat(e.getAuthors().get(0).getName()).isEqualTo("Ben Marsh"));
        assertThat(feed("/topics/harbour-bill/feed.rss", "application/rss+xml").getEntries())
                .hasSize(10);
        assertThat(t.get("/topics/harbour-bill/feed.xml").statusCode()).isEqualTo(404);
        assertThat(t.get("/topics/nothing/feed.rss").statusCode()).isEqualTo(404);
    }

    @Test
    void jsonFeedFollowsVersionOnePointOne() throws Exception {
        HttpResponse<String> r = t.get("/sections/politics/feed.json");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertThat(j.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(j.get("home_page_url").asText()).isEqualTo("https://news.example/sections/politics");
        assertThat(j.get("items")).hasSize(25);
        assertThat(j.get("items").get(0).get("url").asText()).endsWith("/politics-story-0");
    }

    @Test
    void sitemapIndexPointsAtPagesNewsAndMonthlySitemaps() throws Exception {
        Document index = xml("/sitemap.xml");
        var locs = index.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        java.util.List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) urls.add(locs.item(i).getTextContent());
        assertThat(urls).contains("https://news.example/sitemaps/pages.xml", "https://news.example/sitemaps/news.xml");
        String month = urls.stream()
                .filter(u -> u.contains("/sitemaps/articles-"))
                .findFirst()
                .orElseThrow();
        Document monthly = xml(month.substring("https://news.example".length()));
        assertThat(monthly.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url")
                        .getLength())
                .isPositive();
        Document pages = xml("/sitemaps/pages.xml");
        assertThat(pages.getDocumentElement().getTextContent())
                .contains("https://news.example/authors/ada-quill")
                .contains("https://news.example/topics/harbour-bill")
                .contains("https://news.example/sections/politics");
        assertThat(t.get("/sitemaps/articles-1999-01.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void newsSitemapHoldsOnlyTheLastTwoDays() throws Exception {
        Document news = xml("/sitemaps/news.xml");
        var titles = news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title");
        java.util.List<String> list = new java.util.ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) list.add(titles.item(i).getTextContent());
        // stories every 6 hours: 0..7 fall within 48 hours, plus the business story
        assertThat(list)
                .contains(
                        "Politics story number 0 & more",
                        "Politics story number 7 & more",
                        "Markets rally on port news")
                .doesNotContain("Politics story number 9 & more", "Why the port matters");
    }

    @Test
    void robotsTxtNamesTheSitemapAndHealthReportsTheDatabase() {
        var robots = t.get("/robots.txt");
        assertThat(robots.body()).contains("User-agent: *").contains("Sitemap: https://news.example/sitemap.xml");
        var logo = t.getBytes("/logo.png");
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.body()[1]).isEqualTo((byte) 'P');
        var health = t.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
