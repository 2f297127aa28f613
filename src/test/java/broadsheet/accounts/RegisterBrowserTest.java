package broadsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.Browser;
import broadsheet.testing.TestApp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A person registers in a real browser, confirms by the link GreenMail received, and signs in. */
class RegisterBrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestApp t;
    static ChromeDriver browser;

    @BeforeAll
    static void setUp() {
        t = new TestApp(
                new MailConfig("localhost", smtp.getSmtp().getPort(), "", "", false, "Ledger <news@example.org>"));
        browser = Browser.start();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) Browser.release(browser);
        t.close();
    }

    @Test
    void registerConfirmAndSignIn() throws Exception {
        browser.get(t.url("/"));
        browser.findElement(By.linkText("Account")).click();
        Browser.waitUntil(browser, 10, d -> d.getCurrentUrl().contains("/sign-in?next=%2Faccount"));
        browser.findElement(By.linkText("Create an account")).click();
        browser.findElement(By.id("f-email")).sendKeys("browser@example.org");
        browser.findElement(By.id("f-displayName")).sendKeys("Bea Browser");
        browser.findElement(By.id("f-password")).sendKeys("a browser password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitUntil(
                browser, 10, d -> d.findElement(By.tagName("h1")).getText().equals("Check your email"));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0])
                .replace("=\r\n", "")
                .replace("=3D", "=");
        Matcher m =
                Pattern.compile("http://news\\.example(/account/confirm\\S+)").matcher(body);
        assertThat(m.find()).isTrue();
        browser.get(t.url(m.group(1)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your email address is confirmed");

        browser.findElement(By.linkText("Sign in")).click();
        browser.findElement(By.id("f-email")).sendKeys("browser@example.org");
        browser.findElement(By.id("f-password")).sendKeys("a browser password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitUntil(browser, 10, d -> !d.getCurrentUrl().contains("/sign-in"));
        browser.get(t.url("/account"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your account");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText())
                .contains("browser@example.org")
                .contains("Bea Browser");
    }
}
