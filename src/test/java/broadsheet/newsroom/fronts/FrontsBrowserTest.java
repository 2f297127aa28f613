package broadsheet.newsroom.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Dragging articles on a front in a real browser: the script saves the whole order, or says why it could not. */
class FrontsBrowserTest {

    static TestApp t;
    static SamplePaper paper;
    static ChromeDriver browser;

    /**
     * Headless Chromium cannot be steered through a native drag, so the test sends the same
     * drag events a person's drag produces, over the list items the page drew.
     */
    static final String DRAG = """
            const [from, to, after] = arguments;
            const dt = new DataTransfer();
            const box = to.getBoundingClientRect();
            from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: dt}));
            to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt,
                clientX: box.left + 10, clientY: after ? box.bottom - 2 : box.top + 2}));
            to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));
            from.dispatchEvent(new DragEvent('dragend', {bubbles: true, cancelable: true, dataTransfer: dt}));""";

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        paper = new SamplePaper(t.fixtures);
        t.fixtures.user("dragger@example.org", Role.EDITOR, "a long password for dragging");
        t.contentChanged();
        browser = Browser.start();
        browser.get(t.url("/sign-in"));
        browser.findElement(By.id("f-email")).sendKeys("dragger@example.org");
        browser.findElement(By.id("f-password")).sendKeys("a long password for dragging");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    @BeforeEach
    void resetFront() {
        t.fixtures.front("home", paper.politicsStories[5], paper.businessStory, paper.opinionStory);
    }

    List<Long> rows() {
        return t.fixtures
                .jdbi()
                .withHandle(
                        h -> h.createQuery("select article_id from front_items where front = 'home' order by position")
                                .mapTo(Long.class)
                                .list());
    }

    List<WebElement> items() {
        return browser.findElements(By.cssSelector("#front-items > li"));
    }

    String status() {
        WebElement s = browser.findElement(By.id("front-status"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !s.getText().isEmpty() && !s.getText().startsWith("Saving"));
        return s.getText();
    }

    @Test
    void draggingSavesTheNewOrder() {
        browser.get(t.url("/newsroom/fronts/home"));
        assertThat(browser.findElement(By.cssSelector(".front-items__drag-hint"))
                        .isDisplayed())
                .isTrue();
        String version = browser.findElement(By.id("front-items")).getAttribute("data-version");
        List<WebElement> li = items();
        browser.executeScript(DRAG, li.get(2), li.get(0), false); // the opinion piece to the top
        assertThat(status()).isEqualTo("Saved: Why the port matters is now in place 1.");
        assertThat(rows()).containsExactly(paper.opinionStory, paper.politicsStories[5], paper.businessStory);
        assertThat(Integer.parseInt(browser.findElement(By.id("front-items")).getAttribute("data-version")))
                .isEqualTo(Integer.parseInt(version) + 1);
        // the buttons follow: no "Move up" on the new first article, "Move down" back on the old last one
        List<WebElement> now = items();
        assertThat(now.get(0).findElement(By.cssSelector("form[data-move=up]")).isDisplayed())
                .isFalse();
        assertThat(now.get(1).findElement(By.cssSelector("form[data-move=up]")).isDisplayed())
                .isTrue();
        assertThat(now.get(2)
                        .findElement(By.cssSelector("form[data-move=down]"))
                        .isDisplayed())
                .isFalse();
        // a second drag from the same page uses the new version
        browser.executeScript(DRAG, now.get(0), now.get(2), true);
        assertThat(status()).isEqualTo("Saved: Why the port matters is now in place 3.");
        assertThat(rows()).containsExactly(paper.politicsStories[5], paper.businessStory, paper.opinionStory);
        // and the buttons still work after dragging
        now = items();
        now.get(1).findElement(By.cssSelector("form[data-move=up] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().contains("done=moved"));
        assertThat(rows()).containsExactly(paper.businessStory, paper.politicsStories[5], paper.opinionStory);
    }

    @Test
    void aFrontChangedElsewhereIsNotOverwritten() {
        browser.get(t.url("/newsroom/fronts/home"));
        // another editor removes an article meanwhile
        t.fixtures.jdbi().useHandle(h -> {
            h.execute("insert into front_versions (front, version) values ('home', 0) on conflict do nothing");
            h.execute("update front_versions set version = version + 1 where front = 'home'");
        });
        t.fixtures.front("home", paper.politicsStories[5], paper.businessStory);
        List<WebElement> li = items();
        browser.executeScript(DRAG, li.get(2), li.get(0), false);
        assertThat(status()).startsWith("Someone else changed this front");
        assertThat(browser.findElement(By.id("front-status")).getAttribute("class"))
                .contains("front-items__status--error");
        assertThat(items().get(0).getAttribute("data-id"))
                .isEqualTo("" + paper.politicsStories[5]); // put back as it was
        assertThat(rows()).containsExactly(paper.politicsStories[5], paper.businessStory);
    }
}
