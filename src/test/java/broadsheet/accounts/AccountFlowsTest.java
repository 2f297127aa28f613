package broadsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every account flow over real HTTP, with GreenMail as the SMTP server and its mails' links followed. */
class AccountFlowsTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestApp t;

    @BeforeAll
    static void setUp() {
        t = new TestApp(
                new MailConfig("localhost", smtp.getSmtp().getPort(), "", "", false, "Ledger <news@example.org>"));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static List<MimeMessage> mailTo(String address, int atLeast) {
        return Waiting.fewSeconds()
                .until(
                        () -> Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getAllRecipients()[0]
                                                .toString()
                                                .equals(address);
                                    } catch (Exception e) {
                                        return false;
                                    }
                                })
                                .toList(),
                        got -> got.size() >= atLeast);
    }

    /** The site-relative path of the link in the newest mail to this address that starts with {@code prefix}. */
    static String link(String address, int count, String prefix) {
        List<MimeMessage> mails = mailTo(address, count);
        assertThat(mails).hasSizeGreaterThanOrEqualTo(count);
        String body = GreenMailUtil.getBody(mails.get(mails.size() - 1))
                .replace("=\r\n", "")
                .replace("=3D", "=");
        Matcher m = Pattern.compile("http://news\\.example(" + Pattern.quote(prefix) + "\\S*)")
                .matcher(body);
        assertThat(m.find()).as("a link to " + prefix + " in: " + body).isTrue();
        return m.group(1);
    }

    static WebClient registered(String email, String password) {
        WebClient c = t.client();
        c.get("/register");
        HttpResponse<String> r =
                c.post("/register", Map.of("email", email, "displayName", "Reader", "password", password));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(c.get(link(email, 1, "/account/confirm")).body()).contains("Your email address is confirmed");
        return c;
    }

    static HttpResponse<String> signIn(WebClient c, String email, String password) {
        c.get("/sign-in");
        return c.post("/sign-in", Map.of("email", email, "password", password, "next", "/account"));
    }

    @Test
    void registerConfirmByTheEmailedLinkAndSignIn() {
        WebClient c = t.client();
        c.get("/register");
        HttpResponse<String> r = c.post(
                "/register",
                Map.of("email", "Ada@Example.org", "displayName", "Ada", "password", "correct horse battery"));
        assertThat(Jsoup.parse(r.body()).select("h1").text()).isEqualTo("Check your email");
        // before confirming, signing in sends a fresh link instead
        assertThat(Jsoup.parse(signIn(c, "ada@example.org", "correct horse battery")
                                .body())
                        .select("h1")
                        .text())
                .isEqualTo("Confirm your email address first");
        String confirm = link("ada@example.org", 2, "/account/confirm");
        assertThat(c.get(confirm).body()).contains("Your email address is confirmed");
        assertThat(c.get(confirm).statusCode()).as("a link works once").isEqualTo(400);
        String before = c.cookie("bs_csrf").orElseThrow();
        HttpResponse<String> in = signIn(c, "ada@example.org", "correct horse battery");
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/account");
        assertThat(c.cookie("bs_csrf").orElseThrow())
                .as("CSRF token rotated at sign-in")
                .isNotEqualTo(before);
        String setCookie = in.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("bs_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        HttpResponse<String> account = c.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(Jsoup.parse(account.body()).select(".facts").text())
                .contains("ada@example.org")
                .contains("Reader");
    }

    @Test
    void registeringATakenAddressLooksTheSameAndTellsTheOwner() {
        registered("taken@example.org", "first password 1");
        WebClient stranger = t.client();
        stranger.get("/register");
        HttpResponse<String> r = stranger.post(
                "/register", Map.of("email", "taken@example.org", "displayName", "", "password", "another password 2"));
        assertThat(Jsoup.parse(r.body()).select("h1").text()).isEqualTo("Check your email");
        List<MimeMessage> mails = mailTo("taken@example.org", 2);
        assertThat(GreenMailUtil.getBody(mails.get(1))).contains("You already have one");
        int users = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from users where email = 'taken@example.org'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(users).isEqualTo(1);
        // the original password still works
        assertThat(signIn(t.client(), "taken@example.org", "first password 1").statusCode())
                .isEqualTo(303);
    }

    @Test
    void badRegistrationKeepsWhatWasTypedAndNamesEachProblem() {
        WebClient c = t.client();
        c.get("/register");
        HttpResponse<String> r =
                c.post("/register", Map.of("email", "not-an-address", "displayName", "Bea", "password", "short"));
        assertThat(r.statusCode()).isEqualTo(422);
        var d = Jsoup.parse(r.body());
        assertThat(d.select("#f-email-error").text()).contains("Enter an email address like name@example.com.");
        assertThat(d.select("#f-password-error").text()).contains("Use at least 10 characters.");
        assertThat(d.select("#f-email").val()).isEqualTo("not-an-address");
        assertThat(d.select("#f-displayName").val()).isEqualTo("Bea");
        assertThat(d.select("#f-password").val()).isEmpty();
        assertThat(d.select(".error-summary a").eachAttr("href")).containsExactly("#f-email", "#f-password");
    }

    @Test
    void wrongPasswordsAndUnknownAddressesGetTheSameAnswerAndAreThrottled() {
        registered("guess@example.org", "the right password");
        HttpResponse<String> unknown = signIn(t.client(), "nobody@example.org", "whatever password");
        HttpResponse<String> wrong = signIn(t.client(), "guess@example.org", "a wrong password");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(unknown.body()).select("#f-email-error").text())
                .isEqualTo(Jsoup.parse(wrong.body()).select("#f-email-error").text())
                .contains("The email address or password is not right.");
        for (int i = 0; i < 4; i++) signIn(t.client(), "guess@example.org", "wrong again " + i);
        HttpResponse<String> blocked = signIn(t.client(), "guess@example.org", "the right password");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many attempts");
    }

    @Test
    void forgottenPasswordIsResetByTheEmailedLinkAndSignsOutEverywhere() {
        WebClient old = registered("forgot@example.org", "my old password");
        assertThat(signIn(old, "forgot@example.org", "my old password").statusCode())
                .isEqualTo(303);
        assertThat(old.get("/account").statusCode()).isEqualTo(200);
        WebClient c = t.client();
        c.get("/password/forgot");
        HttpResponse<String> unknown = c.post("/password/forgot", Map.of("email", "stranger@example.org"));
        HttpResponse<String> known = c.post("/password/forgot", Map.of("email", "forgot@example.org"));
        assertThat(Jsoup.parse(unknown.body()).select("h1").text())
                .isEqualTo(Jsoup.parse(known.body()).select("h1").text());
        assertThat(mailTo("stranger@example.org", 0)).isEmpty();
        String reset = link("forgot@example.org", 2, "/password/reset");
        String token = reset.substring(reset.indexOf("token=") + 6);
        assertThat(c.get(reset).statusCode()).isEqualTo(200);
        assertThat(c.post("/password/reset", Map.of("token", token, "password", "short"))
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> done =
                c.post("/password/reset", Map.of("token", token, "password", "my brand new password"));
        assertThat(Jsoup.parse(done.body()).select("h1").text()).isEqualTo("Your password has been changed");
        assertThat(old.get("/account").statusCode())
                .as("the old session is gone")
                .isEqualTo(303);
        assertThat(signIn(t.client(), "forgot@example.org", "my old password").statusCode())
                .isEqualTo(422);
        assertThat(signIn(t.client(), "forgot@example.org", "my brand new password")
                        .statusCode())
                .isEqualTo(303);
        assertThat(c.post("/password/reset", Map.of("token", token, "password", "yet another password"))
                        .statusCode())
                .as("a reset link works once")
                .isEqualTo(400);
    }

    @Test
    void changePasswordAndEmailFromTheAccountPage() {
        WebClient c = registered("change@example.org", "first password x");
        signIn(c, "change@example.org", "first password x");
        WebClient other = t.client();
        signIn(other, "change@example.org", "first password x");
        c.get("/account");
        HttpResponse<String> bad = c.post(
                "/account/password", Map.of("currentPassword", "nope nope nope", "newPassword", "second password y"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.body()).select("#f-currentPassword-error").text())
                .contains("That is not your current password.");
        HttpResponse<String> ok = c.post(
                "/account/password", Map.of("currentPassword", "first password x", "newPassword", "second password y"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(c.follow(ok).body()).contains("Your password has been changed");
        assertThat(other.get("/account").statusCode())
                .as("other browsers signed out")
                .isEqualTo(303);

        HttpResponse<String> email =
                c.post("/account/email", Map.of("newEmail", "moved@example.org", "password", "second password y"));
        assertThat(email.statusCode()).isEqualTo(303);
        String confirm = link("moved@example.org", 1, "/account/email/confirm");
        assertThat(c.get(confirm).body()).contains("Your email address has changed");
        assertThat(signIn(t.client(), "moved@example.org", "second password y").statusCode())
                .isEqualTo(303);
        assertThat(signIn(t.client(), "change@example.org", "second password y").statusCode())
                .isEqualTo(422);
    }

    @Test
    void exportMyDataThenDeleteMyAccount() {
        WebClient c = registered("leaving@example.org", "leaving password");
        signIn(c, "leaving@example.org", "leaving password");
        HttpResponse<String> export = c.get("/account/export.json");
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(export.body()).contains("\"email\":\"leaving@example.org\"").contains("\"sessions\"");
        c.get("/account");
        assertThat(c.post("/account/delete", Map.of("confirmPassword", "not my password"))
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> gone = c.post("/account/delete", Map.of("confirmPassword", "leaving password"));
        assertThat(Jsoup.parse(gone.body()).select("h1").text()).isEqualTo("Your account has been deleted");
        assertThat(c.get("/account").statusCode()).isEqualTo(303);
        assertThat(signIn(t.client(), "leaving@example.org", "leaving password").statusCode())
                .isEqualTo(422);
    }

    @Test
    void signOutEndsTheSessionAndSignOutEverywhereEndsAll() {
        WebClient a = registered("out@example.org", "sign out password");
        signIn(a, "out@example.org", "sign out password");
        WebClient b = t.client();
        signIn(b, "out@example.org", "sign out password");
        a.get("/account");
        assertThat(a.post("/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(a.get("/account").statusCode()).isEqualTo(303);
        assertThat(b.get("/account").statusCode()).isEqualTo(200);
        signIn(a, "out@example.org", "sign out password");
        a.get("/account");
        a.post("/account/sign-out-everywhere", Map.of());
        assertThat(a.get("/account").statusCode()).isEqualTo(303);
        assertThat(b.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void pagesBehindARoleSendAnonymousReadersToSignInAndBack() {
        WebClient c = registered("back@example.org", "coming back password");
        HttpResponse<String> r = c.get("/account?x=1");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/sign-in?next=%2Faccount%3Fx%3D1");
        HttpResponse<String> form = c.get(r.headers().firstValue("Location").orElseThrow());
        assertThat(Jsoup.parse(form.body()).select("input[name=next]").val()).isEqualTo("/account?x=1");
        HttpResponse<String> in = c.post(
                "/sign-in",
                Map.of("email", "back@example.org", "password", "coming back password", "next", "/account?x=1"));
        assertThat(in.headers().firstValue("Location")).hasValue("/account?x=1");
        // no open redirects
        HttpResponse<String> evil = c.post(
                "/sign-in",
                Map.of("email", "back@example.org", "password", "coming back password", "next", "//evil.example/"));
        assertThat(evil.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void housekeepingForgetsExpiredSessions() {
        WebClient c = registered("expire@example.org", "expiring password");
        signIn(c, "expire@example.org", "expiring password");
        assertThat(c.get("/account").statusCode()).isEqualTo(200);
        t.db.jdbi()
                .useHandle(h -> h.execute("update sessions set expires_at = now() - interval '1 second' "
                        + "where user_id = (select id from users where email = 'expire@example.org')"));
        assertThat(c.get("/account").statusCode())
                .as("an expired session no longer counts")
                .isEqualTo(303);
        assertThat(new Housekeeping(t.db.jdbi()).runOnce()).isPositive();
        int left = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from sessions s join users u on u.id = s.user_id "
                                + "where u.email = 'expire@example.org'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(left).isZero();
    }

    @Test
    void everyFormRefusesARequestWithoutAValidCsrfToken() {
        List<String> posts = List.of(
                "/sign-in",
                "/sign-out",
                "/register",
                "/password/forgot",
                "/password/reset",
                "/account/password",
                "/account/email",
                "/account/sign-out-everywhere",
                "/account/delete");
        WebClient c = t.client();
        c.get("/sign-in");
        for (String path : posts) {
            HttpResponse<String> none = c.postRaw(path, Map.of("email", "x@example.org", "password", "whatever pass"));
            assertThat(none.statusCode()).as(path + " without a token").isEqualTo(403);
            assertThat(none.body()).contains("This form has expired");
            HttpResponse<String> wrong = c.postRaw(path, Map.of("_csrf", "forged-token-forged-token-forged-token-123"));
            assertThat(wrong.statusCode()).as(path + " with a forged token").isEqualTo(403);
        }
    }
}
