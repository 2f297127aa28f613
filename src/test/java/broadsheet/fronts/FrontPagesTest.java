package broadsheet.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrontPagesTest {

    static TestApp t;
    static SamplePaper paper;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        paper = new SamplePaper(t.fixtures);
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    Document get(String path) {
        var r = t.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void homeShowsTheEditorsOrderThenTheNewestThenEachSection() {
        Document d = get("/");
        List<String> top =
                d.select(".front__main .card__headline, .front__headline > a").eachText();
        assertThat(top)
                .startsWith(
                        "Politics story number 5 & more",
                        "Analysis: Markets rally on port news",
                        "Politics story number 0 & more",
                        "Politics story number 1 & more");
        assertThat(top).hasSize(FrontLayout.LEAD_PLUS_FOUR.slots());
        // business's two stories are both on the front already (one pinned, one in the opinion rail): no block
        assertThat(d.select(".section-block h2").eachText()).containsExactly("Politics");
        // nothing shown twice
        List<String> all = d.select(".card__headline").eachText();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(d.select("nav[aria-label=Sections] a").eachText()).containsExactly("Home", "Politics", "Business");
        assertThat(d.title()).isEqualTo("The Test Ledger");
        assertThat(d.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("/feed.rss");
        // the first image is the largest content paint: not lazy; the rest are
        assertThat(d.select(".card__image").first().attr("fetchpriority")).isEqualTo("high");
        assertThat(d.select(".card__image").last().attr("loading")).isEqualTo("lazy");
    }

    @Test
    void sectionFrontPagesThroughEveryStoryOnceWithMore() {
        Document first = get("/sections/politics");
        assertThat(first.select("h1").text()).isEqualTo("Politics");
        assertThat(first.select("[data-slot=lead] .card__headline").eachText())
                .containsExactly("Politics story number 10 & more");
        // the front's 11 slots and the 14 older stories under it: every story once
        List<String> seen = new ArrayList<>(
                first.select(".card__headline, .front__headline > a").eachText());
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(first.select("a[rel=next]")).isEmpty();
        // older pages go on from the last story listed
        String last = first.select(".stream .card time").last().attr("datetime");
        Document second = get("/sections/politics?before=" + last + "_999999999");
        assertThat(second.select(".card__headline").eachText()).isNotEmpty().isSubsetOf(seen);
        assertThat(second.select("meta[name=robots]").attr("content")).isEqualTo("noindex, follow");
    }

    @Test
    void authorAndTopicPagesListTheirArticles() {
        Document ada = get("/authors/ada-quill");
        assertThat(ada.select("h1").text()).isEqualTo("Ada Quill");
        assertThat(ada.select(".card__headline").eachText())
                .contains("Opinion: Why the port matters", "Politics story number 0 & more")
                .doesNotContain("Politics story number 1 & more");
        Document topic = get("/topics/harbour-bill");
        assertThat(topic.select(".kicker").first().text()).isEqualTo("Topic");
        assertThat(topic.select(".card__headline").eachText())
                .contains("Politics story number 3 & more", "Opinion: Why the port matters")
                .doesNotContain("Politics story number 1 & more");
        assertThat(t.get("/authors/nobody").statusCode()).isEqualTo(404);
        assertThat(t.get("/topics/nothing").statusCode()).isEqualTo(404);
        assertThat(t.get("/sections/sport").statusCode()).isEqualTo(404);
    }

    @Test
    void archiveGoesFromMonthsToDays() {
        Document index = get("/archive");
        var months = index.select(".archive-months a");
        assertThat(months).isNotEmpty();
        Document month = get(months.first().attr("href"));
        assertThat(month.select(".card__headline")).isNotEmpty();
        var when = paper.newest.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
        Document day =
                get("/archive/%04d/%02d/%02d".formatted(when.getYear(), when.getMonthValue(), when.getDayOfMonth()));
        assertThat(day.select(".card__headline").eachText()).contains("Politics story number 0 & more");
        assertThat(t.get("/archive/1999/01/01").statusCode()).isEqualTo(404);
        assertThat(t.get("/archive/2026/13/01").statusCode()).isEqualTo(404);
    }

    @Test
    void newsletterPagesDescribeEachNewsletter() {
        Document d = get("/newsletters/politics-briefing");
        assertThat(d.select("h1").text()).isEqualTo("Politics Briefing");
        assertThat(d.select(".facts").text()).contains("Subscribers only").contains("Weekdays at 7:00");
        assertThat(get("/newsletters").select("a[href=/newsletters/politics-briefing]"))
                .hasSize(1);
        assertThat(t.get("/newsletters/none").statusCode()).isEqualTo(404);
    }

    @Test
    void headRequestsAnswerWithTheHeadersAlone() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var head = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url("/sections/politics")))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag"))
                .isEqualTo(t.get("/sections/politics").headers().firstValue("ETag"));
    }

    @Test
    void aBadCursorIsAClearError() {
        var r = t.get("/sections/politics?before=yesterday");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).text()).contains("The 'before' parameter must look like");
    }

    @Test
    void unknownPagesGetAUsefulNotFoundPage() {
        var r = t.get("/no/such/page/here/at/all");
        assertThat(r.statusCode()).isEqualTo(404);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("h1").text()).isEqualTo("Page not found");
        assertThat(d.select("a[href=/]")).isNotEmpty();
        assertThat(d.select(".error-page li")).hasSize(5);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void cachedPagesAreDroppedWhenAnyWriterNotifiesAChange() throws Exception {
        assertThat(get("/sections/business").select(".card__headline").text()).doesNotContain("Brand new story");
        // A write that tells no one: with triggers off, not even the search index's change log hears of it.
        t.fixtures.unannounced("update articles set headline = 'Brand new story' where id = " + paper.businessStory);
        // still the cached page: nothing said the content changed
        assertThat(get("/sections/business").select(".card__headline").text()).doesNotContain("Brand new story");
        // another node or an import announces its write through PostgreSQL
        t.fixtures.jdbi().useHandle(h -> h.execute("select pg_notify('content_changed', '')"));
        Waiting.fewSeconds()
                .alias("page refreshed within 5 s of the notification")
                .until(() -> get("/sections/business")
                        .select(".card__headline")
                        .text()
                        .contains("Brand new story"));
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "update articles set headline = 'Markets rally on port news' where id = ?",
                        paper.businessStory));
        t.contentChanged();
    }
}
