package broadsheet.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Browser;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * In a real browser at a phone's, a tablet's and a desktop's width, every row of stories on a front
 * is full (no empty column), whatever the layout, and nothing is wider than the screen.
 */
class FrontRowsBrowserTest {

    static TestApp t;
    static ChromeDriver browser;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        SamplePaper paper = new SamplePaper(t.fixtures);
        // a breaking banner, so that the screenshots show it too
        t.fixtures
                .jdbi()
                .useHandle(
                        h -> h.execute("insert into breaking_news (article_id) values (?)", paper.politicsStories[1]));
        // a section with one story, whose block is a row of one
        long sport = t.fixtures.section("sport", "Sport");
        long id = t.fixtures.article(
                "cup-final",
                "Cup final goes to extra time",
                sport,
                "news",
                paper.newest.minusSeconds(86400L * 30),
                "Play.");
        t.fixtures.leadPhoto(
                id, t.fixtures.photo(1200, 800, java.awt.Color.GREEN, "A pitch.", "Desk", "A green pitch"));
        t.contentChanged();
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    /** For each row of cards: how many cards sit on each line, e.g. "front__secondary: 2,2". */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows() {
        return (List<Map<String, Object>>) browser.executeScript("""
                return Array.from(document.querySelectorAll('.front-row')).map(function (row) {
                  var lines = {};
                  Array.from(row.children).forEach(function (c) {
                    var top = Math.round(c.getBoundingClientRect().top);
                    lines[top] = (lines[top] || 0) + 1;
                  });
                  var counts = Object.keys(lines).sort(function (a, b) { return a - b; })
                      .map(function (k) { return lines[k]; });
                  return {name: row.className, counts: counts};
                });""");
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({
        "lead_plus_four, 390",
        "lead_plus_four, 768",
        "lead_plus_four, 1280",
        "two_leads, 390",
        "two_leads, 768",
        "two_leads, 1280",
        "lead_plus_list, 768",
        "lead_plus_list, 1280"
    })
    void everyRowOfStoriesIsFull(String layout, int width) throws Exception {
        t.fixtures.jdbi().useHandle(h -> {
            h.execute("insert into front_versions (front) values ('home') on conflict do nothing");
            h.execute("update front_versions set layout = ? where front = 'home'", layout);
        });
        t.contentChanged();
        browser.manage().window().setSize(new Dimension(width, 900));
        // a query the page ignores, so the browser does not answer from its own cache of the last layout
        browser.get(t.url("/?case=" + layout + "-" + width));
        assertThat(browser.findElement(org.openqa.selenium.By.cssSelector(".front--" + layout.replace('_', '-'))))
                .isNotNull();
        List<Map<String, Object>> rows = rows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            List<Long> counts = (List<Long>) row.get("counts");
            // every line holds as many cards as the first: no line is left with an empty column
            assertThat(counts)
                    .as(row.get("name") + " at " + width + " px: " + counts)
                    .containsOnly(counts.get(0));
        }
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue())
                .as("horizontal overflow at " + width + " px")
                .isLessThanOrEqualTo(0);
        if (layout.equals("lead_plus_four") && width != 768) screenshot(width);
    }

    /** Saves the whole page to target/screenshots for a person to look at. */
    static void screenshot(int width) throws Exception {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, Math.min(height.intValue(), 6000)));
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve("home-" + width + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
