package broadsheet.newsroom.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogDeskTest {

    static TestApp t;
    static SamplePaper paper;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        paper = new SamplePaper(t.fixtures);
        t.contentChanged();
        editor = t.signedIn("desk@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static Document valid(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(HtmlValidator.problems(r.body())).as(r.uri().toString()).isEmpty();
        return Jsoup.parse(r.body());
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static long created(HttpResponse<String> r, String plural) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/newsroom/" + plural + "/").endsWith("?done=created");
        return Long.parseLong(location.substring(("/newsroom/" + plural + "/").length(), location.indexOf('?')));
    }

    static String version(String path) {
        return Jsoup.parse(editor.get(path).body())
                .select("input[name=version]")
                .val();
    }

    static int audits(String action, String type, long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from audit_log where action = :a and subject_type = :t and subject_id = :id")
                        .bind("a", action)
                        .bind("t", type)
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void everyListAndFormIsValidHtml() {
        for (String plural : List.of("sections", "authors", "topics")) {
            Document list = valid(editor.get("/newsroom/" + plural), 200);
            assertThat(list.select("nav[aria-label=Newsroom] a[aria-current=page]")
                            .attr("href"))
                    .isEqualTo("/newsroom/" + plural);
            valid(editor.get("/newsroom/" + plural + "/new"), 200);
            valid(editor.get("/newsroom/" + plural + "?q=zzz"), 200);
            String first = list.select("tbody td:first-child a").first().attr("href");
            valid(editor.get(first), 200);
        }
    }

    @Test
    void sectionsAreCreatedCheckedRenamedAndDeleted() throws Exception {
        Document list = valid(editor.get("/newsroom/sections"), 200);
        assertThat(list.select("tbody td:first-child a").eachText()).containsExactly("Politics", "Business");
        valid(editor.get("/newsroom/sections/new"), 200);

        // every field wrong: 422, each message next to its field, what was typed kept
        Document bad = valid(
                editor.post(
                        "/newsroom/sections",
                        form("name", " ", "slug", "Bad Slug", "description", "", "position", "x")),
                422);
        assertThat(bad.select("#f-name-error").text()).contains("Enter a name");
        assertThat(bad.select("#f-slug-error").text()).contains("is not a valid slug");
        assertThat(bad.select("#f-position-error").text()).contains("whole number");
        assertThat(bad.select("#f-slug").val()).isEqualTo("Bad Slug");
        assertThat(bad.select("#f-slug").attr("aria-describedby")).isEqualTo("f-slug-error");
        assertThat(bad.select(".error-summary a[href=#f-slug]")).hasSize(1);
        Document taken =
                valid(editor.post("/newsroom/sections", form("name", "More politics", "slug", "politics")), 422);
        assertThat(taken.select("#f-slug-error").text()).contains("already used by another section");
        Document tooLong = valid(editor.post("/newsroom/sections", form("name", "x".repeat(81))), 422);
        assertThat(tooLong.select("#f-name-error").text()).contains("at most 80 characters");

        // a blank slug is made from the name; a blank position puts it last
        long culture = created(
                editor.post(
                        "/newsroom/sections",
                        form(
                                "name",
                                "Culture & Arts",
                                "slug",
                                "",
                                "description",
                                "Books, stage, screen.",
                                "position",
                                "")),
                "sections");
        Document edit = valid(editor.get("/newsroom/sections/" + culture + "?done=created"), 200);
        assertThat(edit.select(".notice").text()).contains("created");
        assertThat(edit.select("#f-slug").val()).isEqualTo("culture-arts");
        assertThat(edit.select("#f-position").val()).isEqualTo("2");
        assertThat(audits("created section", "section", culture)).isEqualTo(1);
        assertThat(navAfterChange(List.of("Home", "Politics", "Business", "Culture & Arts")))
                .endsWith("Culture & Arts");

        // renaming Politics: the public navigation, its address and its front move with it
        String v = version("/newsroom/sections/" + paper.politics);
        var saved = editor.post(
                "/newsroom/sections/" + paper.politics,
                form(
                        "name",
                        "Government",
                        "slug",
                        "government",
                        "description",
                        "Who runs things.",
                        "position",
                        "0",
                        "version",
                        v));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location"))
                .hasValue("/newsroom/sections/" + paper.politics + "?done=saved");
        assertThat(navAfterChange(List.of("Home", "Government", "Business", "Culture & Arts")))
                .containsExactly("Home", "Government", "Business", "Culture & Arts");
        assertThat(t.client().get("/sections/government").statusCode()).isEqualTo(200);
        assertThat(t.client().get("/sections/politics").statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(t.client().get("/sections/government").body())
                        .select(".card__headline")
                        .first()
                        .text())
                .isEqualTo("Politics story number 10 & more");
        assertThat(editor.get("/newsroom/fronts/section:government").statusCode())
                .isEqualTo(200);
        String detail = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from audit_log where action = 'edited section' and subject_id = :id")
                        .bind("id", paper.politics)
                        .mapTo(String.class)
                        .one());
        assertThat(detail).contains("name: Politics → Government", "slug: politics → government");

        // an edit from a page opened before that save: 409, what was typed kept, saving again goes through
        Document stale = valid(
                editor.post(
                        "/newsroom/sections/" + paper.politics,
                        form(
                                "name",
                                "Politics again",
                                "slug",
                                "politics",
                                "description",
                                "",
                                "position",
                                "0",
                                "version",
                                v)),
                409);
        assertThat(stale.select(".error-summary").text()).contains("Someone else saved changes");
        assertThat(stale.select("#f-name").val()).isEqualTo("Politics again");
        String fresh = stale.select("input[name=version]").val();
        assertThat(fresh).isNotEqualTo(v);
        assertThat(editor.post(
                                "/newsroom/sections/" + paper.politics,
                                form(
                                        "name",
                                        "Politics",
                                        "slug",
                                        "politics",
                                        "description",
                                        "",
                                        "position",
                                        "0",
                                        "version",
                                        fresh))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.get("/newsroom/fronts/section:politics").statusCode()).isEqualTo(200);

        // in use: refused with a clear message, nothing deleted; unused: gone
        Document refused = valid(editor.post("/newsroom/sections/" + paper.business + "/delete", Map.of()), 422);
        assertThat(refused.select(".error-summary").text())
                .contains("“Business” cannot be deleted: 2 articles are filed in it");
        assertThat(editor.get("/newsroom/sections/" + paper.business).statusCode())
                .isEqualTo(200);
        var deleted = editor.post("/newsroom/sections/" + culture + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/newsroom/sections?done=deleted");
        assertThat(editor.get("/newsroom/sections/" + culture).statusCode()).isEqualTo(404);
        assertThat(audits("deleted section", "section", culture)).isEqualTo(1);
        assertThat(navAfterChange(List.of("Home", "Politics", "Business")))
                .containsExactly("Home", "Politics", "Business");
        assertThat(editor.get("/newsroom/sections/abc").statusCode()).isEqualTo(404);
    }

    /** The navigation is reloaded when the change's NOTIFY arrives: wait a few seconds for it. */
    static List<String> navAfterChange(List<String> expected) {
        return Waiting.fewSeconds()
                .until(
                        () -> Jsoup.parse(t.client().get("/").body())
                                .select("nav[aria-label=Sections] a")
                                .eachText(),
                        expected::equals);
    }

    @Test
    void authorsHaveAPortraitAndMayBeLinkedToAStaffAccount() {
        long photo = t.fixtures.photo(400, 400, Color.BLUE, "Cara Moss", "Staff photo", "Cara Moss smiling");
        long writer = t.fixtures.user("cara@example.org", Role.CONTRIBUTOR, "a long password for cara");
        long reader = t.fixtures.user("rita@example.org", Role.READER, "a long password for rita");

        Document blank = valid(editor.get("/newsroom/authors/new"), 200);
        assertThat(blank.select("#f-portrait option").eachAttr("value")).contains("", "" + photo);
        assertThat(blank.select("#f-user option").eachText())
                .anySatisfy(o -> assertThat(o).contains("cara@example.org"))
                .noneSatisfy(o -> assertThat(o).contains("rita@example.org"));

        Document bad = valid(
                editor.post(
                        "/newsroom/authors",
                        form(
                                "name",
                                "Cara Moss",
                                "slug",
                                "ada-quill",
                                "title",
                                "",
                                "bio",
                                "b".repeat(4001),
                                "portrait",
                                "987654",
                                "user",
                                "" + reader)),
                422);
        assertThat(bad.select("#f-slug-error").text()).contains("already used by another author");
        assertThat(bad.select("#f-bio-error").text()).contains("at most 4000 characters");
        assertThat(bad.select("#f-portrait-error").text()).contains("There is no photo number 987654");
        assertThat(bad.select("#f-user-error").text()).contains("Only contributors, editors and admins");
        assertThat(bad.select("#f-name").val()).isEqualTo("Cara Moss");

        long cara = created(
                editor.post(
                        "/newsroom/authors",
                        form(
                                "name",
                                "Cara Moss",
                                "slug",
                                "cara-moss",
                                "title",
                                "Arts editor",
                                "bio",
                                "Cara writes about theatre.",
                                "portrait",
                                "" + photo,
                                "user",
                                "" + writer)),
                "authors");
        Document edit = valid(editor.get("/newsroom/authors/" + cara), 200);
        assertThat(edit.select("#f-portrait option[selected]").val()).isEqualTo("" + photo);
        assertThat(edit.select("#f-user option[selected]").val()).isEqualTo("" + writer);
        long linked = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select user_id from authors where id = :id")
                        .bind("id", cara)
                        .mapTo(Long.class)
                        .one());
        assertThat(linked).isEqualTo(writer);
        Document page = Jsoup.parse(t.client().get("/authors/cara-moss").body());
        assertThat(page.select("h1").text()).isEqualTo("Cara Moss");

        // one account, one author
        Document twice = valid(
                editor.post(
                        "/newsroom/authors/" + paper.ben,
                        form(
                                "name",
                                "Ben Marsh",
                                "slug",
                                "ben-marsh",
                                "title",
                                "Reporter",
                                "bio",
                                "",
                                "portrait",
                                "",
                                "user",
                                "" + writer,
                                "version",
                                version("/newsroom/authors/" + paper.ben))),
                422);
        assertThat(twice.select("#f-user-error").text()).contains("already linked to the author “Cara Moss”");

        // unlink and drop the portrait
        assertThat(editor.post(
                                "/newsroom/authors/" + cara,
                                form(
                                        "name",
                                        "Cara Moss",
                                        "slug",
                                        "cara-moss",
                                        "title",
                                        "Arts editor",
                                        "bio",
                                        "Cara writes about theatre.",
                                        "portrait",
                                        "",
                                        "user",
                                        "",
                                        "version",
                                        version("/newsroom/authors/" + cara)))
                        .statusCode())
                .isEqualTo(303);
        boolean unlinked = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select user_id is null and portrait_photo_id is null from authors where id = :id")
                        .bind("id", cara)
                        .mapTo(Boolean.class)
                        .one());
        assertThat(unlinked).isTrue();

        Document inUse = valid(editor.post("/newsroom/authors/" + paper.ada + "/delete", Map.of()), 422);
        assertThat(inUse.select(".error-summary").text()).contains("“Ada Quill” cannot be deleted", "on the byline");
        assertThat(editor.post("/newsroom/authors/" + cara + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        // every node drops the author's cached page when it hears the change (within milliseconds)
        Waiting.fewSeconds()
                .untilAsserted(
                        () -> assertThat(t.client().get("/authors/cara-moss").statusCode())
                                .isEqualTo(404));
        assertThat(audits("created author", "author", cara)
                        + audits("edited author", "author", cara)
                        + audits("deleted author", "author", cara))
                .isEqualTo(3);
        Document all = valid(editor.get("/newsroom/authors?q=quill"), 200);
        assertThat(all.select("tbody td:first-child a").eachText()).containsExactly("Ada Quill");
    }

    @Test
    void topicsHaveAKindAndAliases() {
        Document bad = valid(
                editor.post(
                        "/newsroom/topics",
                        form(
                                "name",
                                "Dock Authority",
                                "slug",
                                "",
                                "kind",
                                "building",
                                "aliases",
                                "the Authority, The authority")),
                422);
        assertThat(bad.select("#f-kind-error").text()).contains("person, organization, place or subject");
        assertThat(bad.select("#f-aliases-error").text()).contains("listed twice");
        assertThat(bad.select("#f-aliases").val()).isEqualTo("the Authority, The authority");

        long dock = created(
                editor.post(
                        "/newsroom/topics",
                        form(
                                "name",
                                "Dock Authority",
                                "slug",
                                "",
                                "kind",
                                "organization",
                                "aliases",
                                " the Authority ,, DA ")),
                "topics");
        Document edit = valid(editor.get("/newsroom/topics/" + dock), 200);
        assertThat(edit.select("#f-slug").val()).isEqualTo("dock-authority");
        assertThat(edit.select("#f-kind option[selected]").val()).isEqualTo("organization");
        assertThat(edit.select("#f-aliases").val()).isEqualTo("the Authority, DA");
        Document page = Jsoup.parse(t.client().get("/topics/dock-authority").body());
        assertThat(page.text()).contains("Also known as the Authority, DA.");

        assertThat(editor.post(
                                "/newsroom/topics/" + dock,
                                form(
                                        "name",
                                        "Dock Authority",
                                        "slug",
                                        "port-authority",
                                        "kind",
                                        "organization",
                                        "aliases",
                                        "",
                                        "version",
                                        version("/newsroom/topics/" + dock)))
                        .statusCode())
                .isEqualTo(303);
        assertThat(t.client().get("/topics/port-authority").statusCode()).isEqualTo(200);

        Document inUse = valid(editor.post("/newsroom/topics/" + paper.harbour + "/delete", Map.of()), 422);
        assertThat(inUse.select(".error-summary").text())
                .contains("“Harbour Bill” cannot be deleted", "tagged with it");
        assertThat(editor.post("/newsroom/topics/" + dock + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        Document list = valid(editor.get("/newsroom/topics?done=deleted"), 200);
        assertThat(list.select(".notice").text()).contains("deleted");
        assertThat(list.select("tbody td:first-child a").eachText()).containsExactly("Harbour Bill");
    }
}
