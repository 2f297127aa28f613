package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-comments adds comments to an archive and times the moderation queue with its query plans. */
class BenchCommentsTest {

    @Test
    void generatesCommentsAndMeasuresTheQueue(@TempDir Path dir) {
        try (Database db = TestDb.fresh()) {
            String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
            StringWriter err = new StringWriter();
            String[] none = {"bench-comments", "--comments", "10", "--database-url", url, "--data-dir", dir.toString()};
            assertThat(Tools.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), none))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("no published articles");

            String[] data = {
                "bench-data", "--articles", "50", "--photos", "3", "--database-url", url, "--data-dir", dir.toString()
            };
            assertThat(Tools.execute(
                            new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), data))
                    .isZero();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream old = System.out;
            System.setOut(new java.io.PrintStream(out, true));
            try {
                String[] args = {
                    "bench-comments",
                    "--comments",
                    "3000",
                    "--runs",
                    "2",
                    "--database-url",
                    url,
                    "--data-dir",
                    dir.toString()
                };
                assertThat(Tools.execute(
                                new PrintWriter(new StringWriter(), true),
                                new PrintWriter(new StringWriter(), true),
                                args))
                        .isZero();
            } finally {
                System.setOut(old);
            }
            long count = db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from comments")
                            .mapTo(Long.class)
                            .one());
            assertThat(count).isEqualTo(3000);
            String printed = out.toString();
            assertThat(printed)
                    .contains("Comments: 3,000; in the moderation queue:")
                    .contains("first page (50), no filter: median")
                    .contains("deep page (50)")
                    .contains("Execution Time");
        }
    }
}
