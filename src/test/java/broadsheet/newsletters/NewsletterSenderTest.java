package broadsheet.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.mail.MailConfig;
import broadsheet.testing.TestDb;
import broadsheet.testing.Waiting;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox sender against GreenMail as the real SMTP server: interrupted sends resume without
 * skipping or doubling anyone, two senders at once send each message once, a dead server loses
 * nobody, suppressions and the subscribers-only audience are honoured, and DKIM signs when configured.
 */
class NewsletterSenderTest {

    @RegisterExtension
    GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    Database db;
    NewsletterData data;
    long newsletter;
    long issue;

    @BeforeEach
    void setUp() {
        db = TestDb.fresh();
        data = new NewsletterData(db.jdbi());
        newsletter = data.newsletter("morning", "everyone");
        issue = data.issue(newsletter, "Tuesday's briefing", data.article("harbour-vote", "Harbour vote passes"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** How many copies each address received. */
    Map<String, Long> copies() {
        return Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(NewsletterSenderTest::to, Collectors.counting()));
    }

    static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSendInterruptedMidwayIsFinishedByAFreshSenderWithEveryReaderGettingOneCopy() {
        data.readers(newsletter, 50);
        assertThat(data.start(issue)).isEqualTo(50);

        int first = data.sender(smtp.getSmtp().getPort(), 10, Optional.empty())
                .limitTo(20)
                .runOnce(); // the node stops here
        assertThat(first).isEqualTo(20);
        assertThat(copies()).hasSize(20);

        int rest = data.sender(smtp.getSmtp().getPort(), 10, Optional.empty())
                .runOnce(); // another node, or this one restarted
        assertThat(rest).isEqualTo(30);
        assertThat(copies())
                .hasSize(50)
                .allSatisfy((email, n) -> assertThat(n).as(email).isEqualTo(1));
        String status = db.jdbi()
                .withHandle(h -> h.createQuery("select status from newsletter_issues where id = :i")
                        .bind("i", issue)
                        .mapTo(String.class)
                        .one());
        assertThat(status).isEqualTo("sent");
    }

    @Test
    void rowsClaimedByANodeThatDiedBeforeSendingAreSentOnceTheirClaimExpires() {
        data.readers(newsletter, 10);
        data.start(issue);
        // a node claimed five rows and died before its SMTP conversation began
        db.jdbi().useHandle(h -> h.execute("""
                update newsletter_outbox set state = 'sending', attempts = 1, message_id = '<dead.' || id || '@ledger.example>',
                       claimed_at = now() - interval '6 minutes'
                 where id in (select id from newsletter_outbox order by id limit 5)"""));
        assertThat(data.sender(smtp.getSmtp().getPort(), 4, Optional.empty()).runOnce())
                .isEqualTo(10);
        assertThat(copies()).hasSize(10).allSatisfy((email, n) -> assertThat(n).isEqualTo(1));
        // and the resumed rows went out under the Message-ID claimed before the crash
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .map(NewsletterSenderTest::messageId)
                        .filter(id -> id.startsWith("<dead.")))
                .hasSize(5);
    }

    @Test
    void aFreshClaimHeldByAnotherNodeIsLeftAlone() {
        data.readers(newsletter, 4);
        data.start(issue);
        db.jdbi().useHandle(h -> h.execute("""
                update newsletter_outbox set state = 'sending', claimed_at = now(), message_id = '<busy.' || id || '@x>'
                 where email = 'r0@example.org'"""));
        assertThat(data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce())
                .isEqualTo(3);
        assertThat(copies()).doesNotContainKey("r0@example.org");
    }

    /**
     * At-least-once, documented: a node that dies after the server took a message but before marking
     * it sent causes one more copy, with the same Message-ID, so receiving systems can drop it.
     */
    @Test
    void aCrashBetweenSendingAndMarkingResendsUnderTheSameMessageId() {
        data.readers(newsletter, 3);
        data.start(issue);
        data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce();
        db.jdbi().useHandle(h -> h.execute("""
                update newsletter_outbox set state = 'sending', sent_at = null, claimed_at = now() - interval '6 minutes',
                       lease_until = now() - interval '1 minute'
                 where email = 'r1@example.org'"""));
        db.jdbi().useHandle(h -> h.execute("update newsletter_issues set status = 'sending' where id = ?", issue));
        data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce();
        List<String> ids = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals("r1@example.org"))
                .map(NewsletterSenderTest::messageId)
                .toList();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(copies().get("r0@example.org")).isEqualTo(1);
    }

