package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** With JavaScript, the editor saves what is typed by itself; nothing waits for the Save button. */
class AutosaveBrowserTest {

    static TestApp t;
    static ChromeDriver browser;
    static long article;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        long s = t.fixtures.section("politics", "Politics");
        article = t.fixtures.article(
                "autosaved", "A first headline", s, "news", Instant.parse("2026-11-20T10:00:00Z"), "Body.");
        t.fixtures.user("auto@example.org", Role.EDITOR, "the autosave password");
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    @Test
    void typingIsSavedWithoutPressingSave() {
        // the editor's script autosaves every 20 s; its pages here get a clock forty times faster, so the
        // test sees the same timer fire without sitting through it
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "(() => { const every = window.setInterval; window.setInterval = (f, ms, ...a) =>"
                                + " every(f, ms >= 20000 ? ms / 40 : ms, ...a); })();"));
        browser.get(t.url("/sign-in?next=%2Fnewsroom%2Farticles%2F" + article));
        browser.findElement(By.id("f-email")).sendKeys("auto@example.org");
        browser.findElement(By.id("f-password")).sendKeys("the autosave password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().endsWith("/newsroom/articles/" + article));
        var headline = browser.findElement(By.id("f-headline"));
        headline.clear();
        headline.sendKeys("A headline saved by itself");
        // autosave runs every 20 seconds (half a second here) when something changed
        Browser.waitUntil(
                browser,
                45,
                d -> d.findElement(By.cssSelector(".autosave-status")).getText().startsWith("Saved automatically"));
        // a tick may fall while the headline is still being typed (a busy machine types slowly): the next
        // one saves the rest, so what counts is that the whole headline reaches the database unasked
        broadsheet.testing.Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(savedHeadline()).isEqualTo("A headline saved by itself"));
        int version = t.db.jdbi()
                .withHandle(h -> h.createQuery("select version from articles where id = :id")
                        .bind("id", article)
                        .mapTo(Integer.class)
                        .one());
        int revisions = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from article_revisions where article_id = :id")
                        .bind("id", article)
                        .mapTo(Integer.class)
                        .one());
        assertThat(version).as("saved at least once, from version 1").isGreaterThanOrEqualTo(2);
        assertThat(revisions).as("one revision per automatic save").isEqualTo(version - 1);
    }

    private String savedHeadline() {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select headline from articles where id = :id")
                        .bind("id", article)
                        .mapTo(String.class)
                        .one());
    }
}
