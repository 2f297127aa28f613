package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The editor's "Find photos" in a real browser: results in place, nothing reloaded, the choice saved. */
class LeadPhotoPickerBrowserTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static TestApp t;
    static ChromeDriver browser;
    static long article;
    static long osprey;
    static long heron;

    @BeforeAll
    static void setUp() {
        t = app.get();
        long s = t.fixtures.section("nature", "Nature");
        osprey = t.fixtures.photo(
                300, 200, Color.GREEN, "Osprey with a trout.", "Wren Ashby", "A bird of prey carrying a fish");
        heron = t.fixtures.photo(300, 200, Color.GRAY, "Heron in the reeds.", "Wren Ashby", "A tall grey bird");
        long user = t.fixtures.user("picker@example.org", Role.EDITOR, "the picker password");
        article = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        insert into articles (slug, headline, section_id, status, created_by)
                        values ('river-birds', 'River birds', :s, 'draft', :u) returning id""")
                        .bind("s", s)
                        .bind("u", user)
                        .mapTo(Long.class)
                        .one());
        browser = Browser.start();
        browser.get(t.url("/sign-in?next=%2Fnewsroom%2Farticles%2F" + article));
        browser.findElement(By.id("f-email")).sendKeys("picker@example.org");
        browser.findElement(By.id("f-password")).sendKeys("the picker password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().endsWith("/newsroom/articles/" + article));
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
    }

    static Long lead() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select lead_photo_id from articles where id = :id")
                        .bind("id", article)
                        .mapTo(Long.class)
                        .findOne()
                        .orElse(null));
    }

    static List<String> choices() {
        return browser.findElements(By.cssSelector(".photo-choices input[name=leadPhoto]")).stream()
                .map(e -> e.getAttribute("value"))
                .toList();
    }

    @Test
    void resultsAppearInPlaceAndTheChoiceIsSaved() {
        browser.get(t.url("/newsroom/articles/" + article));
        // something typed and not saved: a reload would lose it, so it shows the search did not reload
        WebElement headline = browser.findElement(By.id("f-headline"));
        headline.clear();
        headline.sendKeys("River birds of the valley");
        browser.executeScript("window.notReloaded = true;");

        WebElement q = browser.findElement(By.id("f-photoQuery"));
        q.sendKeys("fish");
        browser.findElement(By.cssSelector("button[value=find-photos]")).click();
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector(".photo-search-status"))
                        .getText()
                        .startsWith("1 photo has"));
        assertThat(browser.findElement(By.cssSelector(".photo-search-status")).getText())
                .isEqualTo("1 photo has “fish” in the caption, credit or alt text, best match first.");
        assertThat(choices()).containsExactly("", "" + osprey);
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("f-headline")).getAttribute("value"))
                .isEqualTo("River birds of the valley");
        assertThat(browser.findElement(By.cssSelector("label[for=lead-" + osprey + "]"))
                        .getText())
                .contains("No. " + osprey + ": Osprey with a trout.", "Wren Ashby");

        // choose it; a second search (Enter in the box) keeps the chosen one and offers the new matches
        browser.findElement(By.cssSelector("label[for=lead-" + osprey + "]")).click();
        q.clear();
        q.sendKeys("reeds", Keys.ENTER);
        Browser.waitUntil(browser, 10, d -> choices().contains("" + heron));
        assertThat(choices()).containsExactly("", "" + osprey, "" + heron);
        assertThat(browser.findElement(By.id("lead-" + osprey)).isSelected()).isTrue();
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        q.clear();
        q.sendKeys("walrus", Keys.ENTER);
        Browser.waitUntil(
                browser,
                10,
                d -> d.findElement(By.cssSelector(".photo-search-status"))
                        .getText()
                        .startsWith("No photo"));
        assertThat(choices()).containsExactly("", "" + osprey);

        // Save: the form goes as usual, with the photo chosen from the search as lead photo
        browser.findElement(By.cssSelector(".editor-bar button[value=save]")).click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().contains("done="));
        assertThat(lead()).isEqualTo(osprey);
        assertThat(browser.findElement(By.id("lead-" + osprey)).isSelected()).isTrue();
    }
}
