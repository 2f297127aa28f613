package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when the site cannot start: one line naming the problem, no stack trace. */
class StartupErrorsTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void portAlreadyTaken(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run r = run(
                    "serve",
                    "--port",
                    String.valueOf(taken.getLocalPort()),
                    "--database-url",
                    "jdbc:postgresql://127.0.0.1:1/none",
                    "--data-dir",
                    dir.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).startsWith("broadsheet: port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void dataDirThatCannotBeWritten(@TempDir Path dir) throws IOException {
        Path notADir = Files.writeString(dir.resolve("data"), "a file, not a folder");
        Run r = run("migrate", "--data-dir", notADir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("broadsheet: the data directory ").contains("is not writable");
    }

    @Test
    void databaseUnreachable(@TempDir Path dir) {
        Run r = run(
                "migrate", "--data-dir", dir.toString(), "--database-url", "postgres://nobody:secret@127.0.0.1:1/news");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("broadsheet: cannot reach the database at jdbc:postgresql://127.0.0.1:1/news")
                .doesNotContain("secret");
    }

    @Test
    void badDatabaseUrl(@TempDir Path dir) {
        Run r = run("migrate", "--data-dir", dir.toString(), "--database-url", "mysql://x");
        assertThat(r.err()).startsWith("broadsheet: DATABASE_URL must start with jdbc:postgresql: or postgres://");
    }

    @Test
    void importOfAMissingFileSaysSo(@TempDir Path dir) {
        Run r = run(
                "import", "--data-dir", dir.toString(), dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: no such file");
    }
}
