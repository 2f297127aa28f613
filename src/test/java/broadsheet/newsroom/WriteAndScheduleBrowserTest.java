package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.newsroom.articles.ScheduledPublisher;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.web.Role;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** An editor, in a real browser: uploads a photo with caption and credit, writes an article, schedules it, and readers get it. */
class WriteAndScheduleBrowserTest {

    static TestApp t;
    static ChromeDriver browser;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        t.fixtures.section("politics", "Politics");
        t.fixtures.author("ada-quill", "Ada Quill");
        t.fixtures.user("desk@example.org", Role.EDITOR, "the desk password");
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        Browser.waitUntil(browser, 15, condition);
    }

    @Test
    void uploadWriteScheduleAndSeeItPublished(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        browser.get(t.url("/sign-in?next=%2Fnewsroom"));
        browser.findElement(By.id("f-email")).sendKeys("desk@example.org");
        browser.findElement(By.id("f-password")).sendKeys("the desk password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        waitFor(d -> d.getCurrentUrl().endsWith("/newsroom"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Newsroom");

        // a photo, uploaded with its words
        BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2a, 0x6f, 0x97));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(Color.ORANGE);
        g.fillOval(400, 200, 400, 400);
        g.dispose();
        Path file = dir.resolve("harbour.png");
        ImageIO.write(img, "png", file.toFile());
        browser.get(t.url("/newsroom/photos/new"));
        browser.findElement(By.id("f-file")).sendKeys(file.toString());
        browser.findElement(By.id("f-caption")).sendKeys("The harbour at noon.");
        browser.findElement(By.id("f-credit")).sendKeys("Ana Ruiz / The Ledger");
        browser.findElement(By.id("f-altText")).sendKeys("An orange sun over blue water");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().endsWith("/newsroom/photos/new"));
        long photos = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from photos where credit = 'Ana Ruiz / The Ledger'")
                        .mapTo(Long.class)
                        .one());
        assertThat(photos).isEqualTo(1);
        long photoId = t.db.jdbi()
                .withHandle(h ->
                        h.createQuery("select id from photos").mapTo(Long.class).one());

        // the article
        browser.get(t.url("/newsroom/articles/new"));
        browser.findElement(By.id("f-headline")).sendKeys("Harbour plan approved by the council");
        browser.findElement(By.id("f-deck")).sendKeys("The vote ends a year of argument.");
        new Select(browser.findElement(By.id("f-section"))).selectByVisibleText("Politics");
        new Select(browser.findElement(By.id("f-author-1"))).selectByVisibleText("Ada Quill");
        browser.findElement(By.id("f-body"))
                .sendKeys("The council approved the plan on Monday.\n\nWork starts in spring.");
        WebElement lead = browser.findElement(By.id("lead-" + photoId));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", lead);
        lead.click();
        String now = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        browser.findElement(By.id("f-publishAt")).sendKeys(now);
        WebElement schedule = browser.findElement(By.xpath("//button[normalize-space()='Save and schedule']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", schedule);
        schedule.click();
        waitFor(d -> {
            String status = t.db.jdbi()
                    .withHandle(h -> h.createQuery("select status from articles")
                            .mapTo(String.class)
                            .findOne()
                            .orElse(""));
            return status.equals("scheduled") || status.equals("published");
        });

        // the scheduled publisher's pass, as the app's timer runs it every 10 s (ScheduledPublisherTest tests the
        // timer); the home page follows once the change notice drops the cached page. (The browser is kept off
        // the home page meanwhile: a reader's browser may keep a page for the minute that Cache-Control allows.)
        new ScheduledPublisher(t.db.jdbi()).runOnce();
        var reader = t.client();
        Waiting.fewSeconds()
                .alias("published on the home page")
                .until(() -> reader.get("/").body().contains("Harbour plan approved by the council"));
        browser.get(t.url("/"));
        browser.findElement(By.linkText("Harbour plan approved by the council")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Harbour plan approved by the council");
        assertThat(browser.findElement(By.cssSelector("figure.lead-photo figcaption"))
                        .getText())
                .contains("The harbour at noon.")
                .contains("Ana Ruiz / The Ledger");
        assertThat(browser.findElement(By.cssSelector(".byline__names")).getText())
                .isEqualTo("By Ada Quill");
    }
}
