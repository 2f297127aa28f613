package broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.testing.ExifSample;
import broadsheet.testing.IptcSample;
import broadsheet.testing.TestDb;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content file's photo without words takes them from its own IPTC/XMP; words the file gives win. */
class ContentPhotoWordsTest {

    @TempDir
    Path tmp;

    @Test
    void emptyCaptionCreditAndAltComeFromTheImagesIptc() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("paper/photos"));
        byte[] jpeg = new IptcSample()
                .withGps()
                .iim(IptcSample.CAPTION, "Lantern Bay lighthouse at dusk.")
                .iim(IptcSample.BY_LINE, "Ana Ruiz")
                .iim(IptcSample.SOURCE, "Northwind Press")
                .xmpAltText("A white lighthouse against an orange sky.")
                .jpeg(ExifSample.picture(300, 200, new Color(240, 140, 40)));
        Files.write(dir.resolve("lighthouse.jpg"), jpeg);
        Files.write(
                dir.resolve("lighthouse-2.jpg"),
                new IptcSample()
                        .iim(IptcSample.CAPTION, "Ignored: the file gives a caption")
                        .jpeg(ExifSample.picture(300, 200, Color.BLUE)));
        Path file = Files.writeString(tmp.resolve("paper/content.json"), """
                {
                  "format": "broadsheet-content/1",
                  "photos": [
                    { "id": "p1", "file": "photos/lighthouse.jpg" },
                    { "id": "p2", "file": "photos/lighthouse-2.jpg", "caption": "Our caption.", "credit": "Staff", "alt": "A lighthouse." }
                  ]
                }
                """);
        try (Database db = TestDb.fresh()) {
            MediaFiles media = new MediaFiles(tmp.resolve("media"), db.jdbi());
            new Importer(db.jdbi(), media).importFile(file);
            List<String> rows = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "select caption || ' | ' || credit || ' | ' || alt_text from photos order by external_id")
                            .mapTo(String.class)
                            .list());
            assertThat(rows)
                    .containsExactly(
                            "Lantern Bay lighthouse at dusk. | Ana Ruiz/Northwind Press | A white lighthouse against an orange sky.",
                            "Our caption. | Staff | A lighthouse.");
            String key = db.jdbi()
                    .withHandle(h -> h.createQuery("select file_key from photos where external_id = 'p1'")
                            .mapTo(String.class)
                            .one());
            assertThat(IptcSample.carriesWords(media.original(key).orElseThrow(), "Lantern", "Ana Ruiz"))
                    .isFalse();
        }
    }
}
