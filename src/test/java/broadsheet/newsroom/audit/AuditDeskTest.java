package broadsheet.newsroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditDeskTest {

    static TestApp t;
    static SamplePaper paper;
    static WebClient editor;
    static WebClient admin;
    static long editorId;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        paper = new SamplePaper(t.fixtures);
        t.contentChanged();
        editor = t.signedIn("ed@example.org", Role.EDITOR);
        admin = t.signedIn("ad@example.org", Role.ADMIN);
        editorId = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = 'ed@example.org'")
                        .mapTo(Long.class)
                        .one());
        // real actions through the newsroom
        editor.post("/newsroom/fronts/home/move", Map.of("article", "" + paper.businessStory, "direction", "up"));
        editor.post("/newsroom/fronts/section:politics/add", Map.of("article", "" + paper.politicsStories[1]));
        editor.post("/newsroom/topics", Map.of("name", "Tides", "kind", "subject", "slug", "", "aliases", ""));
        admin.post("/newsroom/people/" + editorId + "/role", Map.of("role", "admin"));
        admin.post("/newsroom/people/" + editorId + "/role", Map.of("role", "editor"));
        // and a long history: 130 article edits by the editor, a minute apart, a year ago
        Instant start = Instant.parse("2025-07-01T12:00:00Z");
        t.fixtures.jdbi().useHandle(h -> {
            var batch = h.prepareBatch("""
                    insert into audit_log (at, actor_id, actor_label, action, subject_type, subject_id, detail)
                    values (:at, :actor, 'ed@example.org', 'edited article', 'article', :article, :detail)""");
            for (int i = 0; i < 130; i++) {
                batch.bind("at", Timestamp.from(start.plusSeconds(60L * i)))
                        .bind("actor", editorId)
                        .bind("article", paper.politicsStories[i % 3])
                        .bind("detail", "edit " + i)
                        .add();
            }
            batch.execute();
        });
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static Document page(String path) {
        var r = editor.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(HtmlValidator.problems(r.body())).as(path).isEmpty();
        return Jsoup.parse(r.body());
    }

    static List<String> column(Document d, int n) {
        return d.select("table.audit tbody tr td:nth-child(" + n + ")").eachText();
    }

    @Test
    void newestFirstWithWhoWhatWhichAndWhen() {
        Document d = page("/newsroom/audit");
        List<String> actions = column(d, 3);
        assertThat(actions.subList(0, 5))
                .containsExactly("changed role", "changed role", "created topic", "curated front", "curated front");
        Element front = d.select("table.audit tbody tr").get(4);
        assertThat(front.select("td").get(1).text()).isEqualTo("ed <ed@example.org>");
        assertThat(front.select("td").get(1).select("a").attr("href")).isEqualTo("/newsroom/audit?actor=" + editorId);
        assertThat(front.select("td").get(3).select("a").first().attr("href")).isEqualTo("/newsroom/fronts/home");
        assertThat(front.select("td").get(3).text()).startsWith("Home page front");
        assertThat(front.select("td").get(4).text())
                .isEqualTo("Home page: moved “Markets rally on port news” up to place 1");
        Element section = d.select("table.audit tbody tr").get(3);
        assertThat(section.select("td").get(3).select("a").first().attr("href"))
                .isEqualTo("/newsroom/fronts/section:politics");
        // the site's zone: Europe/London, an hour ahead of UTC in July
        Element old = d.select("table.audit tbody tr").last();
        assertThat(old.select("time").attr("datetime")).startsWith("2025-07-01T");
        assertThat(old.select("time").text()).endsWith("BST");
        assertThat(old.select("td").get(3).select("a").first().attr("href")).startsWith("/newsroom/articles/");
        assertThat(old.select("td").get(3).text())
                .contains("Article " + paper.politicsStories[0], "Politics story number");
        // people are linked for admins only (editors cannot open the people page)
        assertThat(d.select("table.audit a[href^=/newsroom/people]")).isEmpty();
        Document forAdmin =
                Jsoup.parse(admin.get("/newsroom/audit?action=changed+role").body());
        assertThat(forAdmin.select("table.audit a[href^=/newsroom/people]").eachAttr("href"))
                .contains("/newsroom/people?q=ed%40example.org");
    }

    @Test
    void pagesByKeysetWithoutGapsOrRepeats() {
        List<String> details = new ArrayList<>();
        String next = "/newsroom/audit?action=edited+article";
        int pages = 0;
        while (next != null && !next.isEmpty()) {
            Document d = page(next);
            details.addAll(column(d, 5));
            next = d.select("a[rel=next]").attr("href");
            pages++;
            if (pages > 1)
                assertThat(d.select("nav.pager a").first().attr("href"))
                        .isEqualTo("/newsroom/audit?action=edited+article");
        }
        assertThat(pages).isEqualTo(3);
        assertThat(details).hasSize(130).doesNotHaveDuplicates();
        assertThat(details.get(0)).isEqualTo("edit 129");
        assertThat(details.get(129)).isEqualTo("edit 0");
    }

    @Test
    void filtersByActionSubjectAndActor() {
        Document byAction = page("/newsroom/audit?action=curated+front");
        assertThat(column(byAction, 3)).hasSize(2).containsOnly("curated front");
        assertThat(byAction.select("#f-action option[selected]").val()).isEqualTo("curated front");
        assertThat(byAction.select("#f-action option").eachAttr("value"))
                .contains("", "changed role", "created topic", "curated front", "edited article");
        assertThat(byAction.select("#f-type option").eachAttr("value"))
                .contains("", "article", "front", "topic", "user");

        Document bySubject = page("/newsroom/audit?type=article&id=" + paper.politicsStories[1]);
        assertThat(column(bySubject, 5))
                .hasSize(43)
                .allSatisfy(s -> assertThat(s).startsWith("edit "));
        Document byActor = page("/newsroom/audit?actor=" + editorId + "&type=front");
        assertThat(column(byActor, 3)).containsExactly("curated front", "curated front");
        Document bySystem = page("/newsroom/audit?actor=system");
        assertThat(column(bySystem, 3))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a).startsWith("saved staff account"));
        Document nothing = page("/newsroom/audit?action=no+such+thing");
        assertThat(nothing.select(".empty").text()).isEqualTo("No entries match.");

        var bad = editor.get("/newsroom/audit?id=forty-two&actor=bob");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(HtmlValidator.problems(bad.body())).isEmpty();
        Document d = Jsoup.parse(bad.body());
        assertThat(d.select("#f-id-error").text()).contains("whole number");
        assertThat(d.select("#f-id").val()).isEqualTo("forty-two");
        assertThat(d.select("#f-actor-error").text()).contains("Choose someone");
        assertThat(editor.get("/newsroom/audit?before=later").statusCode()).isEqualTo(400);
    }
}
