package broadsheet.following;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.mail.SmtpTransport;
import broadsheet.mail.TransportMailer;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import broadsheet.web.Views;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The opt-in daily Following email, sent through GreenMail: content, no repeats, one-click unsubscribe, two senders. */
class DigestTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestApp t;
    static MailConfig mail;
    static long politics, tides;
    static int readers;

    @BeforeAll
    static void setUp() {
        mail = new MailConfig("localhost", smtp.getSmtp().getPort(), "", "", false, "Ledger <news@example.org>");
        t = new TestApp(mail);
        politics = t.fixtures.section("politics", "Politics");
        tides = t.fixtures.topic("tides", "Tides", "subject");
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static DigestSender sender() {
        return new DigestSender(
                new DigestDao(t.fixtures.jdbi()),
                new Feed(new FeedDao(t.fixtures.jdbi()), new FollowDao(t.fixtures.jdbi())),
                new TransportMailer(new SmtpTransport(mail), mail.from()),
                new Views(false),
                () -> new broadsheet.web.Site(
                        "The Ledger", "", "http://news.example", java.time.ZoneId.of("Europe/London"), "en"));
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    static void waitForMail(String address) {
        Waiting.upTo(java.time.Duration.ofSeconds(10))
                .until(() -> !mailTo(address).isEmpty());
    }

    /** A reader who follows Tides and asked for the digest, made due now. */
    static String subscribedReader() {
        String email = "digest" + (++readers) + "@example.org";
        WebClient c = t.signedIn(email, Role.READER);
        c.get("/following/manage");
        c.post("/follow", Map.of("kind", "topic", "slug", "tides", "next", "/"));
        assertThat(c.post("/following/digest", Map.of("digest", "on")).statusCode())
                .isEqualTo(303);
        assertThat(Jsoup.parse(c.get("/following/manage?digest=on").body())
                        .select(".notice")
                        .text())
                .contains("daily email");
        t.fixtures.jdbi().useHandle(h -> h.execute("""
                update following_digests set next_due_at = now() - interval '1 minute', sent_through = now() - interval '1 day'
                 where user_id = (select id from users where email = ?)""", email));
        return email;
    }

    static long article(String slug, String headline) {
        long id = t.fixtures.article(
                slug, headline, politics, "news", Instant.now().minus(10, ChronoUnit.MINUTES), "Text.");
        t.fixtures.tag(id, tides);
        return id;
    }

    @Test
    void aDueReaderGetsTheNewArticlesOnceWithOneClickUnsubscribe() throws Exception {
        String email = subscribedReader();
        article("spring-tide-floods-quay", "Spring tide floods the quay");
        sender().runOnce();
        waitForMail(email);
        List<MimeMessage> got = mailTo(email);
        assertThat(got).hasSize(1);
        MimeMessage m = got.get(0);
        assertThat(m.getSubject()).contains("from what you follow");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        String text = GreenMailUtil.getBody(parts.getBodyPart(0));
        assertThat(text).contains("Spring tide floods the quay").contains("You follow Tides");
        String html = ((String) parts.getBodyPart(1).getContent());
        assertThat(Jsoup.parse(html)
                        .select("a:contains(Spring tide floods the quay)")
                        .attr("href"))
                .startsWith("http://news.example/")
                .endsWith("/spring-tide-floods-quay");
        // mail clients: inline styles only, nothing fetched or run (table width attributes stay, for Outlook)
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<style");
        assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // nothing new: nothing sent, even when due again
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute("update following_digests set next_due_at = now() - interval '1 minute'"));
        sender().runOnce();
        assertThat(mailTo(email)).hasSize(1);

        // one click from the mail client: a POST to the header's URL with no cookies and no CSRF token
        String url = m.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        String path = URI.create(url).getPath();
        assertThat(t.client().get(path).body()).contains("Stop the daily Following email?");
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(t.url(path)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("no more Following emails");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        assertThat(t.client().get(path).statusCode()).as("the link is spent").isEqualTo(404);
        int rows = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from following_digests where user_id = (select id from users where email = ?)")
                        .bind(0, email)
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void twoSendersAtOnceMailEachReaderOnce() throws Exception {
        List<String> emails = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> subscribedReader())
                .toList();
        article("neap-tide-report", "Neap tide report");
        // three nodes' senders at once; each pass ends only when its mail is handed to the server
        DigestSender a = sender(), b = sender(), c = sender();
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(a::runOnce);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(b::runOnce);
        CompletableFuture<Integer> three = CompletableFuture.supplyAsync(c::runOnce);
        one.get();
        two.get();
        three.get();
        for (String e : emails) assertThat(mailTo(e)).as(e).hasSize(1);
    }

    @Test
    void turningTheEmailOffStopsIt() {
        String email = subscribedReader();
        WebClient c = t.client();
        c.get("/sign-in");
        c.post("/sign-in", Map.of("email", email, "password", "password for " + email, "next", "/"));
        c.get("/following/manage");
        assertThat(c.post("/following/digest", Map.of("digest", "off")).statusCode())
                .isEqualTo(303);
        article("tide-tables-printed", "Tide tables printed");
        sender().runOnce();
        assertThat(mailTo(email)).isEmpty();
        assertThat(c.postRaw("/following/digest", Map.of("digest", "on")).statusCode())
                .as("CSRF still guards the form")
                .isEqualTo(403);
    }

    @Test
    void aSuppressedAddressGetsNoDigest() {
        String email = subscribedReader();
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute("insert into mail_suppressions (email, reason) values (?, 'bounce')", email));
        article("tide-gauge-broken", "Tide gauge broken");
        sender().runOnce();
        assertThat(mailTo(email)).isEmpty();
    }

    @Test
    void anAddressTheServerRefusesDoesNotHoldUpTheOthers() throws Exception {
        // the article first: the app's own digest job may claim a due reader at any moment, and one it
        // finds with nothing new would be moved to tomorrow before this test's sender could mail them
        article("harbour-light-relit", "Harbour light relit");
        String refused = subscribedReader();
        List<String> others = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> subscribedReader())
                .toList();
        TransportMailer smtpMailer = new TransportMailer(new SmtpTransport(mail), mail.from());
        // stands in for a server answering "550 no such mailbox" for one address
        broadsheet.mail.Mailer refusing = m -> {
            if (m.to().equals(refused)) throw new IllegalStateException("550 5.1.1 no such mailbox: " + refused);
            smtpMailer.send(m);
        };
        DigestSender s = new DigestSender(
                new DigestDao(t.fixtures.jdbi()),
                new Feed(new FeedDao(t.fixtures.jdbi()), new FollowDao(t.fixtures.jdbi())),
                refusing,
                new Views(false),
                () -> new broadsheet.web.Site(
                        "The Ledger", "", "http://news.example", java.time.ZoneId.of("Europe/London"), "en"));
        s.runOnce();
        for (String e : others) waitForMail(e);
        for (String e : others) assertThat(mailTo(e)).as(e).hasSize(1);
        boolean movedOn = t.fixtures
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                select next_due_at > now() and claimed_until is null from following_digests
                 where user_id = (select id from users where email = ?)""").bind(0, refused).mapTo(Boolean.class).one());
        assertThat(movedOn)
                .as("the refused reader is tried again tomorrow, not every minute")
                .isTrue();
    }

    @Test
    void aSenderAskedToStopFinishesTheDigestUnderWayAndReleasesTheRestOfItsBatch() throws Exception {
        article("stop-test-tide", "Tide tables for the stopping test");
        List<String> mine = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> subscribedReader())
                .toList();
        String throughStopped;
        try (broadsheet.testing.SlowSmtpServer slow =
                new broadsheet.testing.SlowSmtpServer(java.time.Duration.ZERO).holdFirst()) {
            MailConfig slowMail = new MailConfig("localhost", slow.port(), "", "", false, "Ledger <news@example.org>");
            DigestSender stopping = new DigestSender(
                    new DigestDao(t.fixtures.jdbi()),
                    new Feed(new FeedDao(t.fixtures.jdbi()), new FollowDao(t.fixtures.jdbi())),
                    new TransportMailer(new SmtpTransport(slowMail), slowMail.from()),
                    new Views(false),
                    () -> new broadsheet.web.Site(
                            "The Ledger", "", "http://news.example", java.time.ZoneId.of("Europe/London"), "en"));
            // a thread of its own, not the common pool, which other test classes may keep busy (it has one
            // thread on two cores)
            CompletableFuture<Integer> pass = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    pass.complete(stopping.runOnce());
                } catch (RuntimeException e) {
                    pass.completeExceptionally(e);
                }
            });
            Waiting.fewSeconds().until(slow::holding); // the batch is claimed, its first digest at the server
            int claimed = t.fixtures
                    .jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from following_digests where claimed_until > now()")
                            .mapTo(Integer.class)
                            .one());
            assertThat(claimed).isGreaterThanOrEqualTo(mine.size());
            stopping.close(); // what SIGTERM does to the node's jobs
            slow.release();
            assertThat(pass.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(slow.accepted).hasSize(1);
            throughStopped = slow.accepted.get(0).to();
        }
        int held = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from following_digests where claimed_until is not null")
                        .mapTo(Integer.class)
                        .one());
        assertThat(held).as("claims left after the stop").isZero();
        // another node sends the rest at once, not five minutes later when the claims would have lapsed
        sender().runOnce();
        int mailed = 0;
        for (String e : mine) mailed += mailTo(e).size();
        assertThat(mailed)
                .as("one of the three went through the stopped sender")
                .isEqualTo(mine.size() - 1);
    }
}
