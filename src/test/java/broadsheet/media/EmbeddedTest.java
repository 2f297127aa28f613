package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.ExifSample;
import broadsheet.testing.IptcSample;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words a wire photo carries are read on upload, and none of them (nor EXIF or GPS) is stored. */
class EmbeddedTest {

    @TempDir
    Path dir;

    static final BufferedImage PICTURE = ExifSample.picture(64, 48, new Color(30, 90, 160));

    @Test
    void xmpCaptionCreditCreatorAndAltTextAreReadAndThenRemoved() throws Exception {
        byte[] upload = new IptcSample()
                .withGps()
                .xmpDescription("Ferry workers walk out at Ostrava Quay, 6 December 2026.")
                .xmpCreator("Mirela Vance")
                .xmpCredit("Northwind Press")
                .xmpRights("© 2026 Northwind Press")
                .xmpAltText("Workers in orange vests stand at a quay holding a banner.")
                .jpeg(PICTURE);
        MediaFiles.Checked c = MediaFiles.check(upload);

        Embedded e = c.embedded();
        assertThat(e.description()).isEqualTo("Ferry workers walk out at Ostrava Quay, 6 December 2026.");
        assertThat(e.creator()).isEqualTo("Mirela Vance");
        assertThat(e.creditLine()).isEqualTo("Northwind Press");
        assertThat(e.copyright()).isEqualTo("© 2026 Northwind Press");
        assertThat(e.altText()).isEqualTo("Workers in orange vests stand at a quay holding a banner.");
        assertThat(e.credit()).isEqualTo("Mirela Vance/Northwind Press");

        assertThat(IptcSample.carriesWords(upload)).isTrue();
        assertThat(IptcSample.carriesWords(c.bytes(), "Mirela", "Northwind", "orange vests"))
                .as("nothing of the metadata is stored")
                .isFalse();
    }

    @Test
    void iimIsReadInUtf8WhenThereIsNoXmpAndXmpWinsWhereBothSaySomething() throws Exception {
        byte[] iimOnly = new IptcSample()
                .iim(IptcSample.CAPTION, "Dvořák Hall reopens after the flood.")
                .iim(IptcSample.BY_LINE, "Zoë Ångström")
                .iim(IptcSample.CREDIT, "Northwind Press")
                .iim(IptcSample.COPYRIGHT, "© Northwind Press")
                .jpeg(PICTURE);
        Embedded e = MediaFiles.check(iimOnly).embedded();
        assertThat(e.description()).isEqualTo("Dvořák Hall reopens after the flood.");
        assertThat(e.credit()).isEqualTo("Zoë Ångström/Northwind Press");
        assertThat(e.altText()).isEmpty(); // IIM has no alt text field

        byte[] both = new IptcSample()
                .iim(IptcSample.CAPTION, "old IIM caption")
                .iim(IptcSample.BY_LINE, "Zoë Ångström")
                .xmpDescription("The XMP caption")
                .jpeg(PICTURE);
        Embedded b = MediaFiles.check(both).embedded();
        assertThat(b.description()).isEqualTo("The XMP caption");
        assertThat(b.creator()).isEqualTo("Zoë Ångström"); // only IIM had it
    }

    @Test
    void theCreditReadsLikePhotographerSlashAgency() {
        assertThat(new Embedded("", "", "Ana Ruiz", "", "Northwind Press", "").credit())
                .as("no credit line: creator and source")
                .isEqualTo("Ana Ruiz/Northwind Press");
        assertThat(new Embedded("", "Ana Ruiz/Northwind Press", "Ana Ruiz", "", "", "").credit())
                .as("a credit line that names the creator already is used as it is")
                .isEqualTo("Ana Ruiz/Northwind Press");
        assertThat(new Embedded("", "Northwind Press", "", "", "", "").credit()).isEqualTo("Northwind Press");
        assertThat(new Embedded("", "", "Ana Ruiz", "", "", "").credit()).isEqualTo("Ana Ruiz");
        assertThat(new Embedded("", "", "", "© Ana Ruiz", "", "").credit())
                .as("nothing else: the copyright notice")
                .isEqualTo("© Ana Ruiz");
    }

    @Test
    void aPngsXmpIsReadTooAndAPhotoWithoutWordsHasNone() throws Exception {
        byte[] png = new IptcSample()
                .xmpDescription("A kite over Lantern Bay.")
                .xmpAltText("A red kite against a grey sky.")
                .png(PICTURE);
        MediaFiles.Checked c = MediaFiles.check(png);
        assertThat(c.embedded().description()).isEqualTo("A kite over Lantern Bay.");
        assertThat(c.embedded().altText()).isEqualTo("A red kite against a grey sky.");
        assertThat(IptcSample.carriesWords(c.bytes(), "kite")).isFalse();

        Path saved = dir.resolve("plain.jpg");
        Files.write(saved, ExifSample.encode(PICTURE, "jpeg"));
        assertThat(MediaFiles.check(Files.readAllBytes(saved)).embedded()).isEqualTo(Embedded.NONE);
    }
}
