package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.search.Search;
import broadsheet.testing.AppExtension;
import broadsheet.testing.ExifSample;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The photo library's search: words of the caption, credit and alt text, through the search engine. */
class PhotoSearchTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static TestApp t;
    static WebClient writer;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = app.get();
        writer = t.signedIn("snapper@example.org", Role.CONTRIBUTOR);
        editor = t.signedIn("picture-editor@example.org", Role.EDITOR);
        writer.get("/newsroom/photos");
        editor.get("/newsroom/photos");
    }

    /** Uploads through the desk's form, as a journalist does; the new photo's id. */
    static long upload(WebClient c, String caption, String credit, String alt) {
        var r = c.postMultipart(
                "/newsroom/photos",
                new Multipart()
                        .file(
                                "file",
                                "p.png",
                                "image/png",
                                ExifSample.encode(ExifSample.picture(90, 60, Color.ORANGE), "png"))
                        .field("caption", caption)
                        .field("credit", credit)
                        .field("altText", alt));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String loc = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.substring("/newsroom/photos/".length(), loc.indexOf('?')));
    }

    static HttpResponse<String> search(WebClient c, String q) {
        var r = c.get("/newsroom/photos?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).as(q).isEmpty();
        return r;
    }

    static List<String> found(WebClient c, String q) {
        return Jsoup.parse(search(c, q).body()).select("li.photo-card h2").eachText();
    }

    static String summary(WebClient c, String q) {
        return Jsoup.parse(search(c, q).body()).select(".search-summary").text();
    }

    static int version(long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select version from photos where id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void anUploadIsFoundByItsCaptionCreditAndAltTextAndAnEditMovesIt() {
        long id = upload(
                writer,
                "Cormorants drying their wings on the breakwater.",
                "Ilse Marwick / The Ledger",
                "A black seabird with spread wings");
        String card = "Photo " + id;
        // found at once after the upload, by a word of each field (word forms and accents folded)
        assertThat(found(writer, "cormorant")).containsExactly(card);
        assertThat(found(writer, "Marwick")).containsExactly(card);
        assertThat(found(writer, "seabirds")).containsExactly(card);
        assertThat(found(writer, "breakwater marwick seabird")).containsExactly(card);
        assertThat(found(writer, "\"spread wings\"")).containsExactly(card);
        assertThat(found(writer, "cormorant -seabird")).isEmpty();
        assertThat(summary(writer, "cormorant"))
                .isEqualTo("1 photo has “cormorant” in the caption, credit or alt text, best match first.");

        // the desk's edit form changes the words; the old ones no longer find it, the new ones do
        var saved = writer.post(
                "/newsroom/photos/" + id,
                Map.of(
                        "caption", "Pelicans on the breakwater at dusk.",
                        "credit", "Ilse Marwick / The Ledger",
                        "altText", "Two large grey waterbirds",
                        "version", String.valueOf(version(id))));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(found(writer, "pelican")).containsExactly(card);
        assertThat(found(writer, "waterbird")).containsExactly(card);
        assertThat(found(writer, "cormorant")).isEmpty();
        assertThat(found(writer, "seabird")).isEmpty();
        assertThat(summary(writer, "cormorant"))
                .isEqualTo("No photo has “cormorant” in its caption, credit or alt text."
                        + " Check the spelling or try fewer words.");
    }

    @Test
    void aDeletedPhotoDisappearsFromTheLibraryAndTheIndex() {
        long id = upload(editor, "Lighthouse keeper's cottage.", "Archive", "A white cottage by a tower");
        Search search = new Search(t.app.searchEngine());
        assertThat(search.photoMatches("lighthouse", 10).ids()).containsExactly(id);
        var deleted = editor.post("/newsroom/photos/" + id + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(found(editor, "lighthouse")).isEmpty();
        Waiting.fewSeconds()
                .until(() -> search.photoMatches("lighthouse", 10).ids().isEmpty());
    }

    @Test
    void resultsAreRankedNotDated() {
        // the better match is the older photo: a short caption that is all about kestrels
        long best = upload(writer, "Kestrel hovering.", "Bo Hart", "A kestrel, a small falcon");
        long weaker = upload(
                writer,
                "The market square on a busy Saturday morning, with stalls, a band, the town hall clock,"
                        + " pigeons, children on scooters and, high above the roofs, a kestrel.",
                "Bo Hart",
                "Crowds in a town square");
        assertThat(found(writer, "kestrel")).containsExactly("Photo " + best, "Photo " + weaker);
        assertThat(summary(writer, "kestrel")).startsWith("2 photos have “kestrel”");
        // narrowed to photos still needing words: the search applies to those only
        long bare = upload(writer, "Kestrel chick", "", "");
        Document d = Jsoup.parse(
                writer.get("/newsroom/photos?q=kestrel&incomplete=1").body());
        assertThat(d.select("li.photo-card h2").eachText()).containsExactly("Photo " + bare);
        assertThat(d.selectFirst("#f-incomplete").hasAttr("checked")).isTrue();
        assertThat(d.selectFirst("#f-q").val()).isEqualTo("kestrel");
        // misspelt: nothing as typed, so words a letter or two away, and the page says so
        assertThat(found(writer, "kestral")).hasSize(3).startsWith("Photo " + best);
        assertThat(summary(writer, "kestral"))
                .isEqualTo("No photo has “kestral” as typed; these 3 have words one or two letters away,"
                        + " best match first.");
    }

    @Test
    void whatCannotBeSearchedIsSaidPlainly() {
        assertThat(summary(writer, "?! -- …"))
                .isEqualTo("“?! -- …” has nothing to search for: only short common words or symbols. Try other words.");
        for (String odd : List.of("title:(a OR", "a~~~^", "*", "x".repeat(500))) {
            var r = writer.get(
                    "/newsroom/photos?q=" + java.net.URLEncoder.encode(odd, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(odd).isEqualTo(200);
        }
        assertThat(writer.get("/newsroom/photos?q=heron&page=0").statusCode()).isEqualTo(400);
        var tooFar = writer.get("/newsroom/photos?q=heron&page=9999");
        assertThat(tooFar.statusCode()).isEqualTo(400);
        assertThat(tooFar.body()).contains("The &#39;page&#39; parameter must be a page number from 1 to");
        // the form's box is labelled with what it searches
        Document d = Jsoup.parse(writer.get("/newsroom/photos").body());
        assertThat(d.selectFirst("label[for=f-q]").text()).isEqualTo("Words in the caption, credit or alt text");
    }
}
