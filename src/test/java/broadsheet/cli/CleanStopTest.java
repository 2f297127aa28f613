package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server as an operator or the README's Maven command does (SIGTERM; Ctrl+C is handled the
 * same way): exit code 0, and no error or stack trace.
 */
// Runs beside the other classes (its bounds, 120 s to start and 60 s to stop, hold on a busy machine),
// not beside another class that starts a whole server
@org.junit.jupiter.api.parallel.ResourceLock("server processes")
class CleanStopTest {

    @Test
    void sigtermStopsTheServerCleanlyWithExitCodeZero(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(ServerProcess.command(
                        // the product's logging, not the tests' quieter one
                        List.of("-Dlogback.configurationFile="
                                + Path.of("src/main/resources/logback.xml").toAbsolutePath()),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        dir.toString()))
                .redirectErrorStream(true)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> serving = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    if (line.contains("Broadsheet is serving")) serving.complete(null);
                }
            } catch (IOException e) {
                serving.completeExceptionally(e);
            }
        });
        try {
            try {
                serving.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the server did not start within 120 s:\n" + String.join("\n", lines), e);
            }
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(30_000);
            String out = String.join("\n", lines);
            assertThat(p.exitValue()).as(out).isZero();
            // (the "Broadsheet stopped cleanly" line shows with the packaged jar; from the test class path it
            // does not reach this pipe, for a reason not yet found: the exit code and the absence of errors are
            // what this test holds)
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("ERROR");
            // and its embedded PostgreSQL stopped with it (none started again while the JVM stopped)
            Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("PostgreSQL " + pid + " still running after the server exited")
                        .isFalse();
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
