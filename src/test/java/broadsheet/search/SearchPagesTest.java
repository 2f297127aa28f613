package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader's search page over real HTTP: what it finds, in which order, narrowed how, and what it never shows. */
class SearchPagesTest {

    static TestApp t;
    static SearchPaper p;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        p = new SearchPaper(t.fixtures);
        t.awaitSearch();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static Document search(String query) {
        HttpResponse<String> r = t.get("/search?" + query);
        assertThat(r.statusCode()).as(query).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    static Document q(String words) {
        return search("q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
    }

    static List<String> headlines(Document d) {
        return d.select(".search-hit__headline a").eachText();
    }

    @Test
    void findsByHeadlineWordsWithStemmingAndShowsTheHitAsListsDo() {
        Document d = q("port expanding");
        assertThat(headlines(d)).containsExactly("Harbour ports expand to meet shipping demand");
        var hit = d.selectFirst(".search-hit");
        assertThat(hit.select("a").attr("href")).matches("/\\d{4}/\\d{2}/\\d{2}/harbour-ports-expand");
        assertThat(hit.select(".search-hit__meta").text()).contains("Ada Quill").contains("Politics");
        assertThat(hit.select("time").attr("datetime")).isNotEmpty();
        assertThat(hit.select("img.search-hit__image")).hasSize(1);
        assertThat(d.select("meta[name=robots]").attr("content")).contains("noindex");
    }

    @Test
    void snippetsMarkTheWordsSearchedFor() {
        Document d = q("container cranes");
        var snippet = d.selectFirst(".search-hit__snippet");
        assertThat(snippet.select("mark").eachText()).contains("container", "cranes");
    }

    @Test
    void aWordInTheBodyIsMarkedWhenTheOtherWordIsOnlyInTheHeadline() {
        // "waterfront" is only in the opinion piece's headline, "fishermen" only in its body
        Document d = q("waterfront fishermen");
        assertThat(headlines(d)).containsExactly("Opinion: Why the plan for the waterfront fails");
        var snippet = d.selectFirst(".search-hit__snippet");
        assertThat(snippet.select("mark").eachText()).containsExactly("fishermen");
        assertThat(snippet.text()).contains("Nobody asked the fishermen.");
    }

    @Test
    void headlineAndTopicMatchesRankAboveBodyMatches() {
        // "harbour" is in the first story's headline and topic, in the opinion piece's topic and body
        assertThat(headlines(q("harbour")).get(0)).isEqualTo("Harbour ports expand to meet shipping demand");
        assertThat(headlines(q("harbour"))).hasSize(2);
    }

    @Test
    void aTopicsAliasFindsTheArticlesWithTheTopic() {
        // "waterside" is only in the Harbour topic's aliases, not in any article's text
        assertThat(headlines(q("waterside")))
                .containsExactlyInAnyOrder(
                        "Harbour ports expand to meet shipping demand",
                        "Opinion: Why the plan for the waterfront fails");
    }

    @Test
    void kindsAreLabelledAsTheSiteLabelsThem() {
        assertThat(q("waterfront").select(".search-hit__headline").text())
                .isEqualTo("Opinion: Why the plan for the waterfront fails");
    }

    @Test
    void phrasesMustMatchInOrderAndExcludedWordsLeaveResultsOut() {
        assertThat(headlines(q("\"quay on Monday\""))).hasSize(1);
        assertThat(headlines(q("\"Monday on quay\""))).isEmpty();
        // a phrase never runs from one field into the next: headline "... bank results", deck "Deck of ...
        // bank results", body "Shares in ..."
        assertThat(headlines(q("\"bank results\""))).containsExactly("Analysis: Market rallies on bank results");
        assertThat(headlines(q("\"results deck\""))).isEmpty();
        assertThat(headlines(q("\"results shares\""))).isEmpty();
        assertThat(headlines(q("harbour -cranes"))).isEmpty();
        assertThat(headlines(q("harbour -fishermen"))).containsExactly("Harbour ports expand to meet shipping demand");
    }

    @Test
    void accentsAreFoldedBothWays() {
        assertThat(headlines(q("cafe elise"))).containsExactly("Council approves new cycling lanes");
        assertThat(headlines(q("Zoe Hartley"))).contains("Council approves new cycling lanes");
        assertThat(headlines(q("zoë"))).contains("Council approves new cycling lanes");
    }

    @Test
    void aNameOneLetterOffStillFindsThePerson() {
        assertThat(headlines(q("Ada Quil"))).contains("Harbour ports expand to meet shipping demand");
        assertThat(headlines(q("Hartly"))).contains("Council approves new cycling lanes");
    }

    @Test
    void aMisspelledWordFallsBackToSimilarSpellings() {
        Document d = q("shiping");
        assertThat(headlines(d)).isNotEmpty();
        assertThat(d.select(".search-notice").text()).contains("similar spellings");
    }

    @Test
    void draftsNeverShow() {
        assertThat(q("merger").select(".search-hit")).isEmpty();
        assertThat(q("merger").select(".search-message").text()).contains("No articles match");
    }

    @Test
    void newestFirstOrdersByDate() {
        Document d = search("q=harbour&sort=newest");
        assertThat(headlines(d))
                .containsExactly(
                        "Harbour ports expand to meet shipping demand",
                        "Opinion: Why the plan for the waterfront fails");
        assertThat(d.select(".search-sort a[aria-current]").text()).isEqualTo("Newest first");
    }

    @Test
    void facetsCountAndNarrowAndCombineInTheUrl() {
        Document d = q("harbour OR shipping"); // "or" is a stop word: harbour AND shipping
        assertThat(headlines(d)).hasSize(2);
        assertThat(d.select("#facet-section ~ ul li").eachText()).contains("Politics (1)", "Business (1)");
        assertThat(d.select("#facet-author ~ ul li").eachText()).contains("Ada Quill (2)");
        assertThat(d.select("#facet-kind ~ ul li").eachText()).contains("News (1)", "Opinion (1)");
        assertThat(d.select("#facet-topic ~ ul li").eachText()).contains("Harbour (2)");
        String business = d.select("#facet-section ~ ul a:contains(Business)").attr("href");
        assertThat(business).isEqualTo("/search?q=harbour+OR+shipping&section=business");
        Document narrowed = search(business.substring("/search?".length()));
        assertThat(headlines(narrowed)).containsExactly("Opinion: Why the plan for the waterfront fails");
        assertThat(narrowed.select(".search-applied a").text()).contains("Section: Business");
        Document both = search("q=harbour&section=business&kind=news");
        assertThat(both.select(".search-hit")).isEmpty();
    }

    @Test
    void dateFiltersKeepToTheWindow() {
        assertThat(headlines(search("q=results&when=year"))).isEmpty();
        assertThat(headlines(search("q=results"))).containsExactly("Analysis: Market rallies on bank results");
        assertThat(headlines(search("q=harbour&when=day")))
                .containsExactly("Harbour ports expand to meet shipping demand");
        assertThat(headlines(search("q=harbour&when=month"))).hasSize(2);
        String day = p.now.minus(java.time.Duration.ofDays(400)).toString().substring(0, 10);
        assertThat(headlines(search("q=results&from=" + day + "&to=" + day))).hasSize(1);
    }

    @Test
    void hostileQueriesGetAFriendlyPageNeverAnError() {
        for (String hostile : List.of(
                "",
                "   ",
                "*",
                "\"",
                "\"unbalanced quote",
                "title:(a OR",
                "a~~~^",
                "!!! ??? ***",
                "-",
                "--harbour",
                "\\",
                "<script>alert(1)</script>",
                "x".repeat(1000),
                "harbour ".repeat(200),
                "the of and")) {
            HttpResponse<String> r = t.get("/search?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(hostile).isEqualTo(200);
            assertThat(r.body()).doesNotContain("<script>alert");
            Document d = Jsoup.parse(r.body());
            assertThat(d.select(".search-message, .search-hit").size())
                    .as(hostile)
                    .isPositive();
        }
        assertThat(headlines(q("\"unbalanced quay on Monday"))).isEmpty();
        assertThat(headlines(q("\"quay on Monday"))).hasSize(1);
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertThat(t.get("/search?q=a&page=0").body()).contains("The &#39;page&#39; parameter");
        assertThat(t.get("/search?q=a&page=x").statusCode()).isEqualTo(400);
        assertThat(t.get("/search?q=a&sort=best").statusCode()).isEqualTo(400);
        assertThat(t.get("/search?q=a&from=yesterday").body()).contains("from");
        assertThat(t.get("/search?q=a&section=..%2F").statusCode()).isEqualTo(400);
    }

    @Test
    void theResultsPageIsValidAndCachedLikeOtherPages() {
        HttpResponse<String> r = t.get("/search?q=harbour");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("public");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(t.get("/search?q=harbour&utm_source=x").headers().firstValue("ETag"))
                .contains(etag);
        assertThat(t.get("/search?q=harbour", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(HtmlValidator.problems(t.get("/search?q=").body())).isEmpty();
        // the masthead's box and the page's own are two search landmarks: a screen reader's landmark list
        // tells them apart by name (axe-core's landmark-unique rule)
        assertThat(Jsoup.parse(r.body()).select("[role=search]").eachAttr("aria-label"))
                .containsExactly("Site", "Results");
    }

    @Test
    void everyPageHasTheSearchBoxInItsMasthead() {
        Document home = Jsoup.parse(t.get("/").body());
        var form = home.selectFirst(".masthead form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("label[for=masthead-q]")).hasSize(1);
        assertThat(form.select("input#masthead-q[name=q]")).hasSize(1);
        assertThat(home.select("link[rel=search]").attr("href")).isEqualTo("/opensearch.xml");
        String ld = home.select("script[type=application/ld+json]").first().data();
        assertThat(ld)
                .contains("\"@type\":\"SearchAction\"")
                .contains("\"urlTemplate\":\"https://news.example/search?q={search_term_string}\"");
        HttpResponse<String> os = t.get("/opensearch.xml");
        assertThat(os.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/opensearchdescription+xml");
        assertThat(os.body()).contains("template=\"https://news.example/search?q={searchTerms}\"");
    }

    @Test
    void suggestionsGiveTopicsAndAuthorsFirstThenHeadlines() throws Exception {
        HttpResponse<String> r = t.get("/search/suggest.json?q=ha");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var items = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.body())
                .get("items");
        assertThat(items.get(0).get("kind").asText()).isEqualTo("topic");
        assertThat(items.get(0).get("href").asText()).isEqualTo("/topics/harbour");
        assertThat(items.get(1).get("kind").asText()).isEqualTo("author");
        assertThat(items.get(1).get("label").asText()).isEqualTo("Zoë Hartley");
        var headlines = new java.util.ArrayList<String>();
        items.forEach(i -> {
            if (i.get("kind").asText().equals("article"))
                headlines.add(i.get("label").asText());
        });
        assertThat(headlines).containsExactly("Harbour ports expand to meet shipping demand");
        assertThat(t.get("/search/suggest.json?q=merger").body()).doesNotContain("merger"); // a draft
        assertThat(t.get("/search/suggest.json?q=" + "%22".repeat(300)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void articlesEndWithRelatedStoriesByWordsAndTopicsNeverThemselves() {
        String path = q("container cranes").select(".search-hit__headline a").attr("href");
        HttpResponse<String> r = t.get(path);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("public");
        Document d = Jsoup.parse(r.body());
        var related = d.selectFirst("article section.related[aria-labelledby=related-h]");
        assertThat(related.select("h2#related-h").text()).isEqualTo("Related");
        List<String> headlines = related.select(".card__headline").eachText();
        assertThat(headlines.get(0))
                .as(headlines.toString())
                .isEqualTo("Opinion: Why the plan for the waterfront fails");
        assertThat(headlines).doesNotContain("Harbour ports expand to meet shipping demand");
        assertThat(headlines).doesNotContain("Harbour merger draft");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
    }

    @Test
    void relatedStoriesAreKeptForTheArticlesVersionAndReadWithIt() {
        String path = q("container cranes").select(".search-hit__headline a").attr("href");
        t.get(path); // found in the index and kept
        var kept = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select r.related_ids from article_related r join articles a on a.id = r.article_id"
                                        + " where a.id = :id and r.version = a.version")
                        .bind("id", p.harbour)
                        .mapTo(Long[].class)
                        .findOne());
        assertThat(kept).isPresent();
        assertThat(kept.get()).contains(p.opinion);
        // what is kept is what the page shows: put another story there and render the page afresh
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "update article_related set related_ids = ? where article_id = ?",
                        new Long[] {p.cycling},
                        p.harbour));
        t.contentChanged();
        List<String> shown = Jsoup.parse(t.get(path).body())
                .select("section.related .card__headline")
                .eachText();
        assertThat(shown).containsExactly("Council approves new cycling lanes");
        // a new version of the article is not shown what was found for the old one
        t.fixtures
                .jdbi()
                .useHandle(h ->
                        h.execute("update article_related set version = version - 1 where article_id = ?", p.harbour));
        t.contentChanged();
        assertThat(Jsoup.parse(t.get(path).body())
                        .select("section.related .card__headline")
                        .eachText())
                .contains("Opinion: Why the plan for the waterfront fails");
    }
}
