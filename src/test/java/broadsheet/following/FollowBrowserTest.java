package broadsheet.following;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** In headless Chromium: follow a topic from an article page, then find the next article on it in Following. */
class FollowBrowserTest {

    static TestApp t;
    static ChromeDriver browser;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    @Test
    void followATopicFromAnArticleAndReadTheNextOneInFollowing() {
        var f = t.fixtures;
        long politics = f.section("politics", "Politics");
        long tides = f.topic("tidal-power", "Tidal power", "subject");
        long id = f.article(
                "tidal-scheme-approved",
                "Council approves the tidal scheme",
                politics,
                "news",
                Instant.now().minus(2, ChronoUnit.HOURS),
                "The council voted on Tuesday evening.");
        f.tag(id, tides);
        f.user("tess@example.org", Role.READER, "tess's long password");
        t.contentChanged();

        // Signed out, Follow leads through signing in and back to the article, now followed.
        browser.get(t.url("/topics/tidal-power"));
        browser.findElement(By.linkText("Council approves the tidal scheme")).click();
        String article = browser.getCurrentUrl();
        WebElement follow =
                browser.findElement(By.cssSelector("section.follow form[data-follow='topic:tidal-power'] button"));
        assertThat(follow.getAttribute("textContent")).isEqualTo("Follow Tidal power");
        follow.click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().contains("/sign-in"));
        browser.findElement(By.id("f-email")).sendKeys("tess@example.org");
        browser.findElement(By.id("f-password")).sendKeys("tess's long password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().equals(article));
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector("form[data-follow='topic:tidal-power'] .follow-button__label"))
                        .getText()
                        .equals("Following"));

        // Signed in, the button unfollows and follows again in place, saying so.
        browser.findElement(By.cssSelector("form[data-follow='topic:tidal-power'] button"))
                .click();
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector("form[data-follow='topic:tidal-power'] .follow-button__status"))
                        .getAttribute("textContent")
                        .contains("You no longer follow Tidal power"));
        browser.findElement(By.cssSelector("form[data-follow='topic:tidal-power'] button"))
                .click();
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector("form[data-follow='topic:tidal-power'] .follow-button__label"))
                        .getText()
                        .equals("Following"));

        // The next article on the topic appears in Following.
        long next = f.article(
                "tidal-turbines-arrive",
                "First turbines arrive for the tidal scheme",
                politics,
                "news",
                Instant.now().minus(5, ChronoUnit.MINUTES),
                "Barges brought them in at dawn.");
        f.tag(next, tides);
        t.contentChanged();
        browser.findElement(By.linkText("Following")).click();
        Browser.waitUntil(
                browser, 10, d -> d.findElement(By.tagName("h1")).getText().equals("Following"));
        var first = browser.findElements(By.cssSelector(".following-item")).get(0);
        assertThat(first.findElement(By.cssSelector(".card__headline")).getText())
                .isEqualTo("First turbines arrive for the tidal scheme");
        assertThat(first.findElement(By.cssSelector(".following-item__why")).getText())
                .isEqualTo("You follow Tidal power");
    }
}
