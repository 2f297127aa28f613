package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-data fills an empty database with a published archive, lists its URLs, and refuses to fill twice. */
class BenchDataTest {

    @Test
    void generatesAnArchiveOnceAndAppendsOnlyWhenAsked(@TempDir Path dir) throws Exception {
        // three drawn photos, not fifty: drawing and checking them was most of this test's time
        try (Database db = TestDb.fresh()) {
            String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
            String[] args = {
                "bench-data", "--articles", "300", "--photos", "3", "--database-url", url, "--data-dir", dir.toString()
            };
            assertThat(Tools.execute(
                            new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args))
                    .isZero();
            long published = db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
                            .mapTo(Long.class)
                            .one());
            assertThat(published).isEqualTo(300);
            long withoutByline = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "select count(*) from articles a where not exists (select 1 from article_authors x where x.article_id = a.id)")
                            .mapTo(Long.class)
                            .one());
            assertThat(withoutByline).isZero();
            assertThat(Files.readAllLines(dir.resolve("bench-urls.txt")))
                    .hasSize(300)
                    .allMatch(l -> l.matches("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+"));

            StringWriter err = new StringWriter();
            assertThat(Tools.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("already has 300 articles");

            String[] append = {
                "bench-data",
                "--articles",
                "50",
                "--append",
                "--seed",
                "7",
                "--photos",
                "3",
                "--database-url",
                url,
                "--data-dir",
                dir.toString()
            };
            assertThat(Tools.execute(
                            new PrintWriter(new StringWriter(), true),
                            new PrintWriter(new StringWriter(), true),
                            append))
                    .isZero();
            long after = db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from articles")
                            .mapTo(Long.class)
                            .one());
            assertThat(after).isEqualTo(350);
            long photos = db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from photos")
                            .mapTo(Long.class)
                            .one());
            assertThat(photos).as("--photos 3, and --append reuses them").isEqualTo(3);
        }
    }
}
