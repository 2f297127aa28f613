package broadsheet.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.SlowSmtpServer;
import broadsheet.testing.TestDb;
import broadsheet.testing.Waiting;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sender nodes on one database and a deliberately slow mail server: a batch that takes longer than
 * the lease keeps its rows while its node lives, so no message is sent twice.
 */
class NewsletterLeaseTest {

    /**
     * Renewed every second (a quarter of it), so a sender stops only when 2 s pass without a renewal: this class
     * runs beside the others, on a machine as busy as they make it (with a 2 s lease, which stopped a sender after
     * 1 s without one, it ran alone, {@code @Isolated}).
     */
    static final Duration LEASE = Duration.ofSeconds(4);

    Database db;
    NewsletterData data;
    long issue;
    SlowSmtpServer smtp;

    @BeforeEach
    void setUp() {
        db = TestDb.fresh();
        data = new NewsletterData(db.jdbi());
        long newsletter = data.newsletter("morning", "everyone");
        issue = data.issue(newsletter, "Tuesday's briefing", data.article("harbour-vote", "Harbour vote passes"));
        data.readers(newsletter, 6);
        data.start(issue);
        smtp = new SlowSmtpServer(Duration.ofMillis(200)).holdFirst();
    }

    @AfterEach
    void tearDown() {
        smtp.close();
        db.close();
    }

    boolean leaseTakenAtClaimHasLapsed() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("""
                        select now() > max(claimed_at) + make_interval(secs => :lease) from newsletter_outbox
                         where state = 'sending'""")
                        .bind("lease", LEASE.toSeconds())
                        .mapTo(Boolean.class)
                        .one());
    }

    java.sql.Timestamp leaseOfFirst() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("select lease_until from newsletter_outbox order by id limit 1")
                        .mapTo(java.sql.Timestamp.class)
                        .one());
    }

    @Test
    void aSecondNodeDoesNotTakeOverABatchWhoseSlowSendOutlastsTheLeaseWhileItsNodeLives() {
        NewsletterSender a = data.sender(smtp.port(), 6, Optional.empty()).leaseOf(LEASE);
        NewsletterSender b = data.sender(smtp.port(), 6, Optional.empty()).leaseOf(LEASE);
        CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(a::runOnce);
        // node A claimed all six and its first message is held at the mail server
        Waiting.fewSeconds().until(smtp::holding);
        // until the lease A took with its claim is over (A is alive, only its server is slow)
        Waiting.upTo(Duration.ofSeconds(10)).until(this::leaseTakenAtClaimHasLapsed);
        assertThat(smtp.holding()).isTrue();

        int byB = b.runOnce(); // node B looks for work meanwhile
        smtp.release();

        assertThat(byB).as("node B found the batch still held").isZero();
        assertThat(byA.join()).isEqualTo(6);
        Map<String, Long> copies = smtp.accepted.stream()
                .collect(Collectors.groupingBy(SlowSmtpServer.Accepted::to, Collectors.counting()));
        assertThat(copies)
                .hasSize(6)
                .allSatisfy((email, n) -> assertThat(n).as(email).isEqualTo(1));
        // the renewal shows: A renewed, and every row's lease reaches past the one taken at its claim
        assertThat(a.renewals()).isPositive();
        int renewed = db.jdbi()
                .withHandle(h -> h.createQuery("""
                        select count(*) from newsletter_outbox
                         where state = 'sent' and lease_until > claimed_at + make_interval(secs => :lease)""")
                        .bind("lease", LEASE.toSeconds())
                        .mapTo(Integer.class)
                        .one());
        assertThat(renewed).isEqualTo(6);
    }

    @Test
    void aNodeWhoseLeaseWasTakenOverLetsTheRowsGoInsteadOfSendingThemToo() {
        NewsletterSender a = data.sender(smtp.port(), 6, Optional.empty()).leaseOf(LEASE);
        CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(a::runOnce);
        Waiting.fewSeconds().until(smtp::holding);
        // as if A's node had been unreachable for a whole lease: another node took the unsent rows over
        int taken = db.jdbi().withHandle(h -> h.execute("""
                update newsletter_outbox set claim_token = gen_random_uuid(), lease_until = now() + interval '1 hour'
                 where id in (select id from newsletter_outbox order by id offset 1)"""));
        assertThat(taken).isEqualTo(5);
        // A's next renewal (of the one row it still holds) finds it holds only the message already at the server
        java.sql.Timestamp before = leaseOfFirst();
        Waiting.fewSeconds().until(() -> leaseOfFirst().after(before));
        smtp.release();
        assertThat(byA.join()).isEqualTo(1);
        assertThat(smtp.accepted).hasSize(1);
    }
}
