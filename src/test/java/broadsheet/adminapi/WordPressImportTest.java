package broadsheet.adminapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration example in tools/: the WordPress sample export copied into the running app through the
 * Admin API by the script itself (Python 3, as a user would run it), and a second run copying nothing twice.
 */
class WordPressImportTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    record Run(int exit, String output) {}

    private static Run run(TestApp t, String token, long section, long author) throws Exception {
        ProcessBuilder b = new ProcessBuilder(
                        "python3",
                        "tools/wordpress-import.py",
                        "tools/wordpress-sample.json",
                        "--base",
                        "http://localhost:" + t.app.port(),
                        "--section",
                        String.valueOf(section),
                        "--author",
                        String.valueOf(author))
                .redirectErrorStream(true);
        b.environment().put("BROADSHEET_TOKEN", token);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the script ends").isTrue();
        return new Run(p.exitValue(), out);
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theSampleExportIsCopiedOnceWithItsPublishedPostsPublished(TestApp t) throws Exception {
        assumeTrue(pythonAvailable(), "python3 runs the migration example");
        assertThat(Files.exists(Path.of("tools/wordpress-sample.json"))).isTrue();
        long section = t.fixtures.section("port", "Port");
        long author = t.fixtures.author("wp-writer", "Wendy Press");
        var editor = t.signedIn("migrator@example.org", Role.EDITOR);
        String token = AdminApiClient.makeToken(editor, "WordPress migration");

        Run first = run(t, token, section, author);
        assertThat(first.exit()).as(first.output()).isZero();

        List<Map<String, Object>> rows = t.fixtures
                .jdbi()
                .withHandle(
                        h -> h.createQuery("""
                        select a.slug, a.headline, a.deck, a.status, a.body,
                               (select string_agg(author_id::text, ',') from article_authors x where x.article_id = a.id) as bylines
                          from articles a where a.section_id = :s order by a.id""").bind("s", section).mapToMap().list());
        assertThat(rows)
                .extracting(r -> r.get("slug"))
                .containsExactly(
                        "harbour-bill-passes-second-reading",
                        "ferry-timetable-draft",
                        "market-day-returns-to-the-quay");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("published", "draft", "published");
        assertThat(first.output().lines())
                .as("the run shown in docs/api.md")
                .containsExactly(
                        "copied harbour-bill-passes-second-reading as article 1 (published)",
                        "copied ferry-timetable-draft as article 2 (draft)",
                        "copied market-day-returns-to-the-quay as article 3 (published)");
        assertThat(rows.get(0).get("headline")).isEqualTo("Harbour bill passes “second reading”");
        assertThat(rows.get(0).get("deck")).isEqualTo("A close vote after a long night’s debate.");
        assertThat((String) rows.get(0).get("body"))
                .contains("by **three votes** on Monday")
                .contains("## What changes")
                .contains("- The [Dock Authority](https://old.example/dock-authority/) gets a new board")
                .contains("> It is a good day for the port.");
        assertThat(rows.get(0).get("bylines")).isEqualTo(String.valueOf(author));

        Run second = run(t, token, section, author);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output().lines().filter(l -> l.startsWith("skipped"))).hasSize(3);
        int count = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from articles where section_id = :s")
                        .bind("s", section)
                        .mapTo(Integer.class)
                        .one());
        assertThat(count).as("nothing copied twice").isEqualTo(3);
    }
}
