package broadsheet.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fronts laid out in slots: layouts, pinned and unpinned slots, the opinion rail, breaking news. */
class FrontLayoutsTest {

    static TestApp t;
    static SamplePaper paper;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = new TestApp(TestApp.Options.defaults().plainHttp());
        paper = new SamplePaper(t.fixtures);
        t.contentChanged();
        editor = t.signedIn("fronts-editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @AfterEach
    void reset() {
        t.fixtures.jdbi().useHandle(h -> {
            h.execute("delete from breaking_news");
            h.execute("update front_versions set layout = 'lead_plus_four'");
        });
        t.contentChanged();
    }

    static Document get(String path) {
        var r = t.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).as(path).isEmpty();
        return Jsoup.parse(r.body());
    }

    /** The page once a change has reached it (a change notice takes a moment to clear the cache). */
    static Document once(String path, java.util.function.Predicate<Document> changed) {
        Waiting.fewSeconds().until(() -> changed.test(Jsoup.parse(t.get(path).body())));
        return get(path);
    }

    static List<String> slot(Document d, String slot) {
        return d.select("[data-slot=" + slot + "] .card__headline, [data-slot=" + slot + "] .front__headline > a")
                .eachText();
    }

    static String story(int i) {
        return "Politics story number " + i + " & more";
    }

    @Test
    void leadPlusFourFillsEachSlotPinnedFirstThenTheNewestNews() {
        Document d = get("/");
        // the editor pinned story 5 and the analysis: they take the first slots, in the editor's order
        assertThat(slot(d, "lead")).containsExactly(story(5));
        assertThat(slot(d, "secondary"))
                .containsExactly("Analysis: Markets rally on port news", story(0), story(1), story(2));
        assertThat(slot(d, "headlines")).containsExactly(story(3), story(4), story(6), story(7), story(8), story(9));
        // opinion goes to the rail, never to an unpinned news slot
        assertThat(slot(d, "opinion")).containsExactly("Opinion: Why the port matters");
        assertThat(d.select(".card__headline, .front__headline > a").eachText()).doesNotHaveDuplicates();
        // the lead's photo is the page's largest paint: not lazy
        assertThat(d.select("[data-slot=lead] img").attr("fetchpriority")).isEqualTo("high");
    }

    @Test
    void aStoryJustPublishedLandsInTheFirstUnpinnedSlot() {
        long id = t.fixtures.article(
                "just-in",
                "Just in: harbour reopens",
                paper.business,
                "news",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                "It reopened.");
        try {
            t.contentChanged();
            Document home = get("/");
            // two slots are pinned, so the third slot (the second story under the lead) is the first free one
            assertThat(slot(home, "secondary").get(1)).isEqualTo("Just in: harbour reopens");
            // with nothing pinned on the business front, it leads there
            assertThat(slot(get("/sections/business"), "lead")).containsExactly("Just in: harbour reopens");
        } finally {
            t.fixtures.jdbi().useHandle(h -> h.execute("delete from articles where id = ?", id));
        }
    }

