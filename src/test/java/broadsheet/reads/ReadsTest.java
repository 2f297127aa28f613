package broadsheet.reads;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read beacon, the hourly counts and the most-read lists on the home page, section fronts and articles. */
class ReadsTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.create();

    static TestApp t;
    static SamplePaper paper;
    static ReadsFixture reads;
    static long draft;

    @BeforeAll
    static void setUp() {
        t = app.get();
        paper = new SamplePaper(t.fixtures);
        reads = new ReadsFixture(t);
        draft = t.fixtures.article(
                "not-yet", "Not yet out", paper.politics, "news", paper.newest, "Embargoed until tomorrow.");
        t.fixtures.jdbi().useHandle(h -> h.execute("update articles set status = 'draft' where id = ?", draft));
        t.contentChanged();
    }

    @BeforeEach
    void noReads() {
        reads.reset();
    }

    @Test
    void aBeaconCountsOneReadAndSetsNoCookie() {
        long id = paper.politicsStories[3];
        var r = reads.read(id);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        reads.reads(id, 2);
        assertThat(reads.stored(id)).as("buffered until the flush").isZero();
        t.app.flushReads();
        assertThat(reads.stored(id)).isEqualTo(3);
    }

    @Test
    void countsAddUpInOneRowPerArticleAndHour() {
        long id = paper.businessStory;
        reads.reads(id, 3);
        t.app.flushReads();
        reads.reads(id, 2);
        t.app.flushReads();
        List<Integer> rows = t.db.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                        select reads from article_reads
                         where article_id = :id and hour = date_trunc('hour', now(), 'UTC')""").bind("id", id).mapTo(Integer.class).list());
        assertThat(rows).containsExactly(5);
        reads.storedAt(id, Instant.now().minus(Duration.ofHours(3)), 4);
        assertThat(reads.rows(id)).isEqualTo(2);
        assertThat(reads.stored(id)).isEqualTo(9);
    }

    @Test
    void botsUnknownAndUnpublishedArticlesAreNotCounted() {
        long id = paper.politicsStories[4];
        String form = "application/x-www-form-urlencoded";
        for (String ua : new String[] {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "facebookexternalhit/1.1",
            "curl/8.5.0",
            null // Java's own client: "Java-http-client/25"
        }) {
            assertThat(reads.post("id=" + id, form, ua).statusCode()).as(ua).isEqualTo(204);
        }
        reads.reads(999_999, 1);
        reads.reads(draft, 2);
        t.app.flushReads();
        assertThat(reads.stored(id)).isZero();
        assertThat(reads.stored(draft)).isZero();
        assertThat(reads.rows(0)).isZero();
    }

    @Test
    void aWellFormedBeaconIsAnsweredAtTheFrontDoor() {
        // the door answers a 204 with its request id and nothing the app's filters add to every answer
        // (a beacon through the app costs twice a cached page; every article page sends one)
        long id = paper.politicsStories[5];
        var r = reads.read(id);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .as("answered before the app")
                .isEmpty();
        t.app.flushReads();
        assertThat(reads.stored(id)).isEqualTo(1);
    }

    @Test
    void aBeaconWhoseFormArrivesAfterItsHeadersIsCounted() throws Exception {
        long id = paper.politicsStories[6];
        String body = "id=" + id;
        try (java.net.Socket s = new java.net.Socket("localhost", t.app.port())) {
            s.setSoTimeout(10_000);
            var out = s.getOutputStream();
            out.write(("POST " + broadsheet.web.Paths.reads() + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "User-Agent: " + ReadsFixture.BROWSER + "\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the form comes in a packet of its own, as from a slow network
            out.write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 204 No Content");
        }
        t.app.flushReads();
        assertThat(reads.stored(id)).isEqualTo(1);
    }

    @Test
    void aMalformedBeaconIsA400NamingTheField() {
        String form = "application/x-www-form-urlencoded";
        for (String body : new String[] {"", "id=", "id=abc", "id=-4", "id=0", "id=99999999999999999999", "ids=4"}) {
            var r = reads.post(body, form, ReadsFixture.BROWSER);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("id");
        }
        var json = reads.post("{\"id\": 4}", "application/json", ReadsFixture.BROWSER);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(t.get("/reads").statusCode()).isBetween(400, 499);
    }

    @Test
    void mostReadShowsOnTheHomePageSectionFrontsAndArticlesInOrder() {
        long first = paper.politicsStories[7];
        long second = paper.businessStory;
        long third = paper.politicsStories[2];
        long old = paper.politicsStories[9];
        // pages cached before any reads: the lists must replace them
        assertThat(mostRead(t.get("/").body())).isEmpty();
        assertThat(mostRead(t.get("/sections/politics").body())).isEmpty();
        reads.reads(third, 1);
        reads.reads(second, 2);
        reads.reads(first, 3);
        // a day and more ago: not in the last 24 hours, however many
        reads.storedAt(old, Instant.now().minus(Duration.ofHours(25)), 100);
        t.app.flushReads();

        List<String> site = List.of(
                "Politics story number 7 & more",
                "Analysis: Markets rally on port news",
                "Politics story number 2 & more");
        assertThat(mostRead(t.get("/").body())).containsExactlyElementsOf(site);
        assertThat(mostRead(t.get("/sections/politics").body()))
                .containsExactly("Politics story number 7 & more", "Politics story number 2 & more");
        assertThat(mostRead(t.get("/sections/business").body()))
                .containsExactly("Analysis: Markets rally on port news");
        String article = ReadsFixture.path("politics-story-4", paper.newest.minus(Duration.ofHours(24)));
        assertThat(mostRead(t.get(article).body())).containsExactlyElementsOf(site);

        // more reads change the order; the cached pages follow at the next recomputation
        reads.reads(third, 5);
        assertThat(mostRead(t.get("/").body())).as("until then").containsExactlyElementsOf(site);
        t.app.flushReads();
        assertThat(mostRead(t.get("/").body())).first().isEqualTo("Politics story number 2 & more");
        assertThat(mostRead(t.get(article).body())).first().isEqualTo("Politics story number 2 & more");
    }

    @Test
    void theArticlePageIsTheSameForEveryReaderBeforeAndAfterTheBeacon() {
        long id = paper.politicsStories[6];
        String path = ReadsFixture.path("politics-story-6", paper.newest.minus(Duration.ofHours(36)));
        var one = t.getBytes(path, "User-Agent", ReadsFixture.BROWSER, "Accept-Language", "en-GB");
        var two = t.getBytes(
                path,
                "User-Agent",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1",
                "Cookie",
                "bs_csrf=abc; other=1");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(one.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(two.body()).isEqualTo(one.body());
        Document doc = Jsoup.parse(new String(one.body(), java.nio.charset.StandardCharsets.UTF_8));
        Element article = doc.selectFirst("article.article");
        assertThat(article.attr("data-read")).isEqualTo(String.valueOf(id));
        assertThat(article.attr("data-read-url")).isEqualTo("/reads");
        assertThat(doc.select("script[src]").eachAttr("src")).anyMatch(s -> s.startsWith("/assets/reads."));

        reads.reads(id, 3);
        var after = t.getBytes(path, "User-Agent", ReadsFixture.BROWSER);
        assertThat(after.body()).isEqualTo(one.body());
    }

    @Test
    void anAppWithItsJobsWritesTheCountsOnItsOwn() {
        TestApp served = app.fresh(o -> o.withJobs());
        long s = served.fixtures.section("world", "World");
        long id = served.fixtures.article("on-its-own", "On its own", s, "news", Instant.now(), "Text.");
        ReadsFixture own = new ReadsFixture(served);
        own.reads(id, 2);
        // written every 5 seconds, with no one asking
        Waiting.upTo(ReadsFeature.FLUSH_EVERY.plusSeconds(5))
                .untilAsserted(() -> assertThat(own.stored(id)).isEqualTo(2));
    }

    /** The headlines of the page's most-read list, in order. */
    static List<String> mostRead(String html) {
        return Jsoup.parse(html).select("section.most-read ol li a").eachText();
    }
}
