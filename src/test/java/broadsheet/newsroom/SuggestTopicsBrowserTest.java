package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** With JavaScript, the suggested topics follow the text as it is typed, and Add changes the form in place. */
class SuggestTopicsBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static long meng;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        t.fixtures.section("world", "World");
        meng = t.fixtures.topic("meng-wanzhou", "Meng Wanzhou", "person");
        t.fixtures.user("topics@example.org", Role.EDITOR, "the topics password");
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    private static String suggested() {
        return browser.findElements(By.cssSelector(".topic-suggestions .suggestions li")).stream()
                .map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void typingANameShowsItAsASuggestionAndAddTicksTheTopic() {
        browser.get(t.url("/sign-in?next=%2Fnewsroom%2Farticles%2Fnew"));
        browser.findElement(By.id("f-email")).sendKeys("topics@example.org");
        browser.findElement(By.id("f-password")).sendKeys("the topics password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().endsWith("/newsroom/articles/new"));
        // a mark on this page's window: a reload would lose it
        browser.executeScript("window.notReloaded = true;");

        browser.findElement(By.id("f-headline")).sendKeys("Talks in Washington");
        browser.findElement(By.id("f-body"))
                .sendKeys("Meng Wanzhou arrived on Monday.\n\nAmbassador Oskar Lindqvist met Meng Wanzhou for"
                        + " two hours. Oskar Lindqvist said the talks were frank.");
        Browser.waitUntil(browser, 20, d -> suggested().contains("Oskar Lindqvist (Person, new)"));
        assertThat(suggested()).contains("Meng Wanzhou (Person)");

        // Add ticks the topic in place, and the rest of what was typed stays
        clickWhenStill(".topic-suggestions button[data-add-topic='" + meng + "']");
        Browser.waitUntil(
                browser, 10, d -> d.findElement(By.id("topic-" + meng)).isSelected());
        Browser.waitUntil(browser, 20, d -> !suggested().contains("Meng Wanzhou"));
        clickWhenStill(".topic-suggestions button[data-new-topic='Oskar Lindqvist (person)']");
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.id("f-newTopics")).getDomProperty("value").equals("Oskar Lindqvist (person)"));
        assertThat(browser.findElement(By.id("f-headline")).getDomProperty("value"))
                .isEqualTo("Talks in Washington");
        assertThat(browser.findElement(By.id("f-body")).getDomProperty("value")).contains("Oskar Lindqvist said");
        assertThat(browser.executeScript("return window.notReloaded === true;"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith("/newsroom/articles/new");
    }

    /** Clicks the button, found again if the list was redrawn under it (it refreshes while the editor works). */
    private void clickWhenStill(String css) {
        Browser.waitUntil(browser, 10, d -> {
            try {
                d.findElement(By.cssSelector(css)).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }
}
