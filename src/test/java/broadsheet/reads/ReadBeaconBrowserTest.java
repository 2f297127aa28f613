package broadsheet.reads;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/** Loading an article in a real browser sends the read beacon, and the article's count goes up. */
class ReadBeaconBrowserTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.create();

    static TestApp t;
    static ChromeDriver browser;
    static ReadsFixture reads;
    static long article;
    static final String PATH = "/2026/11/20/read-me";

    @BeforeAll
    static void setUp() {
        t = app.get();
        reads = new ReadsFixture(t);
        var f = t.fixtures;
        f.setting("site_time_zone", "Europe/London");
        long s = f.section("world", "World");
        article = f.article("read-me", "Read me", s, "news", Instant.parse("2026-11-20T10:00:00Z"), "Text.");
        t.contentChanged();
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
    }

    @Test
    void headlessChromiumIsNotCountedButAReadersBrowserIs() {
        // as it is, the test browser says "HeadlessChrome": it sends the beacon, which is not counted
        browser.get(t.url(PATH));
        waitForBeacon();
        Waiting.throughout(Duration.ofMillis(500)).untilAsserted(() -> {
            t.app.flushReads();
            assertThat(reads.stored(article)).isZero();
        });

        // the same browser presenting itself as a reader's Chrome
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", ReadsFixture.BROWSER));
        browser.get(t.url(PATH));
        Browser.waitUntil(browser, 10, d -> {
            t.app.flushReads();
            return reads.stored(article) == 1;
        });
        browser.navigate().refresh();
        Browser.waitUntil(browser, 10, d -> {
            t.app.flushReads();
            return reads.stored(article) == 2;
        });
        assertThat(browser.manage().getCookies())
                .as("the beacon sets no cookie")
                .isEmpty();
    }

    /** Waits until the page's script has run (the load event has fired and the beacon has been queued). */
    private static void waitForBeacon() {
        Browser.waitUntil(browser, 10, d -> "complete".equals(browser.executeScript("return document.readyState")));
    }
}
