package broadsheet.newsroom.articles;

import static broadsheet.newsroom.articles.Desk.fields;
import static broadsheet.newsroom.articles.Desk.idFrom;
import static broadsheet.newsroom.articles.Desk.post;
import static broadsheet.newsroom.articles.Desk.valid;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Choosing a lead photo from the library by its words, without JavaScript: the editor's "Find photos"
 * (search engine, best first) and the article's photos page with "Use as lead photo" buttons.
 */
class LeadPhotoPickerTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static TestApp t;
    static WebClient editor;
    static WebClient writer;
    static WebClient otherWriter;
    static long section;
    static long gannet;
    static long gannetsFar;
    static long bare;

    @BeforeAll
    static void setUp() {
        t = app.get();
        section = t.fixtures.section("coast", "Coast");
        gannet = t.fixtures.photo(
                400, 300, Color.WHITE, "Gannet diving off the point.", "Rhea Tolland", "A white seabird plunging");
        gannetsFar = t.fixtures.photo(
                400,
                300,
                Color.BLUE,
                "Boats, nets, gulls and, far out beyond the harbour wall where the water turns grey, gannets.",
                "Harbour archive",
                "A fishing harbour");
        bare = t.fixtures.photo(400, 300, Color.BLACK, "Gannet colony", "", "");
        editor = t.signedIn("desk-editor@example.org", Role.EDITOR);
        writer = t.signedIn("coast-writer@example.org", Role.CONTRIBUTOR);
        otherWriter = t.signedIn("inland-writer@example.org", Role.CONTRIBUTOR);
        for (WebClient c : List.of(editor, writer, otherWriter)) c.get("/newsroom");
    }

    static List<Map.Entry<String, String>> form(String headline, String action, String... more) {
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>(fields(
                "headline",
                headline,
                "section",
                String.valueOf(section),
                "kind",
                "news",
                "body",
                "Words.",
                "action",
                action));
        f.addAll(fields(more));
        return f;
    }

    static Long leadOf(long article) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select lead_photo_id from articles where id = :a")
                        .bind("a", article)
                        .mapTo(Long.class)
                        .findOne()
                        .orElse(null));
    }

    static List<Long> galleryOf(long article) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select photo_id from article_photos where article_id = :a order by position")
                        .bind("a", article)
                        .mapTo(Long.class)
                        .list());
    }

    @Test
    void findPhotosInTheEditorOffersTheBestMatchesAndKeepsWhatWasTyped() {
        long id = idFrom(post(writer, "/newsroom/articles", form("Seabirds return to the point", "save")));
        String version = Desk.version(writer, id);
        var found = post(
                writer,
                "/newsroom/articles/" + id,
                form(
                        "Seabirds return to the point (typed, not saved)",
                        "find-photos",
                        "version",
                        version,
                        "photoQuery",
                        "gannets"));
        assertThat(found.statusCode()).isEqualTo(200);
        valid(found.body());
        Document d = Jsoup.parse(found.body());
        // ranked: the short caption about a gannet first, then the long one that mentions gannets in passing
        assertThat(d.select(".photo-choices input[name=leadPhoto]").eachAttr("value"))
                .containsSubsequence("" + gannet, "" + gannetsFar)
                .contains("" + bare)
                .first()
                .isEqualTo("");
        assertThat(d.select(".photo-choices input[name=leadPhoto]")
                        .eachAttr("value")
                        .get(1))
                .isIn("" + gannet, "" + bare);
        assertThat(d.selectFirst(".photo-search-status").text())
                .isEqualTo("3 photos have “gannets” in the caption, credit or alt text, best match first.");
        assertThat(d.selectFirst("#f-headline").val()).isEqualTo("Seabirds return to the point (typed, not saved)");
        assertThat(d.selectFirst("#f-photoQuery").val()).isEqualTo("gannets");
        // alt text and credit words find photos too
        Document byAlt = Jsoup.parse(post(
                        writer,
                        "/newsroom/articles/" + id,
                        form("x", "find-photos", "version", version, "photoQuery", "plunging seabird"))
                .body());
        assertThat(byAlt.select(".photo-choices input[name=leadPhoto]").eachAttr("value"))
                .containsExactly("", "" + gannet);
        Document byCredit = Jsoup.parse(post(
                        writer,
                        "/newsroom/articles/" + id,
                        form("x", "find-photos", "version", version, "photoQuery", "Tolland"))
                .body());
        assertThat(byCredit.select(".photo-choices input[name=leadPhoto]").eachAttr("value"))
                .containsExactly("", "" + gannet);
        // misspelt: words a letter or two away, and the picker says so
        Document near = Jsoup.parse(post(
                        writer,
                        "/newsroom/articles/" + id,
                        form("x", "find-photos", "version", version, "photoQuery", "Tollond"))
                .body());
        assertThat(near.select(".photo-choices input[name=leadPhoto]").eachAttr("value"))
                .containsExactly("", "" + gannet);
        assertThat(near.selectFirst(".photo-search-status").text())
                .isEqualTo("No photo has “Tollond” as typed; this one has words one or two letters away.");
        // nothing found: the picker says what was searched
        Document none = Jsoup.parse(post(
                        writer,
                        "/newsroom/articles/" + id,
                        form("x", "find-photos", "version", version, "photoQuery", "walrus"))
                .body());
        assertThat(none.selectFirst(".photo-search-status").text())
                .isEqualTo("No photo in the library has “walrus” in its caption, credit or alt text.");
        // choosing one and saving makes it the lead photo
        var saved = post(
                writer,
                "/newsroom/articles/" + id,
                form("Seabirds return to the point", "save", "version", version, "leadPhoto", "" + gannet));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(leadOf(id)).isEqualTo(gannet);
        // the saved article's editor links to its photos page's library search
        Document edit = Jsoup.parse(writer.get("/newsroom/articles/" + id).body());
        assertThat(edit.select("a[href=/newsroom/articles/" + id + "/gallery#picker]"))
                .hasSize(1);
    }

    @Test
    void thePickersJsonIsForStaff() throws Exception {
        var r = writer.get("/newsroom/photos/find?q=gannet+diving");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertThat(j.get("photos").get(0).get("id").asLong()).isEqualTo(gannet);
        assertThat(j.get("photos").get(0).get("altText").asText()).isEqualTo("A white seabird plunging");
        assertThat(j.get("photos").get(0).get("src").asText()).startsWith("/media/");
        assertThat(j.get("message").asText())
                .isEqualTo("1 photo has “gannet diving” in the caption, credit or alt text, best match first.");
        var anonymous = t.client().get("/newsroom/photos/find?q=gannet");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        WebClient reader = t.signedIn("reader-of-coast@example.org", Role.READER);
        assertThat(reader.get("/newsroom/photos/find?q=gannet").statusCode()).isEqualTo(403);
    }

    @Test
    void usePhotoAsLeadFromTheLibrarySearchOnThePhotosPage() {
        long id = idFrom(post(writer, "/newsroom/articles", form("Gannets at the point", "save")));
        String base = "/newsroom/articles/" + id + "/gallery";
        var page = writer.get(base + "?q=gannet");
        assertThat(page.statusCode()).isEqualTo(200);
        valid(page.body());
        Document d = Jsoup.parse(page.body());
        assertThat(d.select("#picker .search-summary").text()).startsWith("3 photos have “gannet”");
        var useForms = d.select("#picker form[action=" + base + "/lead]");
        assertThat(useForms.select("input[name=photo]").eachAttr("value"))
                .containsExactlyInAnyOrder("" + gannet, "" + gannetsFar, "" + bare);
        var useGannet =
                d.selectFirst("#picker form[action=" + base + "/lead]:has(input[name=photo][value=" + gannet + "])");
        assertThat(useGannet.select("input[name=_csrf]").val()).isNotBlank();
        assertThat(useGannet.select("input[name=from]").val()).isEqualTo("library");
        assertThat(useGannet.select("button").text()).isEqualTo("Use photo " + gannet + " as lead photo");
        assertThat(d.selectFirst("#picker label[for=f-q]").text())
                .isEqualTo("Words in the caption, credit or alt text");

        // the button: the photo joins the gallery and becomes the lead photo
        var used = writer.post(base + "/lead", Map.of("photo", "" + gannet, "from", "library"));
        assertThat(used.statusCode()).isEqualTo(303);
        assertThat(used.headers().firstValue("Location")).hasValue(base + "?done=lead-added");
        assertThat(leadOf(id)).isEqualTo(gannet);
        assertThat(galleryOf(id)).containsExactly(gannet);
        Document after = Jsoup.parse(writer.get(base + "?done=lead-added").body());
        assertThat(after.select(".notice").text())
                .contains("added to the end of the gallery and is now the lead photo");
        // once in the gallery it is no longer offered by the picker
        assertThat(Jsoup.parse(writer.get(base + "?q=gannet").body())
                        .select("#picker form[action=" + base + "/lead] input[name=photo]")
                        .eachAttr("value"))
                .doesNotContain("" + gannet);
        // a second choice replaces the lead, keeping the first in the gallery
        assertThat(writer.post(base + "/lead", Map.of("photo", "" + gannetsFar, "from", "library"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(leadOf(id)).isEqualTo(gannetsFar);
        assertThat(galleryOf(id)).containsExactly(gannet, gannetsFar);

        // the usual rules: CSRF, who may change whose article, photos without words in published articles
        assertThat(writer.postRaw(base + "/lead", Map.of("photo", "" + bare, "from", "library"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(otherWriter
                        .post(base + "/lead", Map.of("photo", "" + bare, "from", "library"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(leadOf(id)).isEqualTo(gannetsFar);
        long published = t.fixtures.article(
                "gannet-count", "Gannet count", section, "news", Instant.parse("2026-11-25T08:00:00Z"), "Text.");
        var refused = editor.post(
                "/newsroom/articles/" + published + "/gallery/lead", Map.of("photo", "" + bare, "from", "library"));
        assertThat(refused.statusCode()).isEqualTo(422);
        valid(refused.body());
        assertThat(Jsoup.parse(refused.body()).select(".error-summary").text())
                .contains("Photo " + bare + " needs a credit and alt text");
        assertThat(leadOf(published)).isNull();
        assertThat(galleryOf(published)).isEmpty();
    }

    @Test
    void thePhotosPageSaysWhatItSearched() {
        long id = idFrom(post(editor, "/newsroom/articles", form("Quiet coast", "save")));
        String base = "/newsroom/articles/" + id + "/gallery";
        var none = editor.get(base + "?q=walrus");
        valid(none.body());
        assertThat(Jsoup.parse(none.body()).select("#picker .search-summary").text())
                .isEqualTo("No photo outside this gallery has “walrus” in its caption, credit or alt text.");
        for (int i = 0; i < 14; i++)
            t.fixtures.photo(60, 40, Color.GRAY, "Puffin " + i + " on the cliff.", "Archive", "A puffin");
        t.awaitSearch();
        Document first = Jsoup.parse(editor.get(base + "?q=puffin").body());
        assertThat(first.select("#picker form[action=" + base + "/add]")).hasSize(12);
        String more = first.selectFirst("#picker a[rel=next]").attr("href");
        assertThat(more).contains("q=puffin").contains("page=2");
        var second = editor.get(more);
        valid(second.body());
        assertThat(Jsoup.parse(second.body()).select("#picker form[action=" + base + "/add]"))
                .hasSize(2);
    }
}
