package broadsheet.reads;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "More from" the section under articles; the newsroom's read counts, for editors only. */
class ReadNextTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp(); // the session cookie reaches the client

    static TestApp t;
    static SamplePaper paper;
    static ReadsFixture reads;
    static long linking;
    static Instant linkingAt;

    @BeforeAll
    static void setUp() {
        t = app.get();
        paper = new SamplePaper(t.fixtures);
        reads = new ReadsFixture(t);
        linkingAt = paper.newest.plus(Duration.ofMinutes(30));
        linking = t.fixtures.article(
                "the-week-in-politics",
                "The week in politics",
                paper.politics,
                "news",
                linkingAt,
                "A look back.\n\n[[related:politics-story-1]]\n\nAnd forward.");
        t.contentChanged();
    }

    @org.junit.jupiter.api.BeforeEach
    void noReads() {
        reads.reset();
    }

    @Test
    void moreFromTheSectionLeavesOutTheArticleAndTheStoriesItLinks() {
        Document doc = page(ReadsFixture.path("the-week-in-politics", linkingAt));
        assertThat(doc.select(".article__body a").eachText()).contains("Politics story number 1 & more");
        var section = doc.selectFirst("section.more-from");
        assertThat(section.attr("aria-labelledby")).isEqualTo("more-from-h");
        assertThat(section.selectFirst("#more-from-h").text()).isEqualTo("More from Politics");
        assertThat(section.selectFirst("#more-from-h a").attr("href")).isEqualTo("/sections/politics");
        assertThat(section.select(".card__headline").eachText())
                .containsExactly(
                        "Politics story number 0 & more",
                        "Politics story number 2 & more",
                        "Politics story number 3 & more",
                        "Politics story number 4 & more");
    }

    @Test
    void moreFromTheSectionOfAnOlderStoryStartsWithTheNewest() {
        Document doc = page(ReadsFixture.path("politics-story-0", paper.newest));
        assertThat(doc.select("section.more-from .card__headline").eachText())
                .containsExactly(
                        "The week in politics",
                        "Politics story number 1 & more",
                        "Politics story number 2 & more",
                        "Politics story number 3 & more");
        // the other section: only what is there besides the article itself
        Document business = page(ReadsFixture.path("markets-rally", paper.newest.minus(Duration.ofHours(2))));
        assertThat(business.select("section.more-from .card__headline").eachText())
                .containsExactly("Opinion: Why the port matters");
        assertThat(business.selectFirst("#more-from-h").text()).isEqualTo("More from Business");
    }

    @Test
    void editorsSeeReadsInTheArticleListAndReadNowOnTheNewsroomHome() {
        reads.reads(paper.businessStory, 4);
        reads.reads(paper.politicsStories[1], 2);
        t.app.flushReads();
        // read three days ago: in the last 7 days, not in the last 24 hours
        reads.storedAt(paper.politicsStories[8], Instant.now().minus(Duration.ofDays(3)), 50);

        var editor = t.signedIn("editor@example.org", Role.EDITOR);
        Document list = Jsoup.parse(
                editor.get("/newsroom/articles?status=published&sort=published").body());
        List<String> headers = list.select("thead th").eachText();
        assertThat(headers).contains("Reads 24 h");
        int col = headers.indexOf("Reads 24 h");
        assertThat(cell(list, "Markets rally on port news", col)).isEqualTo("4");
        assertThat(cell(list, "Politics story number 1 & more", col)).isEqualTo("2");
        assertThat(cell(list, "Politics story number 8 & more", col)).isEqualTo("0");

        Document home = Jsoup.parse(editor.get("/newsroom").body());
        var readNow = home.selectFirst("section.read-now");
        assertThat(readNow.selectFirst("h2").text()).isEqualTo("Read now");
        assertThat(rows(home, "#read-day"))
                .containsExactly("Markets rally on port news 4", "Politics story number 1 & more 2");
        assertThat(rows(home, "#read-week"))
                .containsExactly(
                        "Politics story number 8 & more 50",
                        "Markets rally on port news 4",
                        "Politics story number 1 & more 2");
        assertThat(readNow.selectFirst("#read-day a").attr("href"))
                .isEqualTo("/newsroom/articles/" + paper.businessStory);
    }

    @Test
    void readCountsAreForEditorsOnly() {
        reads.reads(paper.businessStory, 1);
        t.app.flushReads();
        var contributor = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        String list = contributor.get("/newsroom/articles").body();
        assertThat(list).doesNotContain("Reads 24 h");
        String home = contributor.get("/newsroom").body();
        assertThat(home).contains("Newsroom").doesNotContain("Read now").doesNotContain("read-day");
        var reader = t.signedIn("reader@example.org", Role.READER);
        assertThat(reader.get("/newsroom").statusCode()).isEqualTo(403);
        assertThat(t.client().get("/newsroom").statusCode()).isEqualTo(303);
        assertThat(t.client().get("/newsroom/articles").statusCode()).isEqualTo(303);
    }

    private static Document page(String path) {
        var r = t.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private static String cell(Document list, String headline, int col) {
        return list.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("td").text().equals(headline))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + headline))
                .select("td")
                .get(col)
                .text();
    }

    private static List<String> rows(Document doc, String table) {
        return doc.select(table + " tbody tr").eachText();
    }
}
