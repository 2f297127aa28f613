package broadsheet.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import broadsheet.testing.Browser;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The masthead in a real browser: the reader's name after load, and a phone-sized page that gets to the news. */
class MastheadBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static String article;

    @BeforeAll
    static void setUp() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        t = new TestApp(TestApp.Options.defaults().plainHttp());
        new SamplePaper(t.fixtures);
        t.fixtures.user("lena@example.org", Role.READER, "a long password for lena");
        t.fixtures
                .jdbi()
                .useHandle(h -> h.createUpdate("update users set display_name = 'Lena Holm' where email = :e")
                        .bind("e", "lena@example.org")
                        .execute());
        t.contentChanged();
        article = org.jsoup.Jsoup.parse(t.client().get("/").body())
                .select(".card__headline a")
                .first()
                .attr("href");
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

    @Test
    void onAPhoneTheNewsStartsHighAndNothingScrollsSideways() {
        browser.manage().window().setSize(new Dimension(390, 900));
        for (String path : new String[] {"/", article}) {
            browser.get(t.url(path));
            // the viewport, not the window, is what the page gets: measure against the page's own width
            long width = number("return document.documentElement.clientWidth");
            assertThat(width).isBetween(360L, 390L);
            assertThat(number("return Math.round(document.querySelector('main').getBoundingClientRect().top)"))
                    .as(path + ": where the content starts")
                    .isLessThanOrEqualTo(120);
        }
        browser.manage().window().setSize(new Dimension(320, 800));
        for (String path : new String[] {"/", article}) {
            browser.get(t.url(path));
            long client = number("return document.documentElement.clientWidth");
            assertThat(number("return document.documentElement.scrollWidth"))
                    .as(path + " at 320 px")
                    .isLessThanOrEqualTo(client);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void aSignedInReaderSeesTheirNameInTheMasthead() {
        browser.get(t.url("/sign-in"));
        browser.findElement(By.id("f-email")).sendKeys("lena@example.org");
        browser.findElement(By.id("f-password")).sendKeys("a long password for lena");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));
        browser.get(t.url("/"));
        Browser.waitUntil(
                browser,
                5,
                d -> !d.findElements(By.cssSelector(".masthead__user")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".masthead__user")).getText())
                .isEqualTo("Lena Holm");
        assertThat(browser.findElements(By.cssSelector(".masthead__account a")).stream()
                        .map(e -> e.getText())
                        .toList())
                .containsExactly("Following", "Account");
        // Sign out is a form with the CSRF token: it signs the reader out
        var signOut = browser.findElement(By.cssSelector(".masthead__sign-out button"));
        signOut.click();
        // the form's answer must arrive before the next page is asked for, or the browser drops the post
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(signOut));
        browser.get(t.url("/"));
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector(".masthead__account"))
                        .getText()
                        .contains("Sign in"));
        assertThat(browser.findElements(By.cssSelector(".masthead__user"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".masthead__account")).getText())
                .contains("Sign in");
    }
}
