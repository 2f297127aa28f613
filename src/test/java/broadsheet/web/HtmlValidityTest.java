package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every page type passes the Nu HTML Checker with no errors or warnings. */
class HtmlValidityTest {

    static TestApp t;
    static String article;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        SamplePaper paper = new SamplePaper(t.fixtures);
        var f = t.fixtures;
        long p1 = f.photo(1600, 1000, Color.RED, "A red square.", "Credit: desk", "A red square with a white circle");
        long p2 = f.photo(800, 1000, Color.GRAY, "A grey portrait.", "Credit: desk", "A grey rectangle");
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        long id = f.article("full-article", "A full article", paper.politics, "news", at, """
                Opening paragraph with a [link](https://example.org) and *emphasis*.

                [[related:why-the-port-matters]]

                - one
                - two

                > A quotation.

                [[newsletter:politics-briefing]]

                Closing paragraph.
                """);
        f.byline(id, paper.ada, 0);
        f.byline(id, paper.ben, 1);
        f.tag(id, paper.harbour);
        f.leadPhoto(id, p1);
        f.gallery(id, p1, p2);
        f.correction(id, "update", "This article was updated with the final vote.", at.plusSeconds(3600));
        // comments, so that the article page shows its first comments and "All N comments"
        f.jdbi().useHandle(h -> {
            for (String text : new String[] {"A first view.", "A <second> view, with a link."})
                h.execute(
                        "insert into comments (article_id, author_name, body, body_html, status) values (?, ?, ?, ?, 'visible')",
                        id,
                        "Reader",
                        text,
                        "<p>" + text.replace("<", "&lt;").replace(">", "&gt;") + "</p>");
        });
        t.contentChanged();
        // reads, so that the home page, the section front and the article show their most-read lists
        var reads = new broadsheet.reads.ReadsFixture(t);
        reads.reads(id, 2);
        reads.reads(paper.politicsStories[3], 1);
        reads.reads(paper.businessStory, 1);
        t.app.flushReads();
        article = "/2026/11/20/full-article";
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/sections/politics",
                "/authors/ada-quill",
                "/topics/harbour-bill",
                "/archive",
                "/newsletters",
                "/newsletters/politics-briefing",
                "/no-such-page",
                "/sections/politics?before=bad",
                "ARTICLE",
                "ARTICLE/photos/1",
                "ARTICLE/photos/2",
                "DAY",
                "MONTH"
            })
    void pageIsValidHtml(String path) {
        var today = Instant.parse("2026-11-20T10:00:00Z")
                .atZone(ZoneId.of("Europe/London"))
                .toLocalDate();
        String p = path.replace("ARTICLE", article)
                .replace("DAY", "/archive/2026/11/20")
                .replace("MONTH", "/archive/2026/11");
        var r = t.get(p);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(HtmlValidator.problems(r.body())).as(p + " (" + today + ")").isEmpty();
    }

    /** The pages checked above carry the reading blocks, so the check covers their markup too. */
    @org.junit.jupiter.api.Test
    void checkedPagesShowMostReadAndMoreFrom() {
        assertThat(t.get("/").body()).contains("<section class=\"most-read\"");
        assertThat(t.get("/sections/politics").body()).contains("<section class=\"most-read\"");
        assertThat(t.get(article).body())
                .contains("<section class=\"most-read\"")
                .contains("<section class=\"more-from\"")
                .contains("<section class=\"article-comments\"")
                .contains("All 2 comments");
    }

    @org.junit.jupiter.api.Test
    void brandPageIsValidHtml() {
        try (TestApp plain = new TestApp(TestApp.Options.defaults().plainHttp())) {
            var admin = plain.signedIn("admin-html@example.org", Role.ADMIN);
            var r = admin.get("/newsroom/brand");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(HtmlValidator.problems(r.body())).as("/newsroom/brand").isEmpty();
        }
    }

    // --- photos: the newsroom's searches (article list "mine", the photo library, the photos page's picker)
    @org.junit.jupiter.api.Test
    void newsroomSearchPagesAreValidHtml() {
        try (TestApp plain = new TestApp(TestApp.Options.defaults().plainHttp())) {
            var f = plain.fixtures;
            long section = f.section("harbour", "Harbour");
            f.photo(200, 100, Color.BLUE, "Tugs in the harbour.", "Desk", "Two tugboats");
            f.photo(200, 100, Color.RED, "", "", "");
            var editor = plain.signedIn("editor-html@example.org", Role.EDITOR);
            long article =
                    f.article("tugs", "Tugs return", section, "news", Instant.parse("2026-11-20T10:00:00Z"), "Text.");
            plain.awaitSearch();
            for (String path : java.util.List.of(
                    "/newsroom/articles?mine=1",
                    "/newsroom/articles?mine=1&q=tugs&status=draft",
                    "/newsroom/articles?q=tugs",
                    "/newsroom/photos?q=tugboats",
                    "/newsroom/photos?q=walrus",
                    "/newsroom/photos?q=%3F%21",
                    "/newsroom/photos?q=tugs&incomplete=1",
                    "/newsroom/photos?q=tugs&page=3",
                    "/newsroom/articles/" + article + "/gallery?q=tugs",
                    "/newsroom/articles/" + article + "/gallery?q=walrus",
                    "/newsroom/articles/" + article + "/gallery?done=lead-added")) {
                var r = editor.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(HtmlValidator.problems(r.body())).as(path).isEmpty();
            }
        }
    }
}
