package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drag and drop on the gallery page in Debian's Chromium: the script saves the new order with the page's token. */
class GalleryDragBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static long article;
    static long a;
    static long b;
    static long c;

    @BeforeAll
    static void setUp() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        var f = t.fixtures;
        long s = f.section("world", "World");
        a = f.photo(400, 300, Color.RED, "Red caption.", "Credit", "A red field");
        b = f.photo(400, 300, Color.GREEN, "Green caption.", "Credit", "A green field");
        c = f.photo(400, 300, Color.BLUE, "Blue caption.", "Credit", "A blue field");
        article = f.article("dragged", "Dragged", s, "news", Instant.parse("2026-11-20T10:00:00Z"), "Text.");
        f.gallery(article, a, b, c);
        f.user("editor@example.org", Role.EDITOR, "password for editor@example.org");
        t.contentChanged();
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        if (t != null) t.close();
    }

    static List<Long> order() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select photo_id from article_photos where article_id = :a order by position")
                        .bind("a", article)
                        .mapTo(Long.class)
                        .list());
    }

    @Test
    void draggingAPhotoToTheTopSavesTheNewOrder() {
        browser.get(t.url("/sign-in?next=/newsroom/articles/" + article + "/gallery"));
        browser.findElement(By.id("f-email")).sendKeys("editor@example.org");
        browser.findElement(By.id("f-password")).sendKeys("password for editor@example.org");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> d.getCurrentUrl().endsWith("/gallery"));
        wait.until(d -> d.findElement(By.id("drag-hint")).isDisplayed()); // the script has run
        assertThat(browser.findElements(By.cssSelector("li.gallery-item[draggable=true]")))
                .hasSize(3);

        browser.executeScript("""
                var items = document.querySelectorAll('#gallery-list li.gallery-item');
                var src = items[2], target = items[0], dt = new DataTransfer();
                src.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
                var box = target.getBoundingClientRect();
                target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt, clientY: box.top + 2}));
                target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));
                src.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));""");
        WebElement status = browser.findElement(By.id("order-status"));
        wait.until(d -> status.getText().equals("The new order is saved."));
        assertThat(order()).containsExactly(c, a, b);
        List<WebElement> items = browser.findElements(By.cssSelector("li.gallery-item"));
        assertThat(items.get(0).getAttribute("data-photo-id")).isEqualTo(String.valueOf(c));
        assertThat(items.get(0)
                        .findElement(By.cssSelector(".gallery-item__position"))
                        .getText())
                .isEqualTo("1.");
        assertThat(items.get(0)
                        .findElements(By.cssSelector("form[data-move=up] button"))
                        .get(0)
                        .isDisplayed())
                .isFalse();
        assertThat(items.get(2)
                        .findElements(By.cssSelector("form[data-move=down] button"))
                        .get(0)
                        .isDisplayed())
                .isFalse();
        assertThat(items.get(2)
                        .findElements(By.cssSelector("form[data-move=up] button"))
                        .get(0)
                        .isDisplayed())
                .isTrue();
    }
}
