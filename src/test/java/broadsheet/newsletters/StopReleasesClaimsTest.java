package broadsheet.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.ServerProcess;
import broadsheet.testing.SlowSmtpServer;
import broadsheet.testing.TestDb;
import broadsheet.testing.Waiting;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real {@code serve} node on a shared database (the tests' PostgreSQL, as a cluster's nodes share one),
 * sending a newsletter through a slow mail server, asked to stop with SIGTERM as a rolling restart asks it:
 * {@code /readyz} says so at once while pages are still served (the load balancer drains the node before it
 * stops accepting connections), and when the process has exited the claims it held are free: nothing is left
 * 'sending' under its lease, so another node sends the rest at its next pass, each reader exactly once.
 */
@org.junit.jupiter.api.Tag(broadsheet.testing.ServerProcessClasses.TAG)
@org.junit.jupiter.api.parallel.ResourceLock(providers = broadsheet.testing.ServerProcessClasses.class)
class StopReleasesClaimsTest {

    static final int READERS = 20;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Database db;
    private SlowSmtpServer smtp;
    private Process node;
    private Path dir;

    @AfterEach
    void tearDown() throws Exception {
        if (node != null && node.isAlive()) {
            node.destroyForcibly();
            node.waitFor(30, TimeUnit.SECONDS);
        }
        if (smtp != null) smtp.close();
        if (db != null) db.close();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int count(String where) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from newsletter_outbox where " + where)
                        .mapTo(Integer.class)
                        .one());
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("node.log"));
    }

    @Test
    void sigtermDrainsThenStopsAndReleasesTheNewsletterClaimsItHeld() throws Exception {
        db = TestDb.fresh();
        NewsletterData data = new NewsletterData(db.jdbi());
        long newsletter = data.newsletter("evening", "everyone");
        long issue = data.issue(newsletter, "The evening edition", data.article("quay-works", "Quay works begin"));
        data.readers(newsletter, READERS);
        data.start(issue);
        // each message takes a while, and the first is held until the node has been asked to stop
        smtp = new SlowSmtpServer(Duration.ofMillis(300)).holdFirst();

        dir = Files.createTempDirectory("broadsheet-stop");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(
                        List.of("-Xmx384m"),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--database-url",
                        db.jdbcUrl() + "?user=postgres"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtp.port()));
        env.put("SMTP_STARTTLS", "false");
        // long enough that the test sees the node serve on while it says it is shutting down
        env.put("SHUTDOWN_DRAIN", "8");
        node = builder.start();

        int p = port;
        Waiting.upTo(Duration.ofSeconds(120))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(get(p, "/readyz").statusCode()).isEqualTo(200));
        // the node's sender has claimed the whole issue (one batch) and its first message is at the server
        Waiting.upTo(Duration.ofSeconds(60)).until(smtp::holding);
        assertThat(count("state = 'sending' and lease_until > now()")).isEqualTo(READERS);

        node.destroy(); // SIGTERM
        Waiting.upTo(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> ready = get(p, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("this node is shutting down");
        });
        // still serving while the load balancer takes it out: it has not stopped accepting connections
        assertThat(get(p, "/").statusCode()).as(log()).isEqualTo(200);
        // then it stops accepting
        Waiting.upTo(Duration.ofSeconds(40))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(p, "/healthz"))
                        .isInstanceOf(ConnectException.class));
        smtp.release(); // the message under way goes out; the node takes no further message

        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
        assertThat(node.exitValue()).as(log()).isZero();

        int sentByNode = smtp.accepted.size();
        assertThat(sentByNode).as(log()).isPositive().isLessThan(READERS);
        assertThat(count("state = 'sent'")).isEqualTo(sentByNode);
        assertThat(count("state = 'sending'")).as("claims left behind").isZero();
        assertThat(count("state = 'pending' and lease_until is null and claim_token is null and attempts = 0"))
                .as("released, as if never claimed")
                .isEqualTo(READERS - sentByNode);

        // another node takes the rest at once, not after a lease: every reader gets the issue exactly once (the
        // mail server need no longer be slow: it was so that the stopping node sent no more than it had under way)
        smtp.answerAfter(Duration.ZERO);
        NewsletterSender other = data.sender(smtp.port(), 200, Optional.empty());
        assertThat(other.runOnce()).isEqualTo(READERS - sentByNode);
        Map<String, Long> copies = smtp.accepted.stream()
                .collect(Collectors.groupingBy(SlowSmtpServer.Accepted::to, Collectors.counting()));
        assertThat(copies)
                .hasSize(READERS)
                .allSatisfy((email, n) -> assertThat(n).as(email).isEqualTo(1));
    }
}