    @Test
    void twoSendersAtOnceSendEachMessageOnce() {
        data.readers(newsletter, 400);
        data.start(issue);
        var a = CompletableFuture.supplyAsync(() ->
                data.sender(smtp.getSmtp().getPort(), 15, Optional.empty()).runOnce());
        var b = CompletableFuture.supplyAsync(() ->
                data.sender(smtp.getSmtp().getPort(), 15, Optional.empty()).runOnce());
        int total = a.join() + b.join();
        assertThat(total).isEqualTo(400);
        assertThat(copies())
                .hasSize(400)
                .allSatisfy((email, n) -> assertThat(n).as(email).isEqualTo(1));
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .map(NewsletterSenderTest::messageId)
                        .distinct())
                .hasSize(400);
    }

    @Test
    void aMailServerThatCannotBeReachedLosesNobodyAndTheNextPassSendsEveryone() throws IOException {
        data.readers(newsletter, 30);
        data.start(issue);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(data.sender(closedPort, 10, Optional.empty()).runOnce()).isZero();
        int returned = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from newsletter_outbox where state = 'pending' and attempts = 1 and error is not null")
                        .mapTo(Integer.class)
                        .one());
        assertThat(returned).isEqualTo(10); // the claimed batch went back; the rest was never touched
        assertThat(data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce())
                .isEqualTo(30);
        assertThat(copies()).hasSize(30).allSatisfy((email, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void theMailServerStoppingMidSendLosesNobody() throws Exception {
        data.readers(newsletter, 300);
        data.start(issue);
        int port = smtp.getSmtp().getPort();
        var run = CompletableFuture.supplyAsync(
                () -> data.sender(port, 20, Optional.empty()).runOnce());
        Waiting.upTo(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(5))
                .until(() -> smtp.getReceivedMessages().length >= 40);
        List<String> before = Arrays.stream(smtp.getReceivedMessages())
                .map(NewsletterSenderTest::to)
                .toList();
        smtp.stop(); // the server goes away in the middle of the send
        int first = run.join();
        assertThat(first).isLessThan(300);
        // whatever the first run managed is marked sent; nothing it could not send is marked sent
        List<String> markedSent = db.jdbi()
                .withHandle(h -> h.createQuery("select email from newsletter_outbox where state = 'sent'")
                        .mapTo(String.class)
                        .list());
        assertThat(markedSent).hasSize(first).containsAll(before.subList(0, Math.min(before.size(), 20)));
        smtp.start(); // back, on a new port; stored mail was dropped with the old server, so count what arrives now
        assertThat(data.sender(smtp.getSmtp().getPort(), 20, Optional.empty()).runOnce())
                .isEqualTo(300 - first);
        assertThat(copies())
                .hasSize(300 - first)
                .allSatisfy((email, n) -> assertThat(n).isEqualTo(1))
                .doesNotContainKeys(markedSent.toArray(String[]::new));
    }

    @Test
    void suppressedAddressesAndReadersWhoLeftAreNotMailed() {
        data.readers(newsletter, 5);
        Suppressions s = new Suppressions(new broadsheet.newsletters.SuppressionDao(db.jdbi()));
        s.add(List.of("r0@example.org"), "bounce", "550 no such user");
        data.start(issue);
        s.add(List.of("R1@Example.org"), "complaint", ""); // fed back after the send started
        db.jdbi()
                .useHandle(h -> h.execute(
                        "update newsletter_subscribers set status = 'unsubscribed' where email = 'r2@example.org'"));
        assertThat(data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce())
                .isEqualTo(2);
        assertThat(copies().keySet()).containsExactlyInAnyOrder("r3@example.org", "r4@example.org");
        assertThat(data.state("r0@example.org")).isEqualTo("suppressed");
        assertThat(data.state("r1@example.org")).isEqualTo("suppressed");
        assertThat(data.state("r2@example.org")).isEqualTo("suppressed");
    }

    @Test
    void aSubscribersOnlyNewsletterGoesOnlyToAccountsThatSubscribeNow() {
        long premium = data.newsletter("insider", "subscribers");
        long premiumIssue = data.issue(premium, "Inside politics");
        db.jdbi().useHandle(h -> {
            for (String who : List.of("paying", "lapsed", "never")) {
                long u = h.createQuery(
                                "insert into users (email, password_hash, email_confirmed_at) values (:e, 'x', now()) returning id")
                        .bind("e", who + "@example.org")
                        .mapTo(Long.class)
                        .one();
                h.execute(
                        "insert into newsletter_subscribers (newsletter_id, email, user_id, status) values (?, ?, ?, 'active')",
                        premium,
                        who + "@example.org",
                        u);
                if (!who.equals("never")) {
                    h.execute(
                            "insert into subscriptions (user_id, status, current_period_end) values (?, 'active', now() + ?::interval)",
                            u,
                            who.equals("paying") ? "30 days" : "-1 day");
                }
            }
            h.execute(
                    "insert into newsletter_subscribers (newsletter_id, email, status) values (?, 'anon@example.org', 'active')",
                    premium);
        });
        assertThat(data.start(premiumIssue)).isEqualTo(1);
        data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce();
        assertThat(copies().keySet()).containsExactly("paying@example.org");
    }

    @Test
    void eachMessageIsMultipartAlternativeWithOneClickUnsubscribeHeaders() throws Exception {
        data.readers(newsletter, 1);
        data.start(issue);
        data.sender(smtp.getSmtp().getPort(), 10, Optional.empty()).runOnce();
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        var mp = (jakarta.mail.Multipart) m.getContent();
        assertThat(mp.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(mp.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) mp.getBodyPart(0).getContent())
                .contains("Harbour vote passes", "Good *morning*.", "/newsletters/unsubscribe/");
        String html = (String) mp.getBodyPart(1).getContent();
        assertThat(html)
                .contains("<table role=\"presentation\"", "Harbour vote passes", "<em>morning</em>")
                .doesNotContain("<link", "<style");
        assertThat(m.getHeader("List-Unsubscribe")[0])
                .matches(
                        "<http://news\\.example/newsletters/unsubscribe/[A-Za-z0-9_.-]+>, <mailto:news@ledger\\.example\\?subject=unsubscribe>");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getSubject()).isEqualTo("Tuesday's briefing");
    }

    @Test
    void messagesAreDkimSignedWhenAKeyIsConfigured(@TempDir Path dir) throws Exception {
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        byte[] pkcs8 = kpg.generateKeyPair().getPrivate().getEncoded();
        Path key = dir.resolve("dkim.pem");
        Files.writeString(
                key,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                        + "\n-----END PRIVATE KEY-----\n");
        Optional<Dkim> dkim = Dkim.from(new MailConfig(
                "localhost", 25, "", "", false, "x@ledger.example", key.toString(), "mail2026", "ledger.example"));
        data.readers(newsletter, 2);
        data.start(issue);
        data.sender(smtp.getSmtp().getPort(), 10, dkim).runOnce();
        assertThat(smtp.getReceivedMessages()).hasSize(2).allSatisfy(m -> {
            String sig = m.getHeader("DKIM-Signature")[0].replaceAll("\\s", "");
            assertThat(sig).contains("d=ledger.example", "s=mail2026", "a=rsa-sha256", "bh=");
            assertThat(sig).containsIgnoringCase("list-unsubscribe");
        });
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .map(NewsletterSenderTest::messageId)
                        .collect(Collectors.toSet()))
                .hasSize(2);
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
