package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The masthead box in a real browser: it searches, and while typing offers topics, authors and headlines. */
class SearchBrowserTest {

    static TestApp t;
    static ChromeDriver browser;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        new SearchPaper(t.fixtures);
        t.awaitSearch();
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    @Test
    void theMastheadBoxSuggestsAsYouTypeAndTheKeyboardChooses() {
        browser.get(t.url("/"));
        WebElement box = browser.findElement(By.id("masthead-q"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys("harb");
        Browser.waitUntil(browser, 10, d -> "true".equals(box.getAttribute("aria-expanded")));
        var options = browser.findElements(By.cssSelector("#masthead-suggest [role=option]"));
        assertThat(options.get(0).getText()).startsWith("Harbour").contains("Topic");
        assertThat(options.stream().map(WebElement::getText)).anyMatch(s -> s.startsWith("Harbour ports expand"));
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("masthead-suggest-0");
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys(Keys.ARROW_DOWN);
        Browser.waitUntil(browser, 10, d -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().endsWith("/topics/harbour"));
    }

    @Test
    void enterWithoutChoosingSearchesForWhatWasTyped() {
        browser.get(t.url("/"));
        WebElement box = browser.findElement(By.id("masthead-q"));
        box.sendKeys("container cranes", Keys.ENTER);
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().contains("/search?q=container+cranes"));
        assertThat(browser.findElement(By.cssSelector(".search-hit__headline")).getText())
                .isEqualTo("Harbour ports expand to meet shipping demand");
        assertThat(browser.findElements(By.cssSelector(".search-hit__snippet mark")))
                .extracting(WebElement::getText)
                .contains("container");
    }
}
