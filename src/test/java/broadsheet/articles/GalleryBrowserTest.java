package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The gallery overlay and the copy-link button in a real browser. */
class GalleryBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static final String PATH = "/2026/11/20/three-photos";

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        var f = t.fixtures;
        long s = f.section("world", "World");
        long p1 = f.photo(1600, 1000, Color.RED, "First caption.", "Credit one", "A red field");
        long p2 = f.photo(1600, 1000, Color.GREEN, "Second caption.", "Credit two", "A green field");
        long p3 = f.photo(1600, 1000, Color.BLUE, "Third caption.", "Credit three", "A blue field");
        long a = f.article("three-photos", "Three photos", s, "news", Instant.parse("2026-11-20T10:00:00Z"), "Text.");
        f.leadPhoto(a, p1);
        f.gallery(a, p1, p2, p3);
        t.contentChanged();
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    @Test
    void galleryOpensAsAnOverlayAndMovesWithKeysAndCloses() {
        browser.get(t.url(PATH));
        WebElement open = browser.findElement(By.linkText("Open this photo in gallery"));
        open.click();
        WebElement dialog = browser.findElement(By.cssSelector("dialog.gallery"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> dialog.getAttribute("open") != null);
        assertThat(browser.getCurrentUrl()).endsWith(PATH); // no navigation: the overlay opened
        assertThat(dialog.findElement(By.cssSelector(".position")).getText()).isEqualTo("Photo 1 of 3");
        assertThat(dialog.findElement(By.cssSelector("img")).getAttribute("alt"))
                .isEqualTo("A red field");
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(dialog.findElement(By.cssSelector(".position")).getText()).isEqualTo("Photo 2 of 3");
        assertThat(dialog.findElement(By.cssSelector(".caption")).getText()).isEqualTo("Second caption.");
        assertThat(dialog.findElement(By.cssSelector(".credit")).getText()).isEqualTo("Credit two");
        dialog.findElement(By.cssSelector("button.next")).click();
        assertThat(dialog.findElement(By.cssSelector("img")).getAttribute("alt"))
                .isEqualTo("A blue field");
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        assertThat(dialog.findElement(By.cssSelector(".position")).getText()).isEqualTo("Photo 2 of 3");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> dialog.getAttribute("open") == null);
        // focus goes back to where the reader was
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Open this photo in gallery");
    }

    @Test
    void copyLinkButtonAppearsOnlyWithScriptAndReportsTheCopy() {
        browser.get(t.url(PATH));
        WebElement copy = browser.findElement(By.cssSelector("button.share__copy"));
        assertThat(copy.isDisplayed()).isTrue(); // hidden in the HTML, shown by the script
        assertThat(browser.findElement(By.cssSelector("#share-url")).getAttribute("value"))
                .isEqualTo("https://news.example" + PATH);
        copy.click();
        WebElement status = browser.findElement(By.cssSelector(".share__status"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !status.getText().isEmpty());
        // headless Chromium may refuse clipboard access; then the link is selected for the reader to copy
        assertThat(status.getText()).isIn("Link copied.", "Press Ctrl+C to copy the selected link.");
    }
}
