package broadsheet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.ExifSample;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes on one database: a photo uploaded through one is served by the other, from the shared original. */
class SharedPhotosTest {

    static TestApp a;
    static TestApp b;

    @BeforeAll
    static void start() {
        TestApp.Options o = TestApp.Options.defaults().withMail(MailConfig.fromEnv(Map.of()));
        a = new TestApp(o);
        b = a.node(o);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void aPhotoUploadedThroughOneNodeIsServedByTheOtherAndGoneFromBothOnceDeleted() throws Exception {
        WebClient editor = a.signedIn("photo-editor@example.org", Role.EDITOR);
        editor.get("/newsroom/photos/new");
        byte[] jpeg = ExifSample.encode(ExifSample.picture(1000, 500, Color.ORANGE), "jpeg");
        var r = editor.postMultipart(
                "/newsroom/photos",
                new Multipart()
                        .file("file", "harbour.jpg", "image/jpeg", jpeg)
                        .field("caption", "The harbour at noon.")
                        .field("credit", "Desk")
                        .field("altText", "An orange field"));
        assertThat(r.statusCode()).isEqualTo(303);
        var photo = a.db.jdbi()
                .withHandle(h -> h.createQuery("select id, file_key from photos order by id desc limit 1")
                        .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("file_key")))
                        .one());
        String key = photo.getValue();

        // 960 is made by neither node at upload: node B makes it from the original in the database
        for (int w : new int[] {320, 960}) {
            var img = b.getBytes("/media/" + key + "-w" + w + ".jpg");
            assertThat(img.statusCode()).as("width " + w).isEqualTo(200);
            assertThat(img.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(img.body()));
            assertThat(read.getWidth()).isEqualTo(w);
            Color corner = new Color(read.getRGB(w - 5, 5));
            assertThat(corner.getRed()).as("the orange picture").isGreaterThan(200);
            assertThat(corner.getGreen()).as("the orange picture").isBetween(150, 230);
        }
        assertThat(b.dataDir.resolve("media/derived/" + key + "-w960.jpg")).exists();
        assertThat(a.dataDir.resolve("media/derived/" + key + "-w960.jpg"))
                .as("each node keeps its own derivatives")
                .doesNotExist();
        try (var files = Files.list(a.dataDir.resolve("media"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("derived");
        }

        editor.get("/newsroom/photos/" + photo.getKey());
        assertThat(editor.post("/newsroom/photos/" + photo.getKey() + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(b.getBytes("/media/" + key + "-w960.jpg").statusCode())
                .as("node B no longer serves its cached copy")
                .isEqualTo(404);
        assertThat(a.getBytes("/media/" + key + "-w320.jpg").statusCode()).isEqualTo(404);
    }
}
