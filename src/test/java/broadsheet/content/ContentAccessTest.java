package broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article's access level travels through the content format: imported, checked, exported. */
class ContentAccessTest {

    @TempDir
    Path tmp;

    static final String FILE = """
            {
              "format": "broadsheet-content/1",
              "sections": [ { "slug": "politics", "name": "Politics" } ],
              "articles": [
                { "slug": "open-to-all", "headline": "Open to all", "section": "politics", "status": "published",
                  "publishedAt": "2026-11-29T08:30:00Z", "body": "Everyone reads this." },
                { "slug": "for-members", "headline": "For members", "section": "politics", "status": "published",
                  "publishedAt": "2026-11-29T08:40:00Z", "access": "registered", "body": "Members read this." },
                { "slug": "for-subscribers", "headline": "For subscribers", "section": "politics", "status": "published",
                  "publishedAt": "2026-11-29T08:50:00Z", "access": "%s", "body": "Subscribers read this." }
              ]
            }
            """;

    @Test
    void accessIsImportedAndExportedAndAnUnknownLevelImportsNothing() throws Exception {
        try (Database db = TestDb.fresh();
                Database again = TestDb.fresh()) {
            Jdbi jdbi = db.jdbi();
            Path bad = write("bad", FILE.formatted("paying"));
            assertThatThrownBy(() -> new Importer(jdbi, media("m0", jdbi)).importFile(bad))
                    .isInstanceOfSatisfying(
                            ImportException.class,
                            e -> assertThat(e.problems().toString())
                                    .contains("articles[2].access")
                                    .contains("unknown access \"paying\"")
                                    .contains("free, registered, subscribers"));
            assertThat(levels(jdbi)).isEmpty();

            new Importer(jdbi, media("m1", jdbi)).importFile(write("good", FILE.formatted("subscribers")));
            assertThat(levels(jdbi))
                    .containsExactly("for-members registered", "for-subscribers subscribers", "open-to-all free");

            Exporter.ExportResult out = new Exporter(jdbi, media("m1", jdbi)).export(tmp.resolve("export"));
            String json = Files.readString(out.file());
            assertThat(json).contains("\"access\" : \"subscribers\"").contains("\"access\" : \"registered\"");
            assertThat(json.split("\"access\"", -1)).hasSize(3); // free is the default and is left out

            new Importer(again.jdbi(), media("m2", again.jdbi())).importFile(out.file());
            assertThat(levels(again.jdbi())).isEqualTo(levels(jdbi));
        }
    }

    private Path write(String name, String json) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return Files.writeString(dir.resolve("content.json"), json);
    }

    private MediaFiles media(String name, Jdbi jdbi) {
        return new MediaFiles(tmp.resolve(name), jdbi);
    }

    private static List<String> levels(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select slug || ' ' || access from articles order by slug")
                .mapTo(String.class)
                .list());
    }
}
