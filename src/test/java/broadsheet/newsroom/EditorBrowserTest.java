package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.ExifSample;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The editor's enhancements in a real browser: Ctrl+S, the marker buttons, uploading a photo in place. */
class EditorBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static long article;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        long s = t.fixtures.section("politics", "Politics");
        article = t.fixtures.article(
                "keys", "A headline", s, "news", Instant.parse("2026-11-20T10:00:00Z"), "First paragraph.\n\nSecond.");
        t.fixtures.newsletter("morning", "Morning Briefing", "", "everyone");
        t.fixtures.user("keys@example.org", Role.EDITOR, "the keyboard password");
        browser = Browser.start();
        browser.get(t.url("/sign-in?next=%2Fnewsroom%2Farticles%2F" + article));
        browser.findElement(By.id("f-email")).sendKeys("keys@example.org");
        browser.findElement(By.id("f-password")).sendKeys("the keyboard password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().endsWith("/newsroom/articles/" + article));
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    static String stored(String column) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select " + column + " from articles where id = :id")
                        .bind("id", article)
                        .mapTo(String.class)
                        .one());
    }

    void open() {
        browser.get(t.url("/newsroom/articles/" + article));
    }

    @Test
    void ctrlSSavesWithoutLeavingThePage() {
        open();
        WebElement headline = browser.findElement(By.id("f-headline"));
        headline.clear();
        headline.sendKeys("Saved with the keyboard");
        headline.sendKeys(Keys.chord(Keys.CONTROL, "s"));
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector(".autosave-status")).getText().startsWith("Saved at"));
        assertThat(stored("headline")).isEqualTo("Saved with the keyboard");
        assertThat(browser.getCurrentUrl()).endsWith("/newsroom/articles/" + article);
    }

    @Test
    void markerButtonsInsertAtTheCursorOnALineOfTheirOwn() {
        open();
        WebElement body = browser.findElement(By.id("f-body"));
        browser.executeScript(
                "arguments[0].value = 'First paragraph.\\n\\nSecond.'; arguments[0].focus();"
                        + " arguments[0].setSelectionRange(16, 16);",
                body);
        browser.findElement(By.cssSelector("button[data-marker='[[newsletter:morning]]']"))
                .click();
        assertThat(body.getAttribute("value")).isEqualTo("First paragraph.\n\n[[newsletter:morning]]\n\nSecond.");
        browser.executeScript("arguments[0].setSelectionRange(0, 0);", body);
        browser.findElement(By.cssSelector("button[data-marker='[[related:]]']"))
                .click();
        body.sendKeys("other-story");
        assertThat(body.getAttribute("value")).startsWith("[[related:other-story]]\n\nFirst paragraph.");
    }

    @Test
    void aPhotoChosenInTheEditorIsUploadedAndBecomesTheLeadPhoto() throws Exception {
        open();
        Path file = Files.createTempFile("harbour", ".png");
        Files.write(file, ExifSample.encode(ExifSample.picture(500, 300, new Color(20, 120, 60)), "png"));
        browser.findElement(By.id("f-upload-file")).sendKeys(file.toString());
        browser.findElement(By.id("f-upload-caption")).sendKeys("The harbour");
        browser.findElement(By.id("f-upload-credit")).sendKeys("Ana Ruiz");
        browser.findElement(By.id("f-upload-altText")).sendKeys("Green water");
        browser.findElement(By.cssSelector("form.photo-upload__form button[type=submit]"))
                .click();
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector(".upload-status")).getText().startsWith("Uploaded photo"));
        String lead = stored("lead_photo_id");
        assertThat(lead).isNotNull();
        assertThat(browser.findElement(By.id("lead-" + lead)).isSelected()).isTrue();
        assertThat(browser.getCurrentUrl())
                .as("no page load: what was typed stays")
                .endsWith("/newsroom/articles/" + article);
        Files.delete(file);
    }
}
