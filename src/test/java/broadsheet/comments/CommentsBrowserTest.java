package broadsheet.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** In headless Chromium: a reader comments, another replies and likes, a third reports, an editor rejects it from the queue. */
class CommentsBrowserTest {

    static TestApp t;
    static CommentsFixture f;
    static ChromeDriver browser;
    static long article;

    @BeforeAll
    static void setUp() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        f = new CommentsFixture(t);
        article = f.article("Night buses return");
        for (String who : new String[] {"ann", "ben", "cat"})
            t.fixtures.user(who + "@example.org", Role.READER, "password for " + who);
        t.fixtures.user("ed@example.org", Role.EDITOR, "password for ed");
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        if (t != null) t.close();
    }

    static void signIn(String who, String next) {
        browser.manage().deleteAllCookies();
        browser.get(t.url("/sign-in?next=" + next));
        browser.findElement(By.id("f-email")).sendKeys(who + "@example.org");
        browser.findElement(By.id("f-password")).sendKeys("password for " + who);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        Browser.waitUntil(
                browser,
                30,
                d -> !d.getCurrentUrl().contains("/sign-in")
                        && d.getCurrentUrl().endsWith(next));
    }

    static WebElement comment(String text) {
        return browser.findElements(By.cssSelector("article.comment")).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void postReplyReportAndModerate() {
        String thread = "/articles/" + article + "/comments";
        signIn("ann", thread);
        browser.findElement(By.linkText("Write a comment")).click();
        browser.findElement(By.id("f-text")).sendKeys("Night buses *finally* back.");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        Browser.waitUntil(
                browser,
                30,
                d -> d.getCurrentUrl().contains(thread)
                        && !d.findElements(By.cssSelector("article.comment em")).isEmpty());
        assertThat(comment("Night buses").findElement(By.cssSelector("em")).getText())
                .isEqualTo("finally");
        // the script shows the author's own Edit link
        Browser.waitUntil(
                browser,
                30,
                d -> comment("Night buses").findElement(By.linkText("Edit\nyour comment")) != null
                        || comment("Night buses")
                                .findElement(By.partialLinkText("Edit"))
                                .isDisplayed());

        signIn("ben", thread);
        comment("Night buses").findElement(By.partialLinkText("Reply")).click();
        browser.findElement(By.id("f-text")).sendKeys("The 2am one is always late though.");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        Browser.waitUntil(browser, 30, d -> d.getPageSource().contains("The 2am one is always late though."));
        assertThat(browser.findElements(By.cssSelector("ol.comment-replies article.comment"))
                        .get(0)
                        .getText())
                .contains("The 2am one");
        // Like works in place with the script
        Browser.waitUntil(
                browser,
                30,
                d -> !comment("Night buses")
                        .findElements(By.cssSelector("button.comment__like"))
                        .isEmpty());
        comment("Night buses")
                .findElement(By.cssSelector("button.comment__like"))
                .click();
        Browser.waitUntil(
                browser,
                30,
                d -> comment("Night buses")
                        .findElement(By.cssSelector(".comment__likes"))
                        .getText()
                        .equals("1 like"));

        // the cached article page shows the first comments and "All 2 comments" (dropped from the cache when
        // the reply was posted; a reload asks again); for this signed-in reader the script swaps the
        // sign-in instruction for the Write a comment button
        browser.findElement(By.linkText("Back to the article")).click();
        Browser.waitUntil(browser, 30, d -> {
            if (!d.findElements(By.linkText("All 2 comments")).isEmpty()) return true;
            d.navigate().refresh();
            return false;
        });
        Browser.waitUntil(
                browser,
                30,
                d -> d.findElements(By.cssSelector("[data-comments-join]")).isEmpty()
                        && d.findElement(By.cssSelector("[data-comments-write]"))
                                .isDisplayed());
        assertThat(browser.findElement(By.cssSelector("section.article-comments"))
                        .getText())
                .contains("Night buses finally back.");

        signIn("cat", thread);
        comment("Night buses").findElement(By.partialLinkText("Report")).click();
        // the report form is a page of its own: wait for it, a loaded machine may still be on the thread
        Browser.waitUntil(browser, 30, d -> !d.findElements(By.id("r-abuse")).isEmpty());
        browser.findElement(By.id("r-abuse")).click();
        browser.findElement(By.id("f-detail")).sendKeys("Rude to drivers.");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        Browser.waitUntil(
                browser, 30, d -> d.findElement(By.tagName("h1")).getText().equals("Thank you for your report"));

        signIn("ed", "/newsroom/moderation");
        WebElement row = browser.findElements(By.cssSelector("table.queue tbody tr")).stream()
                .filter(r -> r.getText().contains("Night buses"))
                .findFirst()
                .orElseThrow();
        assertThat(row.getText()).contains("Reported").contains("1 report (abuse)");
        browser.findElement(By.id("f-note")).sendKeys("Personal attack");
        row.findElement(By.cssSelector("button[value^=reject-]")).click();
        Browser.waitUntil(
                browser,
                30,
                d -> d.findElement(By.cssSelector(".notice")).getText().equals("1 comment rejected."));
        assertThat(browser.findElements(By.cssSelector("table.queue tbody tr"))).isEmpty();

        browser.get(t.url(thread));
        assertThat(browser.findElement(By.id("comments")).getText())
                .doesNotContain("finally back")
                .contains("[removed by the editors]")
                .contains("The 2am one is always late though.");
        browser.get(t.url("/newsroom/audit?action=comment.reject"));
        assertThat(browser.findElement(By.cssSelector("table.audit")).getText()).contains("Reason: Personal attack");
    }
}
