package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
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

/** Arranging an article's gallery by hand, with and without JavaScript, and who may. */
class GalleryDeskTest {

    static TestApp t;
    static WebClient writer;
    static WebClient other;
    static WebClient editor;
    static long section;
    static long writerId;
    static long otherId;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        t.fixtures.setting("site_time_zone", "Europe/London");
        section = t.fixtures.section("city", "City");
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        other = t.signedIn("other@example.org", Role.CONTRIBUTOR);
        editor = t.signedIn("editor@example.org", Role.EDITOR);
        writerId = userId("writer@example.org");
        otherId = userId("other@example.org");
        for (WebClient c : List.of(writer, other, editor)) c.get("/newsroom");
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static long userId(String email) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
    }

    static long photo(String caption) {
        return t.fixtures.photo(400, 300, Color.ORANGE, caption, "Ledger photo desk", "Alt for " + caption);
    }

    static long published(String slug, Instant at, long createdBy, long... gallery) {
        long id = t.fixtures.article(slug, "Headline " + slug, section, "news", at, "Body of " + slug + ".");
        t.fixtures.jdbi().useHandle(h -> h.execute("update articles set created_by = ? where id = ?", createdBy, id));
        t.fixtures.gallery(id, gallery);
        if (gallery.length > 0) t.fixtures.leadPhoto(id, gallery[0]);
        t.contentChanged();
        return id;
    }

    static long draft(String slug, long createdBy) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("""
                insert into articles (slug, headline, section_id, status, created_by) values (:s, :h, :sec, 'draft', :by) returning id""")
                        .bind("s", slug)
                        .bind("h", "Draft " + slug)
                        .bind("sec", section)
                        .bind("by", createdBy)
                        .mapTo(Long.class)
                        .one());
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

    static Long leadOf(long article) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select lead_photo_id from articles where id = :a")
                        .bind("a", article)
                        .mapTo(Long.class)
                        .findOne()
                        .orElse(null));
    }

    static HttpResponse<String> act(WebClient c, long article, String action, Object photo) {
        return c.post("/newsroom/articles/" + article + "/gallery/" + action, Map.of("photo", String.valueOf(photo)));
    }

    static HttpResponse<String> eventually(String path, Predicate<String> ok) {
        return Waiting.fewSeconds().until(() -> t.get(path), r -> ok.test(r.body()));
    }

    static List<String> auditOf(long article) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("""
                select action from audit_log where subject_type = 'article' and subject_id = :a order by id""")
                        .bind("a", article)
                        .mapTo(String.class)
                        .list());
    }

    @Test
    void moveButtonsChangeThePublicGalleryOrder() throws InterruptedException {
        long a = photo("Alpha: the crowd gathers.");
        long b = photo("Bravo: the speech.");
        long c = photo("Charlie: the march.");
        long article = published("march-on-the-square", Instant.parse("2026-11-18T12:00:00Z"), writerId, a, b, c);
        String path = "/2026/11/18/march-on-the-square";
        assertThat(t.get(path + "/photos/1").body()).contains("Alpha: the crowd gathers.");

        var page = editor.get("/newsroom/articles/" + article + "/gallery");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        Document d = Jsoup.parse(page.body());
        assertThat(d.select("li.gallery-item").eachAttr("data-photo-id")).containsExactly("" + a, "" + b, "" + c);
        assertThat(d.select("li.gallery-item").first().select(".badge").text()).isEqualTo("Lead photo");
        assertThat(d.select("li.gallery-item")
                        .first()
                        .select("form[data-move=up]")
                        .hasAttr("hidden"))
                .isTrue();
        assertThat(d.select("li.gallery-item")
                        .last()
                        .select("form[data-move=down]")
                        .hasAttr("hidden"))
                .isTrue();
        assertThat(d.select("a[href=" + path + "]")).hasSize(1);
        assertThat(d.selectFirst("#gallery-list").attr("data-csrf"))
                .isEqualTo(editor.cookie("bs_csrf").orElseThrow());
        assertThat(d.select("script[src]").eachAttr("src")).anyMatch(s -> s.startsWith("/assets/newsroom-gallery."));

        var r = act(editor, article, "up", c);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("/newsroom/articles/" + article + "/gallery?done=moved");
        r = act(editor, article, "up", c);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(galleryOf(article)).containsExactly(c, a, b);
        // the lead photo is in the gallery, so readers get the gallery's order
        assertThat(eventually(path + "/photos/1", s -> s.contains("Charlie")).body())
                .contains("Charlie: the march.");
        assertThat(t.get(path + "/photos/3").body()).contains("Bravo: the speech.");

        var first = act(editor, article, "up", c);
        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(first.body()).select(".error-summary").text()).contains("already first");
        assertThat(HtmlValidator.problems(first.body())).isEmpty();
        act(editor, article, "down", a);
        assertThat(galleryOf(article)).containsExactly(c, b, a);
        assertThat(auditOf(article))
                .containsExactly("moved photo in gallery", "moved photo in gallery", "moved photo in gallery");
        var notice = Jsoup.parse(editor.get("/newsroom/articles/" + article + "/gallery?done=moved")
                .body());
        assertThat(notice.select("[role=status].notice").text()).isEqualTo("The new order is saved.");
    }

    @Test
    void dragAndDropPostsTheWholeOrder() throws InterruptedException {
        long a = photo("One: dawn over the bay.");
        long b = photo("Two: boats go out.");
        long c = photo("Three: the catch comes in.");
        long article = published("a-day-at-sea", Instant.parse("2026-11-17T12:00:00Z"), writerId, a, b, c);
        String path = "/2026/11/17/a-day-at-sea";
        String token = editor.cookie("bs_csrf").orElseThrow();
        String url = "/newsroom/articles/" + article + "/gallery/order";

        var r = editor.postForm(
                url, Map.of("order", b + "," + c + "," + a), "X-CSRF-Token", token, "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"ok\":true");
        assertThat(galleryOf(article)).containsExactly(b, c, a);
        assertThat(eventually(path + "/photos/1", s -> s.contains("Two:")).body())
                .contains("Two: boats go out.");
        assertThat(auditOf(article)).containsExactly("reordered gallery");

        var stale =
                editor.postForm(url, Map.of("order", a + "," + b), "X-CSRF-Token", token, "Accept", "application/json");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed while you were arranging it");
        var junk = editor.postForm(url, Map.of("order", "1,two"), "X-CSRF-Token", token, "Accept", "application/json");
        assertThat(junk.statusCode()).isEqualTo(400);
        var noToken = editor.postForm(url, Map.of("order", a + "," + b + "," + c), "Accept", "application/json");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(galleryOf(article)).containsExactly(b, c, a);
        // as a plain form (no JSON asked for) it answers like the buttons
        var plain = editor.post(url, Map.of("order", a + "," + b + "," + c));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(galleryOf(article)).containsExactly(a, b, c);
    }

    @Test
    void addingRemovingAndTheLeadPhoto() throws InterruptedException {
        long a = photo("Kilo: the old mill.");
        long b = photo("Lima: the new flats.");
        long bare = t.fixtures.photo(300, 200, Color.BLACK, "", "", "");
        long article = published("mill-becomes-flats", Instant.parse("2026-11-16T12:00:00Z"), writerId, a);
        String base = "/newsroom/articles/" + article + "/gallery";
        String path = "/2026/11/16/mill-becomes-flats";

        // the picker offers library photos that are not in the gallery yet
        Document d = Jsoup.parse(editor.get(base).body());
        assertThat(d.select("#picker form[action=" + base + "/add] input[name=photo]")
                        .eachAttr("value"))
                .contains("" + b, "" + bare)
                .doesNotContain("" + a);
        Document search = Jsoup.parse(editor.get(base + "?q=flats").body());
        assertThat(search.select("#picker form[action=" + base + "/add] input[name=photo]")
                        .eachAttr("value"))
                .containsExactly("" + b);
        assertThat(search.select("#picker form[action=" + base + "/lead] input[name=photo]")
                        .eachAttr("value"))
                .containsExactly("" + b);

        // a published article shows only photos with caption, credit and alt text
        var refused = act(editor, article, "add", bare);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(HtmlValidator.problems(refused.body())).isEmpty();
        assertThat(Jsoup.parse(refused.body()).select(".error-summary").text())
                .contains("Photo " + bare
                        + " needs a caption, a credit and alt text before it can appear in a published article");
        assertThat(galleryOf(article)).containsExactly(a);

        assertThat(act(editor, article, "add", b).statusCode()).isEqualTo(303);
        assertThat(galleryOf(article)).containsExactly(a, b);
        assertThat(act(editor, article, "add", b).statusCode()).isEqualTo(422);
        assertThat(act(editor, article, "add", 999999).statusCode()).isEqualTo(422);
        assertThat(editor.post(base + "/add", Map.of("photo", "x")).statusCode())
                .isEqualTo(400);

        assertThat(act(editor, article, "lead", b).statusCode()).isEqualTo(303);
        assertThat(leadOf(article)).isEqualTo(b);
        var pub = eventually(path, s -> s.contains("Lima: the new flats."));
        assertThat(Jsoup.parse(pub.body()).select(".lead-photo figcaption").text())
                .contains("Lima: the new flats.");

        var removed = act(editor, article, "remove", b);
        assertThat(removed.headers().firstValue("Location")).hasValue(base + "?done=removed-lead");
        assertThat(galleryOf(article)).containsExactly(a);
        assertThat(leadOf(article)).isNull();
        assertThat(Jsoup.parse(editor.get(base + "?done=removed-lead").body())
                        .select(".notice")
                        .text())
                .contains("now has none");
        assertThat(act(editor, article, "remove", b).statusCode()).isEqualTo(422);
        assertThat(act(editor, article, "lead", b).statusCode()).isEqualTo(422); // not in the gallery
        assertThat(act(editor, article, "lead", a).statusCode()).isEqualTo(303);
        assertThat(editor.post(base + "/lead", Map.of("photo", "")).statusCode())
                .isEqualTo(303);
        assertThat(leadOf(article)).isNull();
        assertThat(auditOf(article))
                .containsExactly(
                        "added photo to gallery",
                        "set lead photo",
                        "removed photo from gallery",
                        "set lead photo",
                        "removed lead photo");

        // a draft may hold a photo still waiting for its words; the page flags it
        long draft = draft("mill-draft", writerId);
        assertThat(act(writer, draft, "add", bare).statusCode()).isEqualTo(303);
        var page = writer.get("/newsroom/articles/" + draft + "/gallery");
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        assertThat(Jsoup.parse(page.body()).select("li.gallery-item .flag").eachText())
                .contains("Needs caption", "Needs alt text");
    }

    @Test
    void whoMayArrangeWhichGallery() {
        long p = photo("Mike: a test photo.");
        long q = photo("November: another.");
        long ownDraft = draft("own-draft", writerId);
        long othersDraft = draft("others-draft", otherId);
        long ownPublished = published("own-published", Instant.parse("2026-11-15T12:00:00Z"), writerId, p, q);
        t.fixtures.gallery(ownDraft, p, q);
        t.fixtures.gallery(othersDraft, p, q);
        WebClient reader = t.signedIn("reader@example.org", Role.READER);
        reader.get("/account");
        WebClient anonymous = t.client();
        anonymous.get("/sign-in");

        for (String action : List.of("", "/add", "/remove", "/up", "/down", "/lead", "/order")) {
            String url = "/newsroom/articles/" + ownDraft + "/gallery" + action;
            boolean get = action.isEmpty();
            assertThat(
                            get
                                    ? anonymous.get(url).statusCode()
                                    : anonymous
                                            .post(url, Map.of("photo", "" + q))
                                            .statusCode())
                    .as("anonymous " + action)
                    .isEqualTo(303);
            assertThat(
                            get
                                    ? reader.get(url).statusCode()
                                    : reader.post(url, Map.of("photo", "" + q)).statusCode())
                    .as("reader " + action)
                    .isEqualTo(403);
            String others = "/newsroom/articles/" + othersDraft + "/gallery" + action;
            assertThat(
                            get
                                    ? writer.get(others).statusCode()
                                    : writer.post(others, Map.of("photo", "" + q, "order", q + "," + p))
                                            .statusCode())
                    .as("contributor, someone else's " + action)
                    .isEqualTo(403);
        }
        // contributors arrange their own drafts
        assertThat(writer.get("/newsroom/articles/" + ownDraft + "/gallery").statusCode())
                .isEqualTo(200);
        assertThat(act(writer, ownDraft, "up", q).statusCode()).isEqualTo(303);
        assertThat(act(writer, ownDraft, "down", q).statusCode()).isEqualTo(303);
        assertThat(act(writer, ownDraft, "lead", q).statusCode()).isEqualTo(303);
        assertThat(writer.post("/newsroom/articles/" + ownDraft + "/gallery/order", Map.of("order", q + "," + p))
                        .statusCode())
                .isEqualTo(303);
        assertThat(act(writer, ownDraft, "remove", q).statusCode()).isEqualTo(303);
        assertThat(act(writer, ownDraft, "add", q).statusCode()).isEqualTo(303);
        // ... but once published, only an editor changes what readers see
        var view = writer.get("/newsroom/articles/" + ownPublished + "/gallery");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(view.body())).isEmpty();
        Document d = Jsoup.parse(view.body());
        assertThat(d.select("form[method=post]")).isEmpty();
        assertThat(d.select("#gallery-list").attr("data-editable")).isEqualTo("false");
        assertThat(act(writer, ownPublished, "up", q).statusCode()).isEqualTo(403);
        // editors arrange any gallery
        assertThat(act(editor, othersDraft, "up", q).statusCode()).isEqualTo(303);
        assertThat(act(editor, ownPublished, "up", q).statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/articles/999999/gallery").statusCode()).isEqualTo(404);
        assertThat(act(editor, 999999, "up", q).statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/articles/abc/gallery").statusCode()).isEqualTo(404);
    }
}
