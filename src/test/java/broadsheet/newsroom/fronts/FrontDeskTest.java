package broadsheet.newsroom.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrontDeskTest {

    static TestApp t;
    static SamplePaper paper;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        paper = new SamplePaper(t.fixtures);
        t.contentChanged();
        editor = t.signedIn("editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @BeforeEach
    void resetFronts() {
        t.fixtures.front("home", paper.politicsStories[5], paper.businessStory);
        t.fixtures.front("section:politics", paper.politicsStories[10]);
        t.contentChanged();
    }

    Document page(String path) {
        var r = editor.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).as(path).isEmpty();
        return Jsoup.parse(r.body());
    }

    List<String> chosen(String front) {
        return Jsoup.parse(editor.get("/newsroom/fronts/" + front).body())
                .select("#front-items .front-item__headline")
                .eachText();
    }

    List<Long> rows(String front) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select article_id from front_items where front = :f order by position")
                        .bind("f", front)
                        .mapTo(Long.class)
                        .list());
    }

    /** The public page is rebuilt when the change's NOTIFY arrives: wait a few seconds for it. */
    static List<String> publicTopStories(String... expectedStart) {
        return Waiting.fewSeconds()
                .until(
                        () -> Jsoup.parse(t.client().get("/").body())
                                .select(".front__main .card__headline, .front__headline > a")
                                .eachText(),
                        top -> top.size() >= expectedStart.length
                                && top.subList(0, expectedStart.length).equals(List.of(expectedStart)));
    }

    @Test
    void listsHomeAndEverySectionFront() {
        Document d = page("/newsroom/fronts");
        assertThat(d.select("td a[href^=/newsroom/fronts/]").eachText())
                .containsExactly("Home page", "Politics section", "Business section");
        assertThat(d.select("a[href=/newsroom/fronts/section:politics]")).hasSize(1);
        Document politics = page("/newsroom/fronts/section:politics");
        assertThat(politics.select("h1").text()).isEqualTo("Politics section");
        assertThat(politics.select("#front-items .front-item__headline").eachText())
                .containsExactly("Politics story number 10 & more");
        assertThat(editor.get("/newsroom/fronts/section:nowhere").statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/fronts/sideways").statusCode()).isEqualTo(404);
    }

    int homeAudits() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from audit_log where action = 'curated front' and subject_type = 'front' and subject_id is null"
                                        + " and detail like 'Home page: %'")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void movingWithTheButtonsChangesThePublicHomePage() throws Exception {
        int auditsBefore = homeAudits();
        assertThat(publicTopStories("Politics story number 5 & more"))
                .startsWith("Politics story number 5 & more", "Analysis: Markets rally on port news");
        Document d = page("/newsroom/fronts/home");
        assertThat(d.select("#front-items .front-item__headline").eachText())
                .containsExactly("Politics story number 5 & more", "Markets rally on port news");
        // the first has no working "Move up", the last no "Move down"
        assertThat(d.select("#front-items li")
                        .first()
                        .select("form[data-move=up]")
                        .attr("hidden"))
                .isNotNull();
        assertThat(d.select("#front-items li")
                        .first()
                        .select("form[data-move=up]")
                        .hasAttr("hidden"))
                .isTrue();
        assertThat(d.select("#front-items li")
                        .last()
                        .select("form[data-move=down]")
                        .hasAttr("hidden"))
                .isTrue();
        assertThat(d.select("#front-items").attr("data-csrf"))
                .isEqualTo(editor.cookie("bs_csrf").orElseThrow());

        var r = editor.post(
                "/newsroom/fronts/home/move", Map.of("article", "" + paper.businessStory, "direction", "up"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("/newsroom/fronts/home?done=moved#item-" + paper.businessStory);
        Document after = page("/newsroom/fronts/home?done=moved");
        assertThat(after.select(".notice").text()).startsWith("Moved.");
        assertThat(chosen("home")).containsExactly("Markets rally on port news", "Politics story number 5 & more");
        assertThat(publicTopStories("Analysis: Markets rally on port news"))
                .startsWith("Analysis: Markets rally on port news", "Politics story number 5 & more");

        // and back down again, then off the front altogether
        assertThat(editor.post(
                                "/newsroom/fronts/home/move",
                                Map.of("article", "" + paper.businessStory, "direction", "down"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(rows("home")).containsExactly(paper.politicsStories[5], paper.businessStory);
        assertThat(editor.post("/newsroom/fronts/home/remove", Map.of("article", "" + paper.politicsStories[5]))
                        .statusCode())
                .isEqualTo(303);
        assertThat(rows("home")).containsExactly(paper.businessStory);
        assertThat(publicTopStories("Analysis: Markets rally on port news", "Politics story number 0 & more"))
                .startsWith("Analysis: Markets rally on port news", "Politics story number 0 & more");

        assertThat(homeAudits()).isEqualTo(auditsBefore + 3);
    }

    @Test
    void addingFindsPublishedHeadlines() {
        Document search = page("/newsroom/fronts/section:politics?q=number+2");
        List<String> found =
                search.select(".front-candidates .front-item__headline").eachText();
        assertThat(found)
                .contains("Politics story number 2 & more", "Politics story number 20 & more")
                .doesNotContain("Politics story number 3 & more");
        // articles already on the front are not offered; before a search, the newest are
        assertThat(page("/newsroom/fronts/section:politics")
                        .select(".front-candidates .front-item__headline")
                        .eachText())
                .hasSize(10)
                .doesNotContain("Politics story number 10 & more");
        // wildcards are taken literally
        assertThat(page("/newsroom/fronts/home?q=%25").select(".front-candidates li"))
                .isEmpty();

        var r = editor.post(
                "/newsroom/fronts/section:politics/add",
                Map.of("article", "" + paper.politicsStories[2], "where", "top"));
        assertThat(r.statusCode()).isEqualTo(303);
        editor.post(
                "/newsroom/fronts/section:politics/add",
                Map.of("article", "" + paper.businessStory, "where", "bottom"));
        assertThat(rows("section:politics"))
                .containsExactly(paper.politicsStories[2], paper.politicsStories[10], paper.businessStory);
        t.contentChanged();
        Document section = Jsoup.parse(t.client().get("/sections/politics").body());
        assertThat(section.select(".card__headline").eachText())
                .startsWith("Politics story number 2 & more", "Politics story number 10 & more");
    }

    @Test
    void badChangesAreRefusedClearlyAndWriteNothing() {
        long draft = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("""
                insert into articles (slug, headline, section_id, status) values ('a-draft', 'A draft', :s, 'draft') returning id""")
                        .bind("s", paper.politics)
                        .mapTo(Long.class)
                        .one());
        record Case(String path, Map<String, String> form, int status, String message) {}
        List<Case> cases = List.of(
                new Case(
                        "/newsroom/fronts/home/add",
                        Map.of("article", "" + draft),
                        422,
                        "Only published articles can go on a front"),
                new Case(
                        "/newsroom/fronts/home/add",
                        Map.of("article", "" + paper.businessStory),
                        422,
                        "already on this front"),
                new Case("/newsroom/fronts/home/add", Map.of("article", "999999"), 422, "There is no such article"),
                new Case("/newsroom/fronts/home/add", Map.of("article", "first"), 422, "Choose an article first"),
                new Case(
                        "/newsroom/fronts/home/move",
                        Map.of("article", "" + paper.politicsStories[5], "direction", "up"),
                        422,
                        "already at the top"),
                new Case(
                        "/newsroom/fronts/home/move",
                        Map.of("article", "" + paper.businessStory, "direction", "down"),
                        422,
                        "already at the bottom"),
                new Case(
                        "/newsroom/fronts/home/move",
                        Map.of("article", "" + paper.businessStory, "direction", "sideways"),
                        422,
                        "up or down"),
                new Case(
                        "/newsroom/fronts/home/remove",
                        Map.of("article", "" + paper.politicsStories[1]),
                        409,
                        "no longer on this front"));
        for (Case c : cases) {
            var r = editor.post(c.path(), c.form());
            assertThat(r.statusCode()).as(c.toString()).isEqualTo(c.status());
            Document d = Jsoup.parse(r.body());
            assertThat(d.select(".error-summary").text()).as(c.toString()).contains(c.message());
            assertThat(HtmlValidator.problems(r.body())).as(c.toString()).isEmpty();
        }
        assertThat(editor.post("/newsroom/fronts/section:gone/add", Map.of("article", "" + paper.businessStory))
                        .statusCode())
                .isEqualTo(404);
        assertThat(rows("home")).containsExactly(paper.politicsStories[5], paper.businessStory);
        int audited = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log where detail like '%A draft%'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(audited).isZero();
    }

    @Test
    void theOrderEndpointTakesTheWholeOrderWithTheHeaderToken() throws Exception {
        editor.post("/newsroom/fronts/home/add", Map.of("article", "" + paper.opinionStory, "where", "bottom"));
        int version = version("home");
        List<Long> order = List.of(paper.opinionStory, paper.businessStory, paper.politicsStories[5]);
        var r = order(editor, "home", order, version, true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).contains("\"version\":" + (version + 1));
        assertThat(rows("home")).isEqualTo(order);
        assertThat(publicTopStories("Opinion: Why the port matters"))
                .startsWith(
                        "Opinion: Why the port matters",
                        "Analysis: Markets rally on port news",
                        "Politics story number 5 & more");

        // a page drawn before that change is out of date: refused, nothing changes
        var stale = order(
                editor,
                "home",
                List.of(paper.businessStory, paper.opinionStory, paper.politicsStories[5]),
                version,
                true);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this front");
        // an order that leaves out or repeats an article, or is not numbers
        assertThat(order(editor, "home", List.of(paper.businessStory, paper.opinionStory), version + 1, true)
                        .statusCode())
                .isEqualTo(409);
        assertThat(order(
                                editor,
                                "home",
                                List.of(paper.businessStory, paper.businessStory, paper.opinionStory),
                                version + 1,
                                true)
                        .statusCode())
                .isEqualTo(422);
        assertThat(orderRaw(editor, "home", "order=a,b&version=1", true).statusCode())
                .isEqualTo(422);
        // without the token: refused before anything runs
        assertThat(order(
                                editor,
                                "home",
                                List.of(paper.businessStory, paper.opinionStory, paper.politicsStories[5]),
                                version + 1,
                                false)
                        .statusCode())
                .isEqualTo(403);
        assertThat(rows("home")).isEqualTo(order);
    }

    @Test
    void twoEditorsReorderingAtOnceLeaveAConsistentFront() throws Exception {
        WebClient other = t.signedIn("other-editor@example.org", Role.EDITOR);
        for (int i = 0; i < 6; i++) {
            editor.post(
                    "/newsroom/fronts/home/add",
                    Map.of("article", "" + paper.politicsStories[i == 5 ? 6 : i], "where", "bottom"));
        }
        List<Long> start = rows("home");
        assertThat(start).hasSize(8);
        int version = version("home");

        // both drag from the same page at the same moment: one wins, the other is told to reload
        List<Long> mine = new ArrayList<>(start);
        Collections.reverse(mine);
        List<Long> theirs = new ArrayList<>(start);
        Collections.rotate(theirs, 3);
        List<HttpResponse<String>> both = race(List.of(
                () -> order(editor, "home", mine, version, true), () -> order(other, "home", theirs, version, true)));
        List<Integer> statuses =
                both.stream().map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        List<Long> now = rows("home");
        assertThat(now).isEqualTo(both.get(0).statusCode() == 200 ? mine : theirs);
        assertConsistent("home", start);

        // many button presses at once from both: every one is applied in turn, nothing lost or doubled
        List<Callable<HttpResponse<String>>> presses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WebClient who = i % 2 == 0 ? editor : other;
            long article = start.get(i % start.size());
            String direction = i % 3 == 0 ? "down" : "up";
            presses.add(() ->
                    who.post("/newsroom/fronts/home/move", Map.of("article", "" + article, "direction", direction)));
        }
        int before = version("home");
        List<HttpResponse<String>> results = race(presses);
        long applied = results.stream().filter(r -> r.statusCode() == 303).count();
        assertThat(results).allSatisfy(r -> assertThat(r.statusCode()).isIn(303, 422));
        assertConsistent("home", start);
        assertThat(version("home")).isEqualTo(before + (int) applied);
    }

    void assertConsistent(String front, List<Long> members) {
        List<Integer> positions = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select position from front_items where front = :f order by position")
                        .bind("f", front)
                        .mapTo(Integer.class)
                        .list());
        assertThat(positions)
                .isEqualTo(java.util.stream.IntStream.range(0, members.size())
                        .boxed()
                        .toList());
        assertThat(rows(front)).containsExactlyInAnyOrderElementsOf(members);
    }

    static <T> List<T> race(List<Callable<T>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return job.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    int version(String front) {
        return Integer.parseInt(
                Jsoup.parse(editor.get("/newsroom/fronts/" + front).body())
                        .select("#front-items")
                        .attr("data-version"));
    }

    /** Posts as the page's script does: the order as a form field, the token in the X-CSRF-Token header. */
    static HttpResponse<String> order(WebClient who, String front, List<Long> ids, int version, boolean token)
            throws Exception {
        String order = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return orderRaw(
                who, front, "order=" + URLEncoder.encode(order, StandardCharsets.UTF_8) + "&version=" + version, token);
    }

    static HttpResponse<String> orderRaw(WebClient who, String front, String body, boolean token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url("/newsroom/fronts/" + front + "/order")))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header(
                        "Cookie",
                        "bs_session=" + who.cookie("bs_session").orElseThrow() + "; bs_csrf="
                                + who.cookie("bs_csrf").orElseThrow())
                .header("Origin", t.url(""))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token) b.header("X-CSRF-Token", who.cookie("bs_csrf").orElseThrow());
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
