package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounces and complaints fed back from the command line land on the suppression list, once each. */
class SuppressCommandTest {

    @Test
    void addsAddressesFromArgumentsAndAFileAndNamesWhatIsNotAnAddress(@TempDir Path dir) throws Exception {
        try (Database db = TestDb.fresh()) {
            String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
            Path file = dir.resolve("complaints.txt");
            Files.writeString(file, "# from the feedback loop\nThird@Example.org\n\nnot an address\n");
            String[] args = {
                "suppress",
                "one@example.org",
                "two@example.org",
                "--file",
                file.toString(),
                "--reason",
                "complaint",
                "--database-url",
                url,
                "--data-dir",
                dir.toString()
            };
            int code = Main.execute(
                    new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
            assertThat(code).isEqualTo(1); // one line was not an address
            List<String> rows = db.jdbi()
                    .withHandle(
                            h -> h.createQuery("select email || ':' || reason from mail_suppressions order by email")
                                    .mapTo(String.class)
                                    .list());
            assertThat(rows)
                    .containsExactly(
                            "one@example.org:complaint", "third@example.org:complaint", "two@example.org:complaint");
            String[] again = {"suppress", "one@example.org", "--database-url", url, "--data-dir", dir.toString()};
            assertThat(Main.execute(
                            new PrintWriter(new StringWriter(), true),
                            new PrintWriter(new StringWriter(), true),
                            again))
                    .isZero();
            int count = db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from mail_suppressions")
                            .mapTo(Integer.class)
                            .one());
            assertThat(count).isEqualTo(3);
        }
    }
}
