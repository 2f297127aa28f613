package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.ExifSample;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploading photos over real multipart HTTP: what is accepted, what is refused, and what is left behind. */
class PhotoUploadTest {

    static TestApp t;
    static WebClient writer;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        writer.get("/newsroom/photos/new"); // as a browser would: the form page sets the CSRF cookie
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static HttpResponse<String> upload(
            WebClient c, String fileName, String type, byte[] bytes, String caption, String credit, String alt) {
        return c.postMultipart(
                "/newsroom/photos",
                new Multipart()
                        .file("file", fileName, type, bytes)
                        .field("caption", caption)
                        .field("credit", credit)
                        .field("altText", alt));
    }

    static Set<String> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int photoRows() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from photos")
                        .mapTo(Integer.class)
                        .one());
    }

    static long newestPhoto() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select max(id) from photos")
                        .mapTo(Long.class)
                        .one());
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PhotoUploadTest.class.getResourceAsStream("/photos/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theUploadFormIsValidAndSendsAMultipartFormWithItsToken() {
        var r = writer.get("/newsroom/photos/new");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        Document d = Jsoup.parse(r.body());
        var form = d.selectFirst("form[method=post]");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.selectFirst("input[name=_csrf]").val())
                .isEqualTo(writer.cookie("bs_csrf").orElseThrow());
        assertThat(form.select("label[for=f-file], label[for=f-caption], label[for=f-credit], label[for=f-altText]"))
                .hasSize(4);
    }

    @Test
    void aJpegWithExifAndGpsIsStoredWithoutThemAndItsDerivativesToo() throws IOException {
        byte[] jpeg = ExifSample.jpegWithExif(ExifSample.picture(900, 600, new Color(200, 80, 40)), 1);
        assertThat(ExifSample.carriesMetadata(jpeg)).isTrue();
        var r = upload(
                writer,
                "harbour.jpg",
                "image/jpeg",
                jpeg,
                "Boats in the harbour at dawn.",
                "Ana Ruiz / The Ledger",
                "Fishing boats moored in a row");
        assertThat(r.statusCode()).isEqualTo(303);
        long id = newestPhoto();
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/photos/" + id + "?done=uploaded");

        record Row(String key, String mime, int w, int h, String caption, Long by) {}
        Row row = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select file_key, mime_type, width, height, caption, uploaded_by from photos where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getString(5),
                                rs.getLong(6)))
                        .one());
        assertThat(row.mime()).isEqualTo("image/jpeg");
        assertThat(row.w()).isEqualTo(900);
        assertThat(row.h()).isEqualTo(600);
        assertThat(row.caption()).isEqualTo("Boats in the harbour at dawn.");
        byte[] stored = t.fixtures.original(row.key());
        assertThat(ExifSample.carriesMetadata(stored)).isFalse();
        assertThat(ExifSample.indexOf(stored, "Exif".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(-1);

        // 320 and 640 are made at upload; every derivative, eager or lazy, is free of metadata
        Path derived = t.dataDir.resolve("media").resolve("derived");
        assertThat(derived.resolve(row.key() + "-w320.jpg")).exists();
        assertThat(derived.resolve(row.key() + "-w640.jpg")).exists();
        for (int w : new int[] {320, 640, 900}) {
            var img = t.getBytes("/media/" + row.key() + "-w" + w + ".jpg");
            assertThat(img.statusCode()).isEqualTo(200);
            assertThat(ExifSample.carriesMetadata(img.body())).isFalse();
        }

        var audit = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select action from audit_log where subject_type = 'photo' and subject_id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .list());
        assertThat(audit).containsExactly("uploaded photo");

        var page = writer.get("/newsroom/photos/" + id + "?done=uploaded");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        assertThat(Jsoup.parse(page.body()).select("[role=status]").text()).contains("in the library");
    }

    @Test
    void pngAndWebpAreAcceptedAndCleanedToo() throws IOException {
        byte[] png = ExifSample.pngWithExif(ExifSample.picture(400, 300, Color.CYAN));
        var r = upload(writer, "chart.png", "image/png", png, "", "", "");
        assertThat(r.statusCode()).isEqualTo(303);
        String key = fileKey(newestPhoto());
        assertThat(ExifSample.carriesMetadata(t.fixtures.original(key))).isFalse();

        byte[] webp = resource("exif.webp");
        assertThat(ExifSample.carriesMetadata(webp)).isTrue();
        r = upload(writer, "square.webp", "image/webp", webp, "A square.", "Test", "A blue square");
        assertThat(r.statusCode()).isEqualTo(303);
        long id = newestPhoto();
        String mime = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select mime_type from photos where id = " + id)
                        .mapTo(String.class)
                        .one());
        assertThat(mime).isEqualTo("image/webp");
        assertThat(ExifSample.carriesMetadata(t.fixtures.original(fileKey(id)))).isFalse();
        assertThat(t.getBytes("/media/" + fileKey(id) + "-w64.jpg").statusCode())
                .isEqualTo(200);
    }

    @Test
    void badFilesAreRefusedNextToTheFileFieldAndLeaveNothingBehind() throws IOException {
        byte[] jpeg = ExifSample.encode(ExifSample.picture(300, 200, Color.MAGENTA), "jpeg");
        byte[] corrupt = Arrays.copyOf(jpeg, jpeg.length);
        for (int i = jpeg.length / 3; i < jpeg.length - 2; i++)
            corrupt[i] = (byte) 0x11; // right magic bytes, broken data
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] text = "Minutes of the harbour board meeting, 30 November.\n"
                .repeat(20)
                .getBytes(StandardCharsets.UTF_8);

        java.util.List<String> before = t.fixtures.originalKeys();
        int rows = photoRows();
        record Case(String name, String type, byte[] bytes, String expected) {}
        for (Case c : new Case[] {
            new Case("notes.jpg", "image/jpeg", text, "is not a JPEG, PNG or WebP image"),
            new Case("broken.jpg", "image/jpeg", corrupt, "damaged or cut short"),
            new Case("half.jpg", "image/jpeg", truncated, "damaged or cut short"),
            new Case("empty.jpg", "image/jpeg", new byte[0], "is empty"),
            new Case("", "application/octet-stream", new byte[0], "Choose a photo to upload")
        }) {
            var r = upload(
                    writer, c.name(), c.type(), c.bytes(), "Kept caption " + c.name(), "Kept credit", "Kept alt");
            assertThat(r.statusCode()).as(c.name()).isEqualTo(422);
            Document d = Jsoup.parse(r.body());
            assertThat(d.select("#f-file-error").text()).as(c.name()).contains(c.expected());
            assertThat(d.selectFirst("#f-file").attr("aria-describedby")).contains("f-file-error");
            assertThat(d.select(".error-summary a[href=#f-file]")).hasSize(1);
            // what was typed stays; the file cannot
            assertThat(d.selectFirst("#f-caption").text()).isEqualTo(("Kept caption " + c.name()).strip());
            assertThat(d.selectFirst("#f-credit").val()).isEqualTo("Kept credit");
            assertThat(d.selectFirst("#f-altText").text()).isEqualTo("Kept alt");
            assertThat(HtmlValidator.problems(r.body())).as(c.name()).isEmpty();
        }
        assertThat(t.fixtures.originalKeys()).isEqualTo(before);
        assertThat(photoRows()).isEqualTo(rows);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeAndNothingIsKept() {
        java.util.List<String> before = t.fixtures.originalKeys();
        int rows = photoRows();
        byte[] big = ExifSample.encode(ExifSample.picture(200, 100, Color.BLUE), "jpeg");
        byte[] oversize = Arrays.copyOf(big, (int) PhotoService.MAX_UPLOAD_BYTES + 1);
        var r = upload(writer, "huge.jpg", "image/jpeg", oversize, "A huge one", "", "");
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#f-file-error").text())
                .contains("“huge.jpg” is 20.0 MB")
                .contains("the most we accept is 20 MB");
        assertThat(d.selectFirst("#f-caption").text()).isEqualTo("A huge one");
        assertThat(t.fixtures.originalKeys()).isEqualTo(before);
        assertThat(photoRows()).isEqualTo(rows);
    }

    @Test
    void aFileFarOverTheLimitIsCutOffWithAClearPage() {
        java.util.List<String> before = t.fixtures.originalKeys();
        byte[] enormous = new byte[(int) ((broadsheet.web.Uploads.MAX_REQUEST_MB + 2) * 1024 * 1024)];
        var r = upload(writer, "enormous.jpg", "image/jpeg", enormous, "", "", "");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(r.body()).text()).contains("20 MB");
        assertThat(t.fixtures.originalKeys()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutTheTokenIsRefused() {
        int rows = photoRows();
        byte[] png = ExifSample.encode(ExifSample.picture(50, 50, Color.BLACK), "png");
        var r = writer.postMultipart(
                "/newsroom/photos",
                new Multipart()
                        .field("_csrf", "wrong-token-wrong-token-wrong-token-wrong-t")
                        .file("file", "a.png", "image/png", png));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(photoRows()).isEqualTo(rows);
    }

    @Test
    void wordsThatAreTooLongAreRefusedAndTheFileMustBeChosenAgain() {
        int rows = photoRows();
        byte[] png = ExifSample.encode(ExifSample.picture(50, 50, Color.BLACK), "png");
        var r = upload(writer, "a.png", "image/png", png, "x".repeat(PhotoRules.MAX_CAPTION + 1), "Credit", "Alt");
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#f-caption-error").text()).contains("1001 characters");
        assertThat(d.select("#f-file-hint").text()).contains("Choose the file again");
        assertThat(photoRows()).isEqualTo(rows);
    }

    static String fileKey(long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select file_key from photos where id = " + id)
                        .mapTo(String.class)
                        .one());
    }
}
