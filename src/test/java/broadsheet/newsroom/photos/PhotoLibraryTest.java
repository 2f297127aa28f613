package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.media.Photo;
import broadsheet.testing.ExifSample;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library page, editing a photo's words, and who may do which. */
class PhotoLibraryTest {

    static TestApp t;
    static WebClient writer;
    static WebClient other;
    static WebClient editor;
    static long section;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        t.fixtures.setting("site_time_zone", "Europe/London");
        section = t.fixtures.section("city", "City");
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        other = t.signedIn("other@example.org", Role.CONTRIBUTOR);
        editor = t.signedIn("editor@example.org", Role.EDITOR);
        for (WebClient c : List.of(writer, other, editor)) c.get("/newsroom/photos");
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static long uploadAs(WebClient c, String caption, String credit, String alt) {
        var r = c.postMultipart(
                "/newsroom/photos",
                new Multipart()
                        .file(
                                "file",
                                "p.png",
                                "image/png",
                                ExifSample.encode(ExifSample.picture(120, 80, Color.PINK), "png"))
                        .field("caption", caption)
                        .field("credit", credit)
                        .field("altText", alt));
        assertThat(r.statusCode()).isEqualTo(303);
        String loc = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.substring("/newsroom/photos/".length(), loc.indexOf('?')));
    }

    static Map<String, String> words(String caption, String credit, String alt, int version) {
        return Map.of("caption", caption, "credit", credit, "altText", alt, "version", String.valueOf(version));
    }

    static int version(long photoId) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select version from photos where id = " + photoId)
                        .mapTo(Integer.class)
                        .one());
    }

    /** Public pages are dropped from the cache when the change is announced; the listener runs on its own thread. */
    static HttpResponse<String> eventually(String path, Predicate<String> ok) {
        return Waiting.fewSeconds().until(() -> t.get(path), r -> ok.test(r.body()));
    }

    @Test
    void theLibraryIsForStaffOnly() {
        var anon = t.client().get("/newsroom/photos");
        assertThat(anon.statusCode()).isEqualTo(303);
        assertThat(anon.headers().firstValue("Location")).hasValue("/sign-in?next=%2Fnewsroom%2Fphotos");
        assertThat(t.client().get("/newsroom/photos/new").statusCode()).isEqualTo(303);
        WebClient reader = t.signedIn("reader@example.org", Role.READER);
        assertThat(reader.get("/newsroom/photos").statusCode()).isEqualTo(403);
        assertThat(reader.get("/newsroom/photos/new").statusCode()).isEqualTo(403);
        reader.get("/account");
        var post = reader.postMultipart("/newsroom/photos", new Multipart().field("caption", "x"));
        assertThat(post.statusCode()).isEqualTo(403);
        WebClient anonymous = t.client();
        anonymous.get("/sign-in");
        var anonPost = anonymous.postMultipart("/newsroom/photos", new Multipart().field("caption", "x"));
        assertThat(anonPost.statusCode()).isEqualTo(303);
    }

    @Test
    void theLibraryFlagsMissingWordsSearchesAndPages() {
        long bare = uploadAs(writer, "", "", "");
        long complete =
                uploadAs(writer, "Quokka on the pier at noon.", "Kit Lau / The Ledger", "A small marsupial on planks");
        var r = writer.get("/newsroom/photos");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        Document d = Jsoup.parse(r.body());
        var bareCard = d.select("li.photo-card:has(h2:containsOwn(Photo " + bare + "))");
        assertThat(bareCard.select(".flag").eachText())
                .containsExactly("Needs caption", "Needs credit", "Needs alt text");
        assertThat(bareCard.select("img").attr("src")).endsWith("-w120.jpg"); // photo.src(320) of a 120 px photo
        var completeCard = d.select("li.photo-card:has(h2:containsOwn(Photo " + complete + "))");
        assertThat(completeCard.select(".flag")).isEmpty();
        assertThat(completeCard.text())
                .contains("Quokka on the pier at noon.", "Kit Lau / The Ledger", "A small marsupial on planks");
        assertThat(completeCard.select("img").attr("alt")).isEqualTo("A small marsupial on planks");

        // words in the caption or the credit
        assertThat(titles(writer.get("/newsroom/photos?q=quokka"))).containsExactly("Photo " + complete);
        assertThat(titles(writer.get("/newsroom/photos?q=Kit+Lau"))).containsExactly("Photo " + complete);
        assertThat(titles(writer.get("/newsroom/photos?q=walrus"))).isEmpty();
        assertThat(titles(writer.get("/newsroom/photos?incomplete=1")))
                .contains("Photo " + bare)
                .doesNotContain("Photo " + complete);

        // a search's results a page at a time (equally good matches newest first)
        for (int i = 0; i < PhotoDesk.PAGE_SIZE + 2; i++) {
            t.fixtures.photo(40, 30, Color.GRAY, "Heron number " + i + " on the weir.", "Archive", "A grey heron");
        }
        // paging is what is tested here, not how soon the index has them (the desk waits only a second)
        t.awaitSearch();
        var first = writer.get("/newsroom/photos?q=heron");
        List<String> page1 = titles(first);
        assertThat(page1).hasSize(PhotoDesk.PAGE_SIZE);
        Document d1 = Jsoup.parse(first.body());
        assertThat(d1.select("li.photo-card").first().text()).contains("Heron number " + (PhotoDesk.PAGE_SIZE + 1));
        String older = d1.selectFirst("a[rel=next]").attr("href");
        assertThat(older).contains("q=heron").contains("page=2");
        var second = writer.get(older);
        assertThat(HtmlValidator.problems(second.body())).isEmpty();
        assertThat(titles(second)).hasSize(2).doesNotContainAnyElementsOf(page1);
        assertThat(Jsoup.parse(second.body()).select("nav.pager a").eachText()).contains("Previous results");
        assertThat(writer.get("/newsroom/photos?before=nonsense").statusCode()).isEqualTo(400);
        assertThat(writer.get("/newsroom/photos?q=heron&page=x").statusCode()).isEqualTo(400);
        // browsing pages by age
        var browse = Jsoup.parse(writer.get("/newsroom/photos").body());
        var olderPhotos = writer.get(browse.selectFirst("a[rel=next]").attr("href"));
        assertThat(HtmlValidator.problems(olderPhotos.body())).isEmpty();
        assertThat(Jsoup.parse(olderPhotos.body()).select("nav.pager a").eachText())
                .contains("Newest photos");
    }

    static List<String> titles(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body()).select("li.photo-card h2").eachText();
    }

    @Test
    void whoMayEditWhichPhoto() {
        long mine = uploadAs(writer, "Mine", "Me", "Mine alt");
        long imported = t.fixtures.photo(100, 80, Color.BLUE, "Imported", "Archive", "Imported alt");
        assertThat(writer.get("/newsroom/photos/" + mine).statusCode()).isEqualTo(200);
        assertThat(other.get("/newsroom/photos/" + mine).statusCode()).isEqualTo(403);
        assertThat(other.post("/newsroom/photos/" + mine, words("Hijacked", "x", "y", version(mine)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(writer.get("/newsroom/photos/" + imported).statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/photos/" + mine).statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/photos/" + imported).statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/photos/999999").statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/photos/abc").statusCode()).isEqualTo(404);
        WebClient reader = t.signedIn("reader2@example.org", Role.READER);
        assertThat(reader.get("/newsroom/photos/" + mine).statusCode()).isEqualTo(403);
        assertThat(t.client().get("/newsroom/photos/" + mine).statusCode()).isEqualTo(303);
        WebClient anonymous = t.client();
        anonymous.get("/sign-in");
        assertThat(anonymous
                        .post("/newsroom/photos/" + mine, words("x", "y", "z", version(mine)))
                        .statusCode())
                .isEqualTo(303);
        reader.get("/account");
        assertThat(reader.post("/newsroom/photos/" + mine, words("x", "y", "z", version(mine)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.post(
                                "/newsroom/photos/" + imported,
                                words("Imported, captioned", "Archive", "Imported alt", version(imported)))
                        .statusCode())
                .isEqualTo(303);
        // the library links only to photos this person may edit
        Document lib = Jsoup.parse(other.get("/newsroom/photos").body());
        assertThat(lib.select("a[href=/newsroom/photos/" + mine + "]")).isEmpty();
        assertThat(Jsoup.parse(writer.get("/newsroom/photos").body()).select("a[href=/newsroom/photos/" + mine + "]"))
                .hasSize(1);
    }

    @Test
    void anEditedCaptionReachesThePublishedArticleAndIsAudited() throws InterruptedException {
        long photo = uploadAs(writer, "Old caption of the ferry.", "Sam Reed", "A white ferry");
        long article = t.fixtures.article(
                "ferry-returns", "The ferry returns", section, "news", Instant.parse("2026-11-20T10:00:00Z"), "Body.");
        t.fixtures.leadPhoto(article, photo);
        t.fixtures.gallery(article, photo);
        t.contentChanged();
        String path = "/2026/11/20/ferry-returns";
        assertThat(t.get(path).body()).contains("Old caption of the ferry.");

        var form = writer.get("/newsroom/photos/" + photo);
        assertThat(HtmlValidator.problems(form.body())).isEmpty();
        Document d = Jsoup.parse(form.body());
        assertThat(d.selectFirst("#f-caption").text()).isEqualTo("Old caption of the ferry.");
        assertThat(d.select("a[href=/newsroom/articles/" + article + "/gallery]")
                        .text())
                .isEqualTo("The ferry returns");
        var r = writer.post(
                "/newsroom/photos/" + photo,
                words(
                        "New caption: the ferry at the east quay.",
                        "Sam Reed / The Ledger",
                        "A white ferry at a quay",
                        Integer.parseInt(d.selectFirst("input[name=version]").val())));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/photos/" + photo + "?done=saved");

        var page = eventually(path, b -> b.contains("New caption: the ferry at the east quay."));
        Document pub = Jsoup.parse(page.body());
        assertThat(pub.select(".lead-photo figcaption").text())
                .contains("New caption: the ferry at the east quay.", "Sam Reed / The Ledger");
        assertThat(pub.select(".lead-photo img").attr("alt")).isEqualTo("A white ferry at a quay");
        var photoPage = eventually(path + "/photos/1", b -> b.contains("New caption"));
        assertThat(photoPage.body()).contains("New caption: the ferry at the east quay.");

        var audit = t.fixtures
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                select action || ': ' || detail from audit_log where subject_type = 'photo' and subject_id = :id order by id""").bind("id", photo).mapTo(String.class).list());
        assertThat(audit)
                .containsExactly("uploaded photo: 120×80 image/png", "edited photo: changed caption, credit, alt text");
    }

    @Test
    void aPhotoReadersSeeCannotLoseItsWords() {
        long photo = uploadAs(writer, "Lanterns on the river.", "Jo Park", "Paper lanterns floating");
        long article = t.fixtures.article(
                "lantern-night", "Lantern night", section, "news", Instant.parse("2026-11-21T10:00:00Z"), "Body.");
        t.fixtures.gallery(article, photo);
        var r = writer.post("/newsroom/photos/" + photo, words("  ", "Jo Park", "", version(photo)));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#f-caption-error").text()).contains("Enter a caption");
        assertThat(d.select("#f-altText-error").text()).contains("Enter alt text");
        assertThat(d.select("#f-credit-error")).isEmpty();
        assertThat(d.selectFirst("#f-credit").val()).isEqualTo("Jo Park");
        String caption = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select caption from photos where id = " + photo)
                        .mapTo(String.class)
                        .one());
        assertThat(caption).isEqualTo("Lanterns on the river.");
        // an unused photo may be saved without them, and is flagged
        long loose = uploadAs(writer, "Loose", "Loose", "Loose");
        assertThat(writer.post("/newsroom/photos/" + loose, words("", "", "", version(loose)))
                        .statusCode())
                .isEqualTo(303);
        Document edit = Jsoup.parse(writer.get("/newsroom/photos/" + loose).body());
        assertThat(edit.select(".flag").eachText()).containsExactly("Needs caption", "Needs credit", "Needs alt text");
    }

    @Test
    void twoPeopleSavingTheSamePhotoDoNotOverwriteEachOther() {
        long photo = uploadAs(writer, "First words.", "A", "B");
        int v = version(photo);
        assertThat(writer.post("/newsroom/photos/" + photo, words("Writer's words.", "A", "B", v))
                        .statusCode())
                .isEqualTo(303);
        var late = editor.post("/newsroom/photos/" + photo, words("Editor's words.", "A", "B", v));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(HtmlValidator.problems(late.body())).isEmpty();
        Document d = Jsoup.parse(late.body());
        assertThat(d.select("#f-caption-error").text()).contains("Someone else saved");
        assertThat(d.selectFirst("#f-caption").text()).isEqualTo("Editor's words.");
        assertThat(d.select("figcaption").text()).contains("Writer's words.");
        assertThat(d.selectFirst("input[name=version]").val()).isEqualTo(String.valueOf(v + 1));
        assertThat(editor.post("/newsroom/photos/" + photo, words("Editor's words.", "A", "B", v + 1))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.post("/newsroom/photos/" + photo, Map.of("caption", "x"))
                        .statusCode())
                .isEqualTo(400);
        var tooLong = editor.post(
                "/newsroom/photos/" + photo, words("ok", "ok", "a".repeat(PhotoRules.MAX_ALT_TEXT + 1), v + 2));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.body()).select("#f-altText-error").text())
                .contains("501 characters");
    }

    @Test
    void photoRulesNameWhatIsMissing() {
        Photo p = new Photo(7, "k", "image/jpeg", 10, 10, "A caption", " ", "");
        assertThat(PhotoRules.missing(p)).containsExactly(PhotoRules.CREDIT, PhotoRules.ALT_TEXT);
        assertThat(PhotoRules.phrase(PhotoRules.missing(p))).isEqualTo("a credit and alt text");
        assertThat(PhotoRules.complete(new Photo(7, "k", "image/jpeg", 10, 10, "c", "c", "a")))
                .isTrue();
        long bare = t.fixtures.photo(50, 50, Color.RED, "", "Someone", "");
        long fine = t.fixtures.photo(50, 50, Color.RED, "Fine", "Someone", "Fine");
        long article = t.fixtures.article(
                "rules-check", "Rules check", section, "news", Instant.parse("2026-11-22T10:00:00Z"), "Body.");
        t.fixtures.leadPhoto(article, bare);
        t.fixtures.gallery(article, fine, bare);
        var problems = t.fixtures.jdbi().withHandle(h -> PhotoRules.problems(h, article));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).isEqualTo("The lead photo needs a caption and alt text.");
        assertThat(problems.get(0).editPath()).isEqualTo("/newsroom/photos/" + bare);
    }
}
