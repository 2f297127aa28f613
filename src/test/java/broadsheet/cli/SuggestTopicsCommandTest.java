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

/** {@code import --suggest-topics} and {@code suggest-topics} over the archive, on a real content file. */
class SuggestTopicsCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Two articles without topics naming the paper's topics and new people; one with a topic already. */
    static final String FILE = """
            {
              "format": "broadsheet-content/1",
              "sections": [ { "slug": "world", "name": "World", "description": "", "position": 1 },
                            { "slug": "city", "name": "City", "description": "", "position": 2 } ],
              "topics": [
                { "slug": "meng-wanzhou", "name": "Meng Wanzhou", "kind": "person", "aliases": ["Ms. Meng"] },
                { "slug": "housing", "name": "Housing", "kind": "subject", "aliases": ["rents"] } ],
              "articles": [
                { "id": "a1", "slug": "talks-in-washington", "headline": "Ambassador Oskar Lindqvist meets Ms. Meng",
                  "deck": "The talks at the Halvard Bank turned on two detained citizens.", "section": "world",
                  "kind": "news", "status": "published", "publishedAt": "2026-11-29T08:30:00Z",
                  "body": "Oskar Lindqvist, the ambassador, said the talks with Ms. Meng were frank.\\n\\nMr. Lindqvist flew to Washington after the Halvard Bank asked for a meeting." },
                { "id": "a2", "slug": "rents-rise", "headline": "Rents rise again in the harbour city",
                  "deck": "Tenants say rents have doubled.", "section": "city", "kind": "news",
                  "status": "published", "publishedAt": "2026-11-30T08:30:00Z",
                  "body": "Rents rose for the tenth month, said Greta Halvorsen of the Tenants Union." },
                { "id": "a3", "slug": "already-tagged", "headline": "Ms. Meng speaks", "section": "world",
                  "kind": "news", "status": "published", "publishedAt": "2026-11-30T09:30:00Z",
                  "topics": ["meng-wanzhou"], "body": "Meng Wanzhou spoke about rents." } ]
            }
            """;

    static List<String> topicsOf(Database db, String slug) {
        return db.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                        select t.slug from article_topics x join topics t on t.id = x.topic_id
                          join articles a on a.id = x.article_id where a.slug = :s order by x.position""").bind("s", slug).mapTo(String.class).list());
    }

    static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void importGivesArticlesWithoutTopicsTheSuggestedOnes(@TempDir Path dir) throws Exception {
        try (Database db = TestDb.fresh()) {
            String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
            Path file = dir.resolve("content.json");
            Files.writeString(file, FILE);
            Run r = run(
                    "import", "--suggest-topics", "--database-url", url, "--data-dir", dir.toString(), file.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("Topics for talks-in-washington: Meng Wanzhou")
                    .contains("Topics for rents-rise: Housing")
                    .doesNotContain("Topics for already-tagged");
            assertThat(topicsOf(db, "talks-in-washington")).containsExactly("meng-wanzhou");
            assertThat(topicsOf(db, "rents-rise")).containsExactly("housing");
            assertThat(topicsOf(db, "already-tagged")).containsExactly("meng-wanzhou");
            assertThat(count(db, "select count(*) from topics"))
                    .as("no new topic without --new-topics")
                    .isEqualTo(2);

            // with --new-topics, the new people, organizations and places are created too
            Run again = run(
                    "import",
                    "--suggest-topics",
                    "--new-topics",
                    "--database-url",
                    url,
                    "--data-dir",
                    dir.toString(),
                    file.toString());
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains("Oskar Lindqvist (person)");
            assertThat(topicsOf(db, "talks-in-washington")).contains("meng-wanzhou", "oskar-lindqvist");
            assertThat(count(db, "select count(*) from topics where slug = 'oskar-lindqvist' and kind = 'person'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aDryRunWritesNothingAndApplyWritesAuditedVersions(@TempDir Path dir) throws Exception {
        try (Database db = TestDb.fresh()) {
            String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
            Path file = dir.resolve("content.json");
            Files.writeString(file, FILE);
            String[] base = {"--database-url", url, "--data-dir", dir.toString()};
            assertThat(run(concat(new String[] {"import", file.toString()}, base))
                            .code())
                    .isZero();
            int versions = count(db, "select sum(version) from articles");
            int audit = count(db, "select count(*) from audit_log");

            Run dry = run(concat(new String[] {"suggest-topics", "--new-topics"}, base));
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.out())
                    .containsPattern("would add to \\d+ talks-in-washington: .*Meng Wanzhou")
                    .containsPattern("talks-in-washington: .*Oskar Lindqvist \\(person\\)")
                    .contains("rents-rise: Housing")
                    .contains("a dry run: nothing was written");
            assertThat(topicsOf(db, "talks-in-washington")).isEmpty();
            assertThat(count(db, "select count(*) from topics")).isEqualTo(2);
            assertThat(count(db, "select sum(version) from articles")).isEqualTo(versions);
            assertThat(count(db, "select count(*) from audit_log")).isEqualTo(audit);

            assertThat(run(concat(new String[] {"suggest-topics", "--limit", "1"}, base))
                            .out())
                    .contains("of 1 articles")
                    .contains("talks-in-washington")
                    .doesNotContain("rents-rise");

            // a section's filter, then --apply
            Run city = run(concat(new String[] {"suggest-topics", "--section", "city", "--apply"}, base));
            assertThat(city.code()).as(city.err()).isZero();
            assertThat(city.out())
                    .contains("added to")
                    .contains("rents-rise: Housing")
                    .doesNotContain("talks");
            assertThat(topicsOf(db, "rents-rise")).containsExactly("housing");
            assertThat(topicsOf(db, "talks-in-washington")).isEmpty();

            int talksVersion = count(db, "select version from articles where slug = 'talks-in-washington'");
            Run all = run(concat(new String[] {"suggest-topics", "--untagged", "--new-topics", "--apply"}, base));
            assertThat(all.code()).as(all.err()).isZero();
            assertThat(all.out()).contains("Added 3 topics to 1 of 1 articles");
            assertThat(topicsOf(db, "talks-in-washington"))
                    .containsExactlyInAnyOrder("meng-wanzhou", "oskar-lindqvist", "halvard-bank");
            assertThat(count(db, "select version from articles where slug = 'talks-in-washington'"))
                    .as("a new version")
                    .isEqualTo(talksVersion + 1);
            assertThat(count(db, """
                            select count(*) from article_revisions r join articles a on a.id = r.article_id
                             where a.slug = 'talks-in-washington' and r.version = a.version""")).as("a revision for the new version").isEqualTo(1);
            assertThat(count(db, """
                            select count(*) from audit_log
                             where actor_label = 'system' and action = 'edited' and detail like '%suggested topics added%'""")).isEqualTo(2);
            assertThat(count(db, "select count(*) from audit_log where action = 'created' and subject_type = 'topic'"))
                    .isEqualTo(2);

            // bad options name what is wrong
            assertThat(run(concat(new String[] {"import", "--new-topics", file.toString()}, base))
                            .err())
                    .contains("--new-topics works only with --suggest-topics");
            assertThat(run(concat(new String[] {"suggest-topics", "--limit", "0"}, base))
                            .err())
                    .contains("--limit must be 1 or more");
            assertThat(run(concat(new String[] {"suggest-topics", "--section", "nowhere"}, base))
                            .err())
                    .contains("no section has the slug nowhere");
            assertThat(run(concat(new String[] {"suggest-topics", "--since", "yesterday"}, base))
                            .err())
                    .contains("--since takes a day");
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
