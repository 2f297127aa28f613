package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.ExifSample;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.IptcSample;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A wire photo uploaded in the newsroom: the fields left empty are filled from its IPTC/XMP, the
 * editor sees them prefilled and can change them, and what is served carries none of its metadata.
 */
class PhotoWordsFromFileTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static WebClient editor;

    @BeforeAll
    static void signIn(TestApp t) {
        editor = t.signedIn("photo-desk@example.org", Role.EDITOR);
        editor.get("/newsroom/photos/new"); // the form page sets the CSRF cookie
    }

    static byte[] wirePhoto(Color c) {
        return new IptcSample()
                .withGps()
                .iim(IptcSample.CAPTION, "Old IIM caption that the XMP replaces")
                .iim(IptcSample.BY_LINE, "Mirela Vance")
                .iim(IptcSample.CREDIT, "Northwind Press")
                .xmpDescription("Dockers march along Ostrava Quay on the first day of the strike.")
                .xmpAltText("A crowd in orange vests walks behind a banner beside moored ferries.")
                .jpeg(ExifSample.picture(700, 420, c));
    }

    static HttpResponse<String> upload(byte[] bytes, String caption, String credit, String alt) {
        return editor.postMultipart(
                "/newsroom/photos",
                new Multipart()
                        .file("file", "NWP-2026-12-06-0042.jpg", "image/jpeg", bytes)
                        .field("caption", caption)
                        .field("credit", credit)
                        .field("altText", alt));
    }

    static Map<String, Object> row(TestApp t, long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select caption, credit, alt_text, file_key from photos where id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
    }

    static long photoId(HttpResponse<String> r) {
        String loc = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.replaceAll("^/newsroom/photos/(\\d+)\\?.*$", "$1"));
    }

    @Test
    void emptyFieldsAreFilledFromTheFileAndShownPrefilledForTheEditorToChange(TestApp t) throws Exception {
        var r = upload(wirePhoto(new Color(200, 90, 30)), "", "", "");
        assertThat(r.statusCode()).isEqualTo(303);
        long id = photoId(r);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/photos/" + id + "?done=uploaded-with-words");
        Map<String, Object> row = row(t, id);
        assertThat(row.get("caption")).isEqualTo("Dockers march along Ostrava Quay on the first day of the strike.");
        assertThat(row.get("credit")).isEqualTo("Mirela Vance/Northwind Press");
        assertThat(row.get("alt_text"))
                .isEqualTo("A crowd in orange vests walks behind a banner beside moored ferries.");

        var page = editor.get(r.headers().firstValue("Location").orElseThrow());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        Document d = Jsoup.parse(page.body());
        assertThat(d.select("[role=status]").text()).contains("Words it carried (IPTC/XMP)");
        assertThat(d.selectFirst("#f-credit").val()).isEqualTo("Mirela Vance/Northwind Press");
        assertThat(d.selectFirst("#f-caption").text()).startsWith("Dockers march");

        // the editor changes the credit like any other photo's
        int version = Integer.parseInt(d.selectFirst("input[name=version]").val());
        var saved = editor.post(
                "/newsroom/photos/" + id,
                Map.of(
                        "caption", "Dockers on Ostrava Quay.",
                        "credit", "Mirela Vance/Northwind Press via The Ledger",
                        "altText", "A crowd in orange vests.",
                        "version", String.valueOf(version)));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(row(t, id).get("credit")).isEqualTo("Mirela Vance/Northwind Press via The Ledger");

        var audit = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from audit_log where subject_type = 'photo' and subject_id = :id and action = 'uploaded photo'")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(audit).contains("caption, credit, alt text from the file's IPTC/XMP");
    }

    @Test
    void whatTheEditorTypedWinsOverTheFile(TestApp t) {
        var r = upload(wirePhoto(new Color(20, 90, 130)), "Strike day on the quay.", "", "");
        long id = photoId(r);
        Map<String, Object> row = row(t, id);
        assertThat(row.get("caption")).isEqualTo("Strike day on the quay.");
        assertThat(row.get("credit")).isEqualTo("Mirela Vance/Northwind Press");
    }

    @Test
    void nothingOfTheMetadataIsStoredOrServed(TestApp t) throws Exception {
        byte[] upload = wirePhoto(new Color(60, 160, 60));
        assertThat(IptcSample.carriesWords(upload)).isTrue();
        long id = photoId(upload(upload, "", "", ""));
        String key = (String) row(t, id).get("file_key");
        byte[] original = t.fixtures.original(key);
        assertThat(IptcSample.carriesWords(original, "Mirela", "Northwind", "Ostrava", "orange vests"))
                .isFalse();
        for (int w : new int[] {320, 640, 700}) {
            var img = t.getBytes("/media/" + key + "-w" + w + ".jpg");
            assertThat(img.statusCode()).isEqualTo(200);
            assertThat(IptcSample.carriesWords(img.body(), "Mirela", "Northwind", "Ostrava"))
                    .isFalse();
        }
    }
}
