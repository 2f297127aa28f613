package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.db.Database;
import broadsheet.testing.ExifSample;
import broadsheet.testing.TestDb;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {

    @TempDir
    Path dir;

    static Database db;

    @BeforeAll
    static void database() {
        db = TestDb.fresh();
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    private MediaFiles media() {
        return new MediaFiles(dir, db.jdbi());
    }

    private static List<String> originals() {
        return db.jdbi().withHandle(h -> OriginalDao.keys(h));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = MediaFilesTest.class.getResourceAsStream("/photos/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void typeComesFromTheBytesNotTheName() throws IOException {
        BufferedImage img = ExifSample.picture(40, 30, Color.BLUE);
        assertThat(MediaFiles.sniff(ExifSample.encode(img, "jpeg"))).hasValue("image/jpeg");
        assertThat(MediaFiles.sniff(ExifSample.encode(img, "png"))).hasValue("image/png");
        assertThat(MediaFiles.sniff(resource("plain.webp"))).hasValue("image/webp");
        assertThat(MediaFiles.sniff("GIF89a and more bytes".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(MediaFiles.sniff("just some text, saved as photo.jpg".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(MediaFiles.sniff("RIFF1234WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(MediaFiles.sniff(new byte[0])).isEmpty();
    }

    @Test
    void exifAndGpsAreRemovedFromJpegPngAndWebp() throws Exception {
        MediaFiles media = media();
        BufferedImage img = ExifSample.picture(60, 40, new Color(20, 120, 60));
        byte[] jpeg = ExifSample.jpegWithExif(img, 1);
        byte[] png = ExifSample.pngWithExif(img);
        byte[] webp = resource("exif.webp");
        for (byte[] upload : new byte[][] {jpeg, png, webp}) {
            assertThat(ExifSample.carriesMetadata(upload)).isTrue();
            MediaFiles.Checked c = media.check(upload);
            assertThat(ExifSample.carriesMetadata(c.bytes())).as(c.mimeType()).isFalse();
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(c.bytes()));
            assertThat(back.getWidth()).isEqualTo(c.width());
            assertThat(back.getHeight()).isEqualTo(c.height());
        }
        // the JPEG's pixels are kept as they were: only the APP1 segment went
        MediaFiles.Checked j = media.check(jpeg);
        assertThat(j.bytes()).isEqualTo(ExifSample.encode(img, "jpeg"));
        assertThat(j.fileKey()).isEqualTo(MediaFiles.sha256(j.bytes()));
        // WebP: the VP8X header no longer announces EXIF or XMP, and the RIFF size adds up
        byte[] w = media.check(webp).bytes();
        assertThat(w[20] & 0x0C).isZero();
        assertThat((w[4] & 0xFF) | (w[5] & 0xFF) << 8 | (w[6] & 0xFF) << 16).isEqualTo(w.length - 8);
    }

    @Test
    void aRotatedPhoneJpegIsTurnedUpright() throws Exception {
        BufferedImage img = ExifSample.picture(80, 40, Color.BLUE); // red block top-left
        MediaFiles.Checked c = media().check(ExifSample.jpegWithExif(img, 6));
        assertThat(c.width()).isEqualTo(40);
        assertThat(c.height()).isEqualTo(80);
        BufferedImage up = ImageIO.read(new ByteArrayInputStream(c.bytes()));
        assertThat(new Color(up.getRGB(37, 3)).getRed()).isGreaterThan(200); // a quarter turn right: now top-right
        assertThat(new Color(up.getRGB(2, 3)).getRed()).isLessThan(100);
        assertThat(ExifSample.carriesMetadata(c.bytes())).isFalse();
    }

    @Test
    void damagedAndDisguisedFilesAreRefusedWithoutWritingAnything() throws Exception {
        MediaFiles media = media();
        List<String> before = originals();
        BufferedImage img = ExifSample.picture(60, 40, Color.ORANGE);
        byte[] jpeg = ExifSample.encode(img, "jpeg");
        byte[] png = ExifSample.encode(img, "png");
        byte[] garbage = new byte[500];
        new java.util.Random(1).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        byte[] flipped = png.clone();
        flipped[png.length - 20] ^= 0x55; // inside the image data: the chunk's CRC no longer matches
        byte[] webp = resource("plain.webp");
        byte[][] damaged = {
            Arrays.copyOf(jpeg, jpeg.length / 2),
            garbage,
            flipped,
            Arrays.copyOf(png, png.length - 30),
            Arrays.copyOf(webp, webp.length - 40),
            "\u0089PNG\r\n\u001a\n not really".getBytes(StandardCharsets.ISO_8859_1)
        };
        for (byte[] d : damaged) {
            assertThatThrownBy(() -> media.check(d))
                    .isInstanceOf(MediaFiles.NotAnImage.class)
                    .satisfies(e -> assertThat(((MediaFiles.NotAnImage) e).reason())
                            .isEqualTo(MediaFiles.NotAnImage.Reason.DAMAGED));
        }
        assertThatThrownBy(() -> media.store("hello, I am text".getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((MediaFiles.NotAnImage) e).reason())
                        .isEqualTo(MediaFiles.NotAnImage.Reason.NOT_AN_IMAGE));
        assertThat(originals()).isEqualTo(before);
    }

    @Test
    void derivativesCanBeMadeAtUploadAndCarryNoMetadata() throws Exception {
        MediaFiles media = media();
        MediaFiles.Checked c = media.check(ExifSample.jpegWithExif(ExifSample.picture(700, 400, Color.GRAY), 1));
        media.keep(c);
        media.makeDerivatives(c, 320, 640);
        for (int w : new int[] {320, 640}) {
            Path p = dir.resolve("derived").resolve(c.fileKey() + "-w" + w + ".jpg");
            assertThat(p).exists();
            assertThat(ExifSample.carriesMetadata(Files.readAllBytes(p))).isFalse();
        }
        media.forget(c.fileKey());
        assertThat(originals()).doesNotContain(c.fileKey());
        assertThat(dir.resolve("derived").resolve(c.fileKey() + "-w320.jpg")).doesNotExist();
    }

    @Test
    void originalsAnEarlierVersionKeptOnDiskMoveIntoTheDatabase() throws Exception {
        MediaFiles.Checked c = media().check(ExifSample.encode(ExifSample.picture(120, 80, Color.PINK), "png"));
        Path old = Files.createDirectories(dir.resolve("originals"));
        Files.write(old.resolve(c.fileKey()), c.bytes());
        Files.writeString(old.resolve("0".repeat(64)), "not the bytes its name says");
        MediaFiles media = media();
        assertThat(media.original(c.fileKey())).hasValue(c.bytes());
        assertThat(old.resolve(c.fileKey())).doesNotExist();
        assertThat(old.resolve("0".repeat(64)))
                .as("a file whose name is not its hash is left alone")
                .exists();
        assertThat(media.derivative(c.fileKey() + "-w120.jpg")).isPresent();
    }

    @Test
    void aDerivativeCachedOnOneNodeIsNotServedOnceAnotherDeletedTheOriginal() throws Exception {
        MediaFiles one = media();
        MediaFiles.Checked c = one.check(ExifSample.encode(ExifSample.picture(300, 200, Color.GREEN), "jpeg"));
        one.keep(c);
        assertThat(one.derivative(c.fileKey() + "-w300.jpg")).isPresent();
        new MediaFiles(Files.createDirectories(dir.resolve("other-node")), db.jdbi()).forget(c.fileKey());
        assertThat(one.derivative(c.fileKey() + "-w300.jpg")).isEmpty();
        assertThat(dir.resolve("derived").resolve(c.fileKey() + "-w300.jpg")).doesNotExist();
    }
}
