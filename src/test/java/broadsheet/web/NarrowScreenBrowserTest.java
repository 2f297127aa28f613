package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import broadsheet.testing.Browser;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * At 320 px wide (WCAG 2.2's reflow width) no page scrolls sideways: the home page, a section front, an
 * article with a lead photo, a gallery and comments, search results, the account page and the newsroom.
 */
class NarrowScreenBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static String article;

    @BeforeAll
    static void setUp() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        t = new TestApp(TestApp.Options.defaults().plainHttp());
        SamplePaper paper = new SamplePaper(t.fixtures);
        var f = t.fixtures;
        long wide = f.photo(2400, 800, Color.BLUE, "A panorama of the harbour.", "Credit: desk", "A blue panorama");
        long tall = f.photo(600, 1200, Color.GREEN, "A lighthouse.", "Credit: desk", "A green lighthouse");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        long id = f.article(
                "harbour-authority-publishes-its-extraordinarily-comprehensive-redevelopment-masterplan",
                "Harbour authority publishes its extraordinarily comprehensive redevelopment masterplan",
                paper.politics,
                "news",
                at,
                """
                The plan, at https://example.org/harbour/redevelopment/masterplan/2026/final-version-with-appendices.pdf,
                runs to 400 pages.

                > Supercalifragilisticexpialidocious infrastructure commitments.

                - a list item
                - another list item
                """);
        f.byline(id, paper.ada, 0);
        f.byline(id, paper.ben, 1);
        f.tag(id, paper.harbour);
        f.leadPhoto(id, wide);
        f.gallery(id, wide, tall);
        f.correction(id, "correction", "An earlier version misnamed the authority.", at.plusSeconds(600));
        f.jdbi().useHandle(h -> {
            for (String text : new String[] {
                "See https://example.org/a/very/long/address/that/does/not/break/anywhere/by/itself/at-all.html",
                "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word."
            })
                h.execute(
                        "insert into comments (article_id, author_name, body, body_html, status) values (?, ?, ?, ?, 'visible')",
                        id,
                        "A reader with a rather long display name indeed",
                        text,
                        "<p>" + text + "</p>");
        });
        t.contentChanged();
        t.awaitSearch();
        article = org.jsoup.Jsoup.parse(
                        t.client().get("/search?q=harbour+masterplan").body())
                .select("main a[href*=harbour-authority]")
                .first()
                .attr("href");
        t.fixtures.user("narrow@example.org", Role.EDITOR, "a long password for narrow");
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        if (t != null) t.close();
    }

    static long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    /** The page's width beyond the viewport, with the elements that stick out (for the failure message). */
    static void assertNoSidewaysScroll(String path) {
        browser.get(t.url(path));
        long client = number("return document.documentElement.clientWidth");
        assertThat(client).as("the viewport of a 320 px window").isBetween(300L, 320L);
        Object wider = browser.executeScript("""
                var w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if ((r.right > w + 0.5 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible') && out.length < 8)
                    out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(r.right));
                });
                return out.join(', ');""");
        long scroll = number("return document.documentElement.scrollWidth");
        assertThat(scroll)
                .as(path + " at 320 px is " + scroll + " px wide; sticking out: " + wider)
                .isLessThanOrEqualTo(client);
    }

    @Test
    void noPageScrollsSidewaysAt320Pixels() {
        browser.manage().window().setSize(new Dimension(320, 800));
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/sections/politics",
                article,
                article + "/photos/1",
                "/articles/" + articleId() + "/comments",
                "/search?q=harbour+masterplan"));
        for (String path : pages) assertNoSidewaysScroll(path);

        browser.get(t.url("/sign-in"));
        browser.findElement(By.id("f-email")).sendKeys("narrow@example.org");
        browser.findElement(By.id("f-password")).sendKeys("a long password for narrow");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));
        for (String path : List.of("/account", "/newsroom", article)) assertNoSidewaysScroll(path);
    }

    static long articleId() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from articles where slug like 'harbour-authority%'")
                        .mapTo(Long.class)
                        .one());
    }
}
