package broadsheet.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.ExifSample;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A photo uploaded from the article editor, over real multipart HTTP: lead photo, gallery, refusals. */
class EditorPhotoUploadTest {

    static TestApp t;
    static WebClient writer, stranger;
    static long section;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        stranger = t.signedIn("stranger@example.org", Role.CONTRIBUTOR);
        section = t.fixtures.section("news", "News");
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static long draft(String slug, String status) {
        long by = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = 'writer@example.org'")
                        .mapTo(Long.class)
                        .one());
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        insert into articles (slug, headline, section_id, status, created_by, published_at)
                        values (:slug, 'A story with photos', :s, :status, :by, case when :status = 'draft' then null else now() end)
                        returning id""")
                        .bind("slug", slug)
                        .bind("s", section)
                        .bind("status", status)
                        .bind("by", by)
                        .mapTo(Long.class)
                        .one());
    }

    static HttpResponse<String> upload(
            WebClient c, long article, String name, byte[] bytes, String use, String... extra) {
        c.get("/newsroom/articles/" + article); // as a browser: the page sets the CSRF cookie
        Multipart m = new Multipart()
                .file("file", name, "image/jpeg", bytes)
                .field("caption", "Boats at dawn")
                .field("credit", extra.length > 0 ? extra[0] : "Ana Ruiz")
                .field("altText", "Fishing boats in a row")
                .field("use", use);
        return c.postMultipart("/newsroom/articles/" + article + "/photos", m);
    }

    static byte[] jpeg() {
        return ExifSample.encode(ExifSample.picture(640, 400, new Color(30, 90, 160)), "jpg");
    }

    static int count(String sql, long article) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("a", article)
                        .mapTo(Integer.class)
                        .one());
    }

    static int photos() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from photos")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void theEditorOffersAnUploadFormThatWorksWithoutScript() {
        long a = draft("offers-upload", "draft");
        var r = writer.get("/newsroom/articles/" + a);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        Document d = Jsoup.parse(r.body());
        var form = d.selectFirst("form.photo-upload__form");
        assertThat(form.attr("action")).isEqualTo("/newsroom/articles/" + a + "/photos");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(
                        form.select(
                                "label[for=f-upload-file], label[for=f-upload-caption], label[for=f-upload-credit], label[for=f-upload-altText]"))
                .hasSize(4);
    }

    @Test
    void anUploadBecomesTheLeadPhotoAndTheEditorShowsIt() {
        long a = draft("lead-upload", "draft");
        var r = upload(writer, a, "boats.jpg", jpeg(), "lead");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("/newsroom/articles/" + a + "?done=photo-lead#f-leadPhoto");
        long lead = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select lead_photo_id from articles where id = :a")
                        .bind("a", a)
                        .mapTo(Long.class)
                        .one());
        Document d = Jsoup.parse(
                writer.get("/newsroom/articles/" + a + "?done=photo-lead").body());
        assertThat(d.select(".notice").text()).isEqualTo("The photo was uploaded and is now the lead photo.");
        assertThat(d.select("#lead-" + lead).attr("checked")).isNotNull();
        assertThat(d.selectFirst("#lead-" + lead).hasAttr("checked")).isTrue();
        assertThat(d.select("label[for=lead-" + lead + "]").text()).contains("Boats at dawn", "Ana Ruiz");
    }

    @Test
    void anUploadCanJoinTheGalleryAndAnswersJsonToTheScript() {
        long a = draft("gallery-upload", "draft");
        writer.get("/newsroom/articles/" + a);
        Multipart m = new Multipart()
                .file("file", "boats.jpg", "image/jpeg", jpeg())
                .field("caption", "Boats")
                .field("credit", "Ana")
                .field("altText", "Boats")
                .field("use", "gallery");
        var r = writer.postMultipartWith("/newsroom/articles/" + a + "/photos", m, "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"saved\":true", "\"use\":\"gallery\"");
        assertThat(count("select count(*) from article_photos where article_id = :a", a))
                .isEqualTo(1);
        assertThat(Jsoup.parse(writer.get("/newsroom/articles/" + a).body())
                        .select("#f-gallery")
                        .val())
                .matches("\\d+");
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedNextToTheFieldAndNothingIsSaved() {
        long a = draft("bad-upload", "draft");
        int before = photos();
        var r = upload(writer, a, "notes.jpg", "just some text".getBytes(StandardCharsets.UTF_8), "lead");
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#f-upload-file-error").text()).contains("“notes.jpg” is not a JPEG, PNG or WebP image");
        assertThat(d.select("#f-upload-file").attr("aria-invalid")).isEqualTo("true");
        assertThat(d.select("#f-upload-caption").val())
                .as("what was typed is kept")
                .isEqualTo("Boats at dawn");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        assertThat(photos()).isEqualTo(before);
        assertThat(count("select count(*) from articles where id = :a and lead_photo_id is not null", a))
                .isZero();
    }

    @Test
    void aPublishedArticlesPhotoNeedsItsWordsAndARefusalLeavesNoPhotoBehind() {
        long a = draft("published-upload", "published");
        var editor = t.signedIn("editor@example.org", Role.EDITOR);
        int before = photos();
        var r = upload(editor, a, "boats.jpg", jpeg(), "gallery", "");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select("#f-upload-credit-error").text())
                .contains("add a credit");
        assertThat(photos()).as("the photo's row was rolled back").isEqualTo(before);
        assertThat(count("select count(*) from article_photos where article_id = :a", a))
                .isZero();
    }

    @Test
    void noFileAndAnotherWritersArticleAreRefused() {
        long a = draft("empty-upload", "draft");
        var r = upload(writer, a, "", new byte[0], "lead");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select("#f-upload-file-error").text()).contains("Choose a photo to upload.");
        int before = photos();
        var s = upload(stranger, a, "boats.jpg", jpeg(), "lead");
        assertThat(s.statusCode()).isIn(403, 404);
        assertThat(photos()).isEqualTo(before);
        assertThat(List.of(count("select count(*) from articles where id = :a and lead_photo_id is null", a)))
                .containsExactly(1);
    }
}
