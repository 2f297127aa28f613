package broadsheet.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import broadsheet.web.Tokens;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader's and an editor's newsletter flows over real HTTP, with GreenMail as the SMTP server:
 * double opt-in, one-click unsubscribe from the message's own header, preferences, composing,
 * testing and sending an issue, the archive, bad input and who may use the newsroom pages.
 */
class NewsletterFlowsTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestApp t;
    static NewsletterData data;
    static long morning;
    static long insider;
    static long article;

    @BeforeAll
    static void setUp() {
        // with the background jobs: a scheduled issue is sent by the app's own sender when its time comes
        t = new TestApp(TestApp.Options.defaults()
                .withMail(new MailConfig(
                        "localhost", smtp.getSmtp().getPort(), "", "", false, "Ledger <news@ledger.example>"))
                .withJobs());
        data = new NewsletterData(t.db.jdbi());
        morning = data.newsletter("morning-briefing", "everyone");
        insider = data.newsletter("insider", "subscribers");
        article = data.article("harbour-vote", "Harbour vote passes");
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> NewsletterSenderTest.to(m).equals(address))
                .toList();
    }

    /** The mail to this address once at least this many arrived (up to 15 s). */
    static List<MimeMessage> mailTo(String address, int atLeast) {
        return Waiting.upTo(Duration.ofSeconds(15)).until(() -> mailTo(address), got -> got.size() >= atLeast);
    }

    /** The one mail to this address, once it came and no second one followed for a while. */
    static List<MimeMessage> onlyOneMailTo(String address) {
        mailTo(address, 1);
        Waiting.throughout(Duration.ofMillis(300)).until(() -> mailTo(address).size() == 1);
        return mailTo(address);
    }

    /** Nothing arrives for this address for a while. */
    static void noMailTo(String address) {
        Waiting.throughout(Duration.ofMillis(300)).until(() -> mailTo(address).isEmpty());
    }

    static String link(MimeMessage m, String prefix) {
        String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = Pattern.compile("http://news\\.example(" + Pattern.quote(prefix) + "[A-Za-z0-9_.\\-/]*)")
                .matcher(body);
        assertThat(matcher.find()).as("a link to " + prefix + " in: " + body).isTrue();
        return matcher.group(1);
    }

    static String status(String email, long newsletterId) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select status from newsletter_subscribers where email = :e and newsletter_id = :n")
                        .bind("e", email)
                        .bind("n", newsletterId)
                        .mapTo(String.class)
                        .findOne()
                        .orElse("none"));
    }

    static void valid(HttpResponse<String> r) {
        assertThat(HtmlValidator.problems(r.body())).as(r.uri().toString()).isEmpty();
    }

    static HttpResponse<String> signUp(WebClient c, String slug, String email) {
        HttpResponse<String> form = c.get("/newsletters/" + slug + "/sign-up?email=" + email);
        valid(form);
        return c.post("/newsletters/" + slug + "/sign-up", Map.of("email", email));
    }

    @Test
    void doubleOptInFromThePromoFormToAConfirmedSubscription() {
        WebClient c = t.client();
        // the promo's plain form on the cached article page leads to the sign-up page
        String articlePage = c.get("/newsletters").body();
        assertThat(articlePage).contains("action=\"/newsletters/morning-briefing/sign-up\"");
        HttpResponse<String> r = signUp(c, "morning-briefing", "Ann@Example.org");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Check your email");
        valid(r);
        assertThat(status("ann@example.org", morning)).isEqualTo("pending");

        List<MimeMessage> mails = mailTo("ann@example.org", 1);
        assertThat(mails).hasSize(1);
        HttpResponse<String> confirmed = t.client().get(link(mails.get(0), "/newsletters/confirm/"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your sign-up is confirmed", "Newsletter morning-briefing");
        valid(confirmed);
        assertThat(status("ann@example.org", morning)).isEqualTo("active");

        // twice more: nothing changes, and no more mail
        signUp(t.client(), "morning-briefing", "ann@example.org");
        signUp(t.client(), "morning-briefing", "ann@example.org");
        int rows = t.db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from newsletter_subscribers where email = 'ann@example.org'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isEqualTo(1);
        assertThat(status("ann@example.org", morning)).isEqualTo("active");
        assertThat(onlyOneMailTo("ann@example.org")).hasSize(1);
    }

    @Test
    void signingUpTwiceBeforeConfirmingSendsOneMailAndOneLinkConfirms() {
        signUp(t.client(), "morning-briefing", "bob@example.org");
        signUp(t.client(), "morning-briefing", "bob@example.org");
        List<MimeMessage> mails = onlyOneMailTo("bob@example.org");
        assertThat(mails).hasSize(1);
        assertThat(t.client().get(link(mails.get(0), "/newsletters/confirm/")).statusCode())
                .isEqualTo(200);
        assertThat(status("bob@example.org", morning)).isEqualTo("active");
    }

    @Test
    void aSuppressedAddressGetsNoConfirmationMail() throws Exception {
        t.db.jdbi()
                .useHandle(
                        h -> h.execute(
                                "insert into mail_suppressions (email, reason) values ('undeliverable@example.org', 'bounce')"));
        HttpResponse<String> r = signUp(t.client(), "morning-briefing", "undeliverable@example.org");
        assertThat(r.statusCode()).isEqualTo(200);
        noMailTo("undeliverable@example.org");
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> NewsletterSenderTest.to(m).equals("undeliverable@example.org")))
                .isEmpty();
        assertThat(status("undeliverable@example.org", morning)).isEqualTo("pending");
    }

    @Test
    void anInvalidAddressIsRefusedWithTheFormShownAgain() {
        WebClient c = t.client();
        HttpResponse<String> typed = c.get("/newsletters/morning-briefing/sign-up?email=not-an-address");
        assertThat(typed.statusCode()).isEqualTo(422);
        HttpResponse<String> r = c.post("/newsletters/morning-briefing/sign-up", Map.of("email", "not-an-address"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body())
                .contains(
                        "Enter an email address like name@example.com.", "value=\"not-an-address\"", "name=\"email\"");
        valid(r);
        int rows = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from newsletter_subscribers where email like 'not-an%'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void aSignUpWithoutTheFormsTokenIsRefused() {
        WebClient c = t.client();
        c.get("/newsletters/morning-briefing/sign-up");
        assertThat(c.postRaw("/newsletters/morning-briefing/sign-up", Map.of("email", "csrf@example.org"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(status("csrf@example.org", morning)).isEqualTo("none");
    }

    @Test
    void unknownAndExpiredConfirmationLinksGetAClearPage() {
        String token = Tokens.random();
        t.db.jdbi()
                .useHandle(h -> h.execute(
                        "insert into newsletter_confirmations (hash, email, created_at, expires_at) values (?, 'late@example.org', now() - interval '3 days', now() - interval '1 day')",
                        Tokens.sha256(token)));
        HttpResponse<String> expired = t.client().get("/newsletters/confirm/" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This confirmation link has expired", "Sign up again");
        valid(expired);
        HttpResponse<String> unknown = t.client().get("/newsletters/confirm/" + Tokens.random());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This confirmation link does not work");
        valid(unknown);
        assertThat(t.client().get("/newsletters/unsubscribe/forged.token").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSignedInReaderJoinsWithOneClickAndManagesPreferences() {
        WebClient c = t.signedIn("carol@example.org", Role.READER);
        HttpResponse<String> form = c.get("/newsletters/morning-briefing/sign-up");
        assertThat(form.body()).contains("Sign up as carol@example.org");
        valid(form);
        HttpResponse<String> r = c.post("/newsletters/morning-briefing/sign-up", Map.of());
        assertThat(r.body()).contains("You are signed up");
        assertThat(status("carol@example.org", morning)).isEqualTo("active");

        HttpResponse<String> prefs = c.get("/account/newsletters");
        assertThat(prefs.statusCode()).isEqualTo(200);
        valid(prefs);
        assertThat(c.post("/account/newsletters", Map.of()).statusCode())
                .isEqualTo(303); // nothing ticked: off everywhere
        assertThat(status("carol@example.org", morning)).isEqualTo("unsubscribed");
        c.post("/account/newsletters", Map.of("newsletter", String.valueOf(morning)));
        assertThat(status("carol@example.org", morning)).isEqualTo("active");
        assertThat(t.client().get("/account/newsletters").statusCode()).isEqualTo(303); // signed out: sign in first
    }

    @Test
    void aSubscribersOnlyNewsletterInvitesNonSubscribersToSubscribe() {
        HttpResponse<String> anon = t.client().get("/newsletters/insider/sign-up");
        assertThat(anon.body())
                .contains("is for subscribers", "href=\"/subscribe\"")
                .doesNotContain("Send me the confirmation link");
        valid(anon);
        WebClient reader = t.signedIn("dave@example.org", Role.READER);
        reader.get("/newsletters/insider/sign-up");
        HttpResponse<String> r = reader.post("/newsletters/insider/sign-up", Map.of());
        assertThat(r.body()).contains("href=\"/subscribe\"");
        assertThat(status("dave@example.org", insider)).isEqualTo("none");

        WebClient subscriber = t.signedIn("erin@example.org", Role.READER);
        t.db.jdbi()
                .useHandle(
                        h -> h.execute(
                                "insert into subscriptions (user_id, status, current_period_end) select id, 'active', now() + interval '30 days' from users where email = 'erin@example.org'"));
        subscriber.get("/newsletters/insider/sign-up");
        assertThat(subscriber.post("/newsletters/insider/sign-up", Map.of()).body())
                .contains("You are signed up");
        assertThat(status("erin@example.org", insider)).isEqualTo("active");
    }

    @Test
    void anEditorComposesTestsAndSendsAnIssueThatReadersCanLeaveWithOneClick() throws Exception {
        data.readers(morning, 3); // r0..r2@example.org, confirmed
        WebClient editor = t.signedIn("editor@ledger.example", Role.EDITOR);
        valid(editor.get("/newsroom/newsletters"));
        valid(editor.get("/newsroom/newsletters/" + morning));
        HttpResponse<String> started =
                editor.post("/newsroom/newsletters/" + morning + "/issues", Map.of("subject", "Wednesday's briefing"));
        assertThat(started.statusCode()).isEqualTo(303);
        String issuePath = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> compose = editor.get(issuePath);
        assertThat(compose.body()).contains("Harbour vote passes"); // suggested
        valid(compose);
        String version = Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(compose.body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        HttpResponse<String> saved = editor.postForm(
                issuePath,
                List.of(
                        Map.entry("_csrf", editor.cookie("bs_csrf").orElseThrow()),
                        Map.entry("subject", "Wednesday's briefing"),
                        Map.entry("intro", "Good **morning**.\n\n<script>alert(1)</script>"),
                        Map.entry("article", String.valueOf(article)),
                        Map.entry("more", ""),
                        Map.entry("version", version)));
        assertThat(saved.statusCode()).isEqualTo(303);

        HttpResponse<String> preview = editor.get(issuePath + "/preview");
        assertThat(preview.body())
                .contains("<strong>morning</strong>", "Harbour vote passes")
                .doesNotContain("<script>alert");

        assertThat(editor.post(issuePath + "/test", Map.of()).statusCode()).isEqualTo(303);
        List<MimeMessage> test = mailTo("editor@ledger.example", 1);
        assertThat(test).hasSize(1);
        assertThat(test.get(0).getSubject()).isEqualTo("[Test] Wednesday's briefing");
        noMailTo("r0@example.org"); // the test went to the editor alone
        assertThat(mailTo("r0@example.org")).isEmpty();
        int outbox = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from newsletter_outbox")
                        .mapTo(Integer.class)
                        .one());
        assertThat(outbox).isZero();

        String v2 = Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(editor.get(issuePath).body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        assertThat(editor.post(issuePath + "/send", Map.of("version", v2)).statusCode())
                .isEqualTo(303);
        List<MimeMessage> got = mailTo("r1@example.org", 1);
        assertThat(got).hasSize(1);
        MimeMessage m = got.get(0);
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Matcher u = Pattern.compile("<http://news\\.example(/newsletters/unsubscribe/[^>]+)>")
                .matcher(m.getHeader("List-Unsubscribe")[0]);
        assertThat(u.find()).isTrue();

        // a mail client's one-click POST: no cookies, no CSRF token, just the RFC 8058 body
        WebClient mailClient = t.client();
        HttpResponse<String> gone = mailClient.postRaw(u.group(1), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body()).contains("You are unsubscribed");
        assertThat(status("r1@example.org", morning)).isEqualTo("unsubscribed");
        // the link itself shows a confirm page with a button
        HttpResponse<String> page = t.client().get(u.group(1));
        valid(page);
        // the preferences link in the message works without signing in
        String prefs = link(m, "/newsletters/preferences/");
        HttpResponse<String> prefsPage = t.client().get(prefs);
        assertThat(prefsPage.body()).contains("r1@example.org");
        valid(prefsPage);

        // the issue appears in the archive once sent, as a web page
        // the sender's change notice drops the cached archive page
        String archive = Waiting.upTo(Duration.ofSeconds(15))
                .until(
                        () -> t.client().get("/newsletters/morning-briefing").body(),
                        a -> a.contains("Wednesday&#39;s briefing") || a.contains("Wednesday's briefing"));
        assertThat(archive).containsAnyOf("Wednesday&#39;s briefing", "Wednesday's briefing");
        String issueId = issuePath.substring(issuePath.lastIndexOf('/') + 1);
        HttpResponse<String> web = t.client().get("/newsletters/morning-briefing/issues/" + issueId);
        assertThat(web.statusCode()).isEqualTo(200);
        assertThat(web.body())
                .contains("Harbour vote passes", "<strong>morning</strong>")
                .doesNotContain("<script>alert");
        valid(web);
        valid(editor.get(issuePath));
        // sending again is refused
        assertThat(editor.post(issuePath + "/send", Map.of("version", v2)).statusCode())
                .isEqualTo(409);
        assertThat(onlyOneMailTo("r0@example.org")).hasSize(1);
    }

    @Test
    void anIssueIsScheduledForALaterTimeAndGoesOutWhenItComes() throws Exception {
        long weekly = data.newsletter("weekly-review", "everyone");
        t.db.jdbi()
                .useHandle(h -> h.execute(
                        "insert into newsletter_subscribers (newsletter_id, email, status) values (?, 'weekly@example.org', 'active')",
                        weekly));
        long issue = data.issue(weekly, "The week", article);
        WebClient editor = t.signedIn("editor4@ledger.example", Role.EDITOR);
        String path = "/newsroom/issues/" + issue;
        editor.get(path);
        HttpResponse<String> past =
                editor.post(path + "/schedule", Map.of("version", "1", "sendAt", "2020-01-01 07:00"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("Choose a time in the future, or send it now.");
        valid(past);
        assertThat(editor.post(path + "/schedule", Map.of("version", "1", "sendAt", "nonsense"))
                        .body())
                .contains("Enter the date and time to send");
        assertThat(editor.post(path + "/schedule", Map.of("version", "1", "sendAt", "2099-01-01 07:00"))
                        .statusCode())
                .isEqualTo(303);
        HttpResponse<String> scheduled = editor.get(path);
        assertThat(scheduled.body()).contains("<strong>scheduled</strong>");
        valid(scheduled);
        noMailTo("weekly@example.org");
        assertThat(mailTo("weekly@example.org")).isEmpty();
        // the time comes: the app's own sender starts and sends it
        t.db.jdbi()
                .useHandle(h -> h.execute(
                        "update newsletter_issues set send_at = now() - interval '1 second' where id = ?", issue));
        assertThat(mailTo("weekly@example.org", 1)).hasSize(1);
    }

    @Test
    void newslettersAreDefinedWithClearValidationErrors() {
        WebClient editor = t.signedIn("editor2@ledger.example", Role.EDITOR);
        valid(editor.get("/newsroom/newsletters/new"));
        HttpResponse<String> bad = editor.post(
                "/newsroom/newsletters",
                Map.of("name", "", "slug", "Bad Slug", "description", "", "schedule", "", "audience", "nobody"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains(
                        "Enter the newsletter's name.",
                        "Use lower-case letters",
                        "Describe the newsletter",
                        "Choose who the newsletter is for.");
        valid(bad);
        HttpResponse<String> taken = editor.post(
                "/newsroom/newsletters",
                Map.of(
                        "name",
                        "Morning",
                        "slug",
                        "morning-briefing",
                        "description",
                        "Mornings.",
                        "schedule",
                        "",
                        "audience",
                        "everyone"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Another newsletter already uses the slug morning-briefing.");
        HttpResponse<String> ok = editor.post(
                "/newsroom/newsletters",
                Map.of(
                        "name",
                        "Evening Wrap",
                        "slug",
                        "",
                        "description",
                        "The day, wrapped.",
                        "schedule",
                        "Weekdays at 6pm",
                        "audience",
                        "everyone"));
        assertThat(ok.statusCode()).isEqualTo(303);
        t.contentChanged();
        assertThat(t.client().get("/newsletters/evening-wrap").body()).contains("The day, wrapped.", "Weekdays at 6pm");
    }

    @Test
    void suppressionsAreAddedInTheNewsroom() {
        WebClient editor = t.signedIn("editor3@ledger.example", Role.EDITOR);
        valid(editor.get("/newsroom/newsletters/suppressions"));
        HttpResponse<String> bad = editor.post(
                "/newsroom/newsletters/suppressions", Map.of("emails", "nope", "reason", "bounce", "detail", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("These are not email addresses");
        valid(bad);
        assertThat(editor.post(
                                "/newsroom/newsletters/suppressions",
                                Map.of(
                                        "emails",
                                        "Bounced@Example.org, spam@example.org",
                                        "reason",
                                        "complaint",
                                        "detail",
                                        "feedback loop"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.get("/newsroom/newsletters/suppressions").body())
                .contains("bounced@example.org", "spam@example.org");
    }

    @Test
    void onlyEditorsMayUseTheNewsroomsNewsletterPages() {
        List<String> pages = List.of(
                "/newsroom/newsletters",
                "/newsroom/newsletters/new",
                "/newsroom/newsletters/" + morning,
                "/newsroom/newsletters/suppressions");
        WebClient reader = t.signedIn("reader9@example.org", Role.READER);
        WebClient contributor = t.signedIn("writer9@example.org", Role.CONTRIBUTOR);
        WebClient editor = t.signedIn("editor9@example.org", Role.EDITOR);
        for (String p : pages) {
            assertThat(t.client().get(p).statusCode()).as(p).isEqualTo(303);
            assertThat(reader.get(p).statusCode()).as(p).isEqualTo(403);
            assertThat(contributor.get(p).statusCode()).as(p).isEqualTo(403);
            assertThat(editor.get(p).statusCode()).as(p).isEqualTo(200);
        }
        contributor.get("/newsroom");
        assertThat(contributor
                        .post("/newsroom/newsletters/" + morning + "/issues", Map.of("subject", "Sneaky"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.postRaw("/newsroom/newsletters/" + morning + "/issues", Map.of("subject", "No token"))
                        .statusCode())
                .isEqualTo(403);
    }
}
