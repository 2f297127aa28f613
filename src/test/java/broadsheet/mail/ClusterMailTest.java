package broadsheet.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.cli.Main;
import broadsheet.db.StartupException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail kept in local files (no SMTP_HOST) lives on one node's disk. A node on a shared database, the way a
 * cluster runs, refuses to start that way unless the operator says KEEP_MAIL_LOCALLY=on.
 */
class ClusterMailTest {

    @Test
    void serveOnASharedDatabaseWithoutSmtpRefusesToStartWithOneLineNamingTheSettings(@TempDir Path dir) {
        Assumptions.assumeTrue(
                System.getenv("SMTP_HOST") == null && System.getenv(MailConfig.KEEP_LOCALLY) == null,
                "the environment sets the mail settings this test leaves out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--database-url",
                "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString())
                .startsWith("broadsheet: SMTP_HOST is not set, but DATABASE_URL names a database that several nodes")
                .contains("KEEP_MAIL_LOCALLY=on");
        // refused before the database was tried (it is not there): the mail setting is the one named
        assertThat(err.toString()).doesNotContain("127.0.0.1:1");
    }

    @Test
    void smtpOrTheExplicitSettingOrTheEmbeddedDatabaseLetItStart() {
        String shared = "postgres://news:pw@db.example/news";
        assertThat(MailConfig.fromEnv(Map.of()).clusterProblem(true)).isPresent();
        assertThat(MailConfig.fromEnv(Map.of()).clusterProblem(false))
                .as("one machine, embedded database: mail kept locally is the development default")
                .isEmpty();
        assertThat(MailConfig.fromEnv(Map.of("SMTP_HOST", "smtp.example")).clusterProblem(true))
                .isEmpty();
        assertThat(MailConfig.fromEnv(Map.of(MailConfig.KEEP_LOCALLY, "on")).clusterProblem(true))
                .isEmpty();
        assertThat(MailConfig.fromEnv(Map.of(MailConfig.KEEP_LOCALLY, "off")).clusterProblem(true))
                .isPresent();
        assertThat(broadsheet.Config.fromEnv(Map.of("DATABASE_URL", shared))
                        .mail()
                        .clusterProblem(true))
                .isPresent();
        assertThatThrownBy(() -> MailConfig.fromEnv(Map.of(MailConfig.KEEP_LOCALLY, "yes")))
                .isInstanceOf(StartupException.class)
                .hasMessage("KEEP_MAIL_LOCALLY must be on or off, not 'yes'");
    }
}