    @Test
    void editorsChooseALayoutAndTheSlotsFollowIt() {
        var r = editor.post("/newsroom/fronts/home/layout", Map.of("layout", "two_leads"));
        assertThat(r.statusCode()).isEqualTo(303);
        Document d = once("/", x -> !x.select(".front--two-leads").isEmpty());
        assertThat(slot(d, "lead")).containsExactly(story(5), "Analysis: Markets rally on port news");
        assertThat(slot(d, "secondary")).containsExactly(story(0), story(1), story(2));
        assertThat(slot(d, "headlines")).hasSize(6);
        assertThat(d.select(".front--two-leads")).hasSize(1);

        editor.post("/newsroom/fronts/home/layout", Map.of("layout", "lead_plus_list"));
        d = once("/", x -> !x.select(".front--lead-plus-list").isEmpty());
        assertThat(slot(d, "lead")).containsExactly(story(5));
        assertThat(d.select("[data-slot=secondary]")).isEmpty();
        assertThat(slot(d, "headlines")).hasSize(10).startsWith("Analysis: Markets rally on port news", story(0));

        // the desk shows the choice, and the change is in the audit log
        Document desk = Jsoup.parse(editor.get("/newsroom/fronts/home").body());
        assertThat(desk.select("input[name=layout][checked]").attr("value")).isEqualTo("lead_plus_list");
        assertThat(auditCount("curated front", "%layout Lead + list")).isEqualTo(1);

        var bad = editor.post("/newsroom/fronts/home/layout", Map.of("layout", "mosaic"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Choose one of the layouts.");
    }

    @Test
    void sectionFrontIsLaidOutThenListsTheRestOnce() {
        Document d = get("/sections/politics");
        assertThat(slot(d, "lead")).containsExactly(story(10)); // pinned
        assertThat(slot(d, "secondary")).containsExactly(story(0), story(1), story(2), story(3));
        assertThat(slot(d, "headlines")).containsExactly(story(4), story(5), story(6), story(7), story(8), story(9));
        List<String> all = d.select(".card__headline, .front__headline > a").eachText();
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void breakingBannerShowsOnHomeAndItsSectionUntilItExpires() throws Exception {
        var r = editor.post(
                "/newsroom/fronts/breaking", Map.of("article", "" + paper.politicsStories[1], "for", "30m"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(once("/", x -> !x.select(".breaking").isEmpty())
                        .select(".breaking a")
                        .eachText())
                .containsExactly(story(1));
        assertThat(get("/sections/politics").select(".breaking a").eachText()).containsExactly(story(1));
        assertThat(get("/sections/business").select(".breaking")).isEmpty();
        // the cached page lives no longer than the banner
        assertThat(t.get("/").headers().firstValue("Cache-Control").orElseThrow())
                .contains("max-age=60");
        assertThat(auditCount("marked breaking", "%for 30 minutes")).isEqualTo(1);
        Document desk = Jsoup.parse(editor.get("/newsroom/fronts").body());
        assertThat(desk.select(".breaking-now .front-item__headline").eachText())
                .containsExactly(story(1));

        // time passes: the banner ends two seconds from now, with no content change to clear the cache
        t.fixtures
                .jdbi()
                .useHandle(
                        h -> h.execute(
                                "update breaking_news set marked_at = now() - interval '1 hour', expires_at = now() + interval '2 seconds'"));
        t.contentChanged();
        var cached = t.get("/");
        assertThat(cached.body()).contains("class=\"breaking\"");
        assertThat(cached.headers().firstValue("Cache-Control").orElseThrow()).containsPattern("max-age=[0-2],");
        Waiting.upTo(Duration.ofSeconds(10)).until(() -> !t.get("/").body().contains("class=\"breaking\""));
        assertThat(t.get("/sections/politics").body()).doesNotContain("class=\"breaking\"");
        assertThat(t.get("/").headers().firstValue("Cache-Control").orElseThrow())
                .isEqualTo(broadsheet.web.PageCache.CACHE_CONTROL);
    }

    @Test
    void untilRemovedStaysUntilAnEditorRemovesIt() {
        editor.post("/newsroom/fronts/breaking", Map.of("article", "" + paper.businessStory, "for", "open"));
        assertThat(once("/sections/business", x -> !x.select(".breaking").isEmpty())
                        .select(".breaking a")
                        .eachText())
                .containsExactly("Markets rally on port news");
        assertThat(t.get("/").headers().firstValue("Cache-Control").orElseThrow())
                .isEqualTo(broadsheet.web.PageCache.CACHE_CONTROL);
        assertThat(get("/").select(".breaking a").eachText()).containsExactly("Markets rally on port news");
        var r = editor.post("/newsroom/fronts/breaking/end", Map.of("article", "" + paper.businessStory));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(once("/", x -> x.select(".breaking").isEmpty()).select(".breaking"))
                .isEmpty();
        assertThat(auditCount("ended breaking", "%Markets rally%")).isEqualTo(1);
        // again: nothing to end
        assertThat(editor.post("/newsroom/fronts/breaking/end", Map.of("article", "" + paper.businessStory))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void breakingRefusesBadInputAndWritesNothing() {
        var r = editor.post(
                "/newsroom/fronts/breaking", Map.of("article", "" + paper.politicsStories[2], "for", "forever"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Choose how long the story stays breaking.");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute("update articles set status = 'draft' where slug = 'politics-story-24'"));
        try {
            r = editor.post(
                    "/newsroom/fronts/breaking", Map.of("article", "" + paper.politicsStories[24], "for", "1h"));
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(r.body()).contains("Only a published article can be breaking news.");
        } finally {
            t.fixtures
                    .jdbi()
                    .useHandle(h ->
                            h.execute("update articles set status = 'published' where slug = 'politics-story-24'"));
        }
        assertThat(breakingRows()).isZero();
    }

    @Test
    void onlyEditorsWithTheCsrfTokenChangeLayoutsOrBreakingNews() {
        WebClient reader = t.signedIn("fronts-reader@example.org", Role.READER);
        assertThat(reader.get("/newsroom/fronts").statusCode()).isEqualTo(403);
        assertThat(reader.post(
                                "/newsroom/fronts/breaking",
                                Map.of("article", "" + paper.politicsStories[2], "for", "1h"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.post("/newsroom/fronts/home/layout", Map.of("layout", "two_leads"))
                        .statusCode())
                .isEqualTo(403);
        // an editor's post without the token is refused too
        assertThat(editor.postRaw(
                                "/newsroom/fronts/breaking",
                                Map.of("article", "" + paper.politicsStories[2], "for", "1h"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.postRaw("/newsroom/fronts/home/layout", Map.of("layout", "two_leads"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(breakingRows()).isZero();
        assertThat(get("/").select(".front--lead-plus-four")).hasSize(1);
        // the desk page itself is valid HTML
        var desk = editor.get("/newsroom/fronts");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(desk.body())).isEmpty();
        assertThat(HtmlValidator.problems(editor.get("/newsroom/fronts/home").body()))
                .isEmpty();
    }

    static int breakingRows() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from breaking_news")
                        .mapTo(Integer.class)
                        .one());
    }

    static int auditCount(String action, String detailLike) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log where action = :a and detail like :d")
                        .bind("a", action)
                        .bind("d", detailLike)
                        .mapTo(Integer.class)
                        .one());
    }
}
