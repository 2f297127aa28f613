package broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.ServerProcess;
import broadsheet.testing.Waiting;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real {@code serve} process with its own embedded PostgreSQL, treated as an operator's load balancer
 * and a bad night would treat it: the database hangs (SIGSTOP), the database dies (kill -9), the node is
 * asked to stop (SIGTERM). Answers must come while the database hangs; a client timeout of a few seconds
 * is the failure signal, not a measured time.
 */
// Apart from the other classes: its requests must be answered within 3 s while the database hangs. Tried
// beside them (7 December, load average 30 from other builds): a /healthz request timed out.
@org.junit.jupiter.api.Tag(broadsheet.testing.ServerProcessClasses.TAG)
@org.junit.jupiter.api.parallel.ResourceLock(providers = broadsheet.testing.ServerProcessClasses.OwnPostgres.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorTest {

    private static final String TOKEN = "a-scraper-token-for-tests";
    private static Path dir;
    private static Process server;
    private static int port;
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void serve() throws Exception {
        dir = Files.createTempDirectory("broadsheet-operator");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(
                        List.of("-Xmx512m"),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        dir.resolve("data").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("REQUEST_LOG", "json");
        builder.environment().put("METRICS_TOKEN", TOKEN);
        // a short drain at the SIGTERM (the last test): long enough to take the draining path, not 5 s of it
        builder.environment().put("SHUTDOWN_DRAIN", "1");
        builder.environment().put("DB_POOL", "12");
        server = builder.start();
        Waiting.upTo(Duration.ofSeconds(120))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(get("/readyz").statusCode()).isEqualTo(200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
        for (long pid : postgres()) ProcessHandle.of(pid).ifPresent(p -> signal("CONT", pid));
        Path pidFile = dir.resolve("data/postgres/postmaster.pid");
        if (Files.exists(pidFile))
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                    .ifPresent(ProcessHandle::destroy);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The postmaster and its backends. */
    private static List<Long> postgres() throws IOException {
        Path pidFile = dir.resolve("data/postgres/postmaster.pid");
        if (!Files.exists(pidFile)) return List.of();
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        return ProcessHandle.of(postmaster)
                .map(p -> Stream.concat(Stream.of(p), p.descendants())
                        .map(ProcessHandle::pid)
                        .toList())
                .orElse(List.of());
    }

    private static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String log() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    @Test
    @Order(0)
    void requestsAreLoggedAsJsonLinesAndMetricsNeedTheToken() throws Exception {
        HttpResponse<String> page = get("/", "X-Request-Id", "operator-test-1");
        assertThat(page.headers().firstValue("X-Request-Id")).hasValue("operator-test-1");
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(log().lines())
                        .anySatisfy(l -> assertThat(l)
                                .startsWith("{")
                                .contains("\"request_id\":\"operator-test-1\"")
                                .contains("\"method\":\"GET\"")
                                .contains("\"route\":\"/\"")
                                .contains("\"status\":200")
                                .contains("\"ms\":")));
        assertThat(get("/metrics").statusCode())
                .as("this machine, but no token")
                .isEqualTo(403);
        assertThat(get("/metrics", "Authorization", "Bearer wrong-token-of-some-length")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> metrics = get("/metrics", "Authorization", "Bearer " + TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("broadsheet_http_requests_seconds_count");
        assertThat(metrics.body().lines())
                .as("DB_POOL sizes the pool")
                .anySatisfy(l -> assertThat(l).matches("broadsheet_db_pool_max(\\{.*\\})? 12(\\.0)?"));
    }

    @Test
    @Order(1)
    void whileTheDatabaseHangsHealthAnswersAndPagesFailFastWith503() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        List<Long> pg = postgres();
        assertThat(pg).isNotEmpty();
        pg.forEach(pid -> signal("STOP", pid));
        try {
            assertThat(get("/healthz").statusCode()).isEqualTo(200);
            Waiting.upTo(Duration.ofSeconds(15)).untilAsserted(() -> {
                HttpResponse<String> ready = get("/readyz");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("the database has not answered");
            });
            HttpResponse<String> page = get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("We will be back in a moment");
        } finally {
            pg.forEach(pid -> signal("CONT", pid));
        }
        Waiting.upTo(Duration.ofSeconds(20))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(get("/").statusCode()).isEqualTo(200));
        // ready again once the failed requests of the outage are out of the window
        Waiting.upTo(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(get("/readyz").statusCode()).isEqualTo(200));
    }

    @Test
    @Order(2)
    void whenTheEmbeddedDatabaseDiesItIsRestartedAndPagesRecover() throws Exception {
        long postmaster = postgres().get(0);
        signal("KILL", postmaster);
        // a restart runs PostgreSQL's crash recovery: under a load average of 70 it took over 30 s here
        Waiting.upTo(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            assertThat(get("/").statusCode()).isEqualTo(200);
            assertThat(postgres()).isNotEmpty().doesNotContain(postmaster);
        });
        assertThat(log().lines().filter(l -> l.contains("The embedded PostgreSQL has died")))
                .as(log())
                .hasSize(1);
        Waiting.upTo(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> ready = get("/readyz");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        });
    }

    @Test
    @Order(3)
    void sigtermStopsCleanlyWithExitCodeZero() throws Exception {
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(40, TimeUnit.SECONDS)).as(log()).isTrue();
        assertThat(server.exitValue()).as(log()).isZero();
    }
}
