package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The newsroom's home page over HTTP: whose articles each block lists, and which blocks and links each role gets. */
class NewsroomDashboardTest {

    static TestApp t;
    static WebClient writer, other, editor, admin;
    static long writerId, otherId;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        other = t.signedIn("other@example.org", Role.CONTRIBUTOR);
        editor = t.signedIn("editor@example.org", Role.EDITOR);
        admin = t.signedIn("admin@example.org", Role.ADMIN);
        writerId = userId("writer@example.org");
        otherId = userId("other@example.org");
        long news = t.fixtures.section("news", "News");
        Instant now = Instant.now();
        article("writer-draft", "Writer's own draft", news, "draft", null, writerId);
        article("other-draft", "Someone else's draft", news, "draft", null, otherId);
        article("writer-ready", "Writer's story waiting for an editor", news, "ready", null, writerId);
        article("other-ready", "Other's story waiting for an editor", news, "ready", null, otherId);
        article(
                "writer-later",
                "Writer's story for tomorrow",
                news,
                "scheduled",
                now.plus(Duration.ofDays(1)),
                writerId);
        article("other-later", "Other's story for next week", news, "scheduled", now.plus(Duration.ofDays(7)), otherId);
        article("old-news", "Published a week ago", news, "published", now.minus(Duration.ofDays(7)), otherId);
        article("fresh-news", "Published an hour ago", news, "published", now.minus(Duration.ofHours(1)), otherId);
        long nl = t.fixtures.newsletter("morning", "Morning Briefing", "", "everyone");
        t.fixtures.jdbi().useHandle(h -> {
            h.createUpdate("""
                    insert into newsletter_issues (newsletter_id, subject, status, send_at)
                    values (:n, 'Tomorrow at six', 'scheduled', now() + interval '1 day'),
                           (:n, 'An old draft issue', 'draft', null)""").bind("n", nl).execute();
            long a = h.createQuery("select id from articles where slug = 'fresh-news'")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("""
                    insert into comments (article_id, author_name, body, body_html, status, needs_review)
                    values (:a, 'Reader', 'Held', '<p>Held</p>', 'pending', true),
                           (:a, 'Reader', 'Held too', '<p>Held too</p>', 'pending', true),
                           (:a, 'Reader', 'Fine', '<p>Fine</p>', 'visible', false)""").bind("a", a).execute();
        });
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

    static void article(String slug, String headline, long section, String status, Instant at, long by) {
        t.fixtures
                .jdbi()
                .useHandle(h -> h.createUpdate("""
                        insert into articles (slug, headline, section_id, status, published_at, created_by)
                        values (:slug, :headline, :section, :status, :at, :by)""")
                        .bind("slug", slug)
                        .bind("headline", headline)
                        .bind("section", section)
                        .bind("status", status)
                        .bind("at", at == null ? null : Timestamp.from(at))
                        .bind("by", by)
                        .execute());
    }

    static Document home(WebClient c) {
        var r = c.get("/newsroom");
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    static java.util.List<String> block(Document d, String id) {
        return d.select("#dash-" + id + " li a").eachText();
    }

    @Test
    void aContributorSeesOwnDraftsAndOwnWorkOnlyAndNoEditorsBlocks() {
        Document d = home(writer);
        assertThat(block(d, "drafts")).containsExactly("Writer's own draft");
        assertThat(block(d, "ready")).containsExactly("Writer's story waiting for an editor");
        assertThat(block(d, "scheduled")).containsExactly("Writer's story for tomorrow");
        assertThat(d.select("#dash-moderation, #dash-newsletters")).isEmpty();
        assertThat(d.text()).doesNotContain("Someone else's draft", "Tomorrow at six");
    }

    @Test
    void anEditorSeesOwnDraftsButEveryonesQueueInTheOrderThatMatters() {
        Document d = home(editor);
        assertThat(block(d, "drafts"))
                .as("an editor has no drafts of their own")
                .isEmpty();
        assertThat(d.select("#dash-drafts .empty").text()).isEqualTo("You have no drafts.");
        assertThat(block(d, "ready"))
                .containsExactlyInAnyOrder(
                        "Writer's story waiting for an editor", "Other's story waiting for an editor");
        assertThat(block(d, "scheduled"))
                .as("soonest first")
                .containsExactly("Writer's story for tomorrow", "Other's story for next week");
        assertThat(block(d, "published"))
                .as("newest first")
                .containsExactly("Published an hour ago", "Published a week ago");
        assertThat(d.select("#dash-scheduled .when").first().text())
                .as("the time it goes out, in the paper's zone")
                .matches("Goes out \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2} \\w+");
        assertThat(d.select("#dash-ready .dash-more a").attr("href"))
                .isEqualTo("/newsroom/articles?sort=updated&status=ready");
        // "Your drafts" are the editor's own, and so is its full list (everyone's drafts are one click away)
        String drafts = d.select("#dash-drafts .dash-more a").attr("href");
        assertThat(drafts).isEqualTo("/newsroom/articles?sort=updated&status=draft&mine=1");
        assertThat(Jsoup.parse(editor.get(drafts).body()).select("tbody tr")).isEmpty();
        assertThat(Jsoup.parse(editor.get("/newsroom/articles?sort=updated&status=draft")
                                .body())
                        .select("tbody td:first-child a")
                        .eachText())
                .contains("Writer's own draft", "Someone else's draft");
    }

    @Test
    void editorsSeeCommentsAwaitingModerationAndNewslettersGoingOut() {
        Document d = home(editor);
        assertThat(d.select("#dash-moderation .big").text()).isEqualTo("2");
        assertThat(d.select("#dash-moderation a").attr("href")).isEqualTo("/newsroom/moderation");
        assertThat(block(d, "newsletters")).containsExactly("Tomorrow at six");
        assertThat(d.select("#dash-newsletters .when").text()).contains("Morning Briefing", "Scheduled");
    }

    @Test
    void eachArticleLinksToItsEditorAndTheOtherWriterSeesOnlyTheirs() {
        Document d = home(other);
        assertThat(block(d, "drafts")).containsExactly("Someone else's draft");
        String href = d.select("#dash-drafts li a").attr("href");
        assertThat(other.get(href).statusCode()).isEqualTo(200);
        assertThat(writer.get(href).statusCode())
                .as("another writer's draft is not for this writer")
                .isNotEqualTo(200);
    }

    @Test
    void theNavigationShowsEachRoleOnlyTheDesksItMayUse() {
        var contributor = home(writer).select("nav.nr-nav--nr-wide a").eachText();
        assertThat(contributor).containsExactly("Articles", "Photos", "API tokens");
        var ed = home(editor).select("nav.nr-nav--nr-wide a").eachText();
        assertThat(ed)
                .containsExactly(
                        "Articles",
                        "Photos",
                        "API tokens",
                        "Fronts",
                        "Sections",
                        "Authors",
                        "Topics",
                        "Comments",
                        "Newsletters",
                        "Paywall",
                        "Audit");
        var ad = home(admin).select("nav.nr-nav--nr-wide a").eachText();
        assertThat(ad).contains("Subscriptions", "People");
        for (WebClient c : new WebClient[] {writer, editor, admin}) {
            Document d = home(c);
            for (var a : d.select("nav.nr-nav a")) {
                assertThat(c.get(a.attr("href")).statusCode())
                        .as("a link in the menu opens: " + a.attr("href"))
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void theFrameIsTheNewsroomsOwnWithAWayBackToTheSiteAndAMenuWithoutScript() {
        Document d = home(writer);
        assertThat(d.select("header.masthead")).as("not the reader masthead").isEmpty();
        assertThat(d.select(".nr-bar a:containsOwn(View site)").attr("href")).isEqualTo("/");
        assertThat(d.select("details.nr-menu > summary").text()).isEqualTo("Menu");
        assertThat(d.select("details.nr-menu nav a").eachText()).containsExactly("Articles", "Photos", "API tokens");
        assertThat(d.select("script")).as("the dashboard needs no script").isEmpty();
    }

    @Test
    void readersAndStrangersAreKeptOut() {
        assertThat(t.client().get("/newsroom").statusCode()).isEqualTo(303);
        assertThat(t.signedIn("reader@example.org", Role.READER)
                        .get("/newsroom")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theDashboardIsValidHtml() {
        assertThat(HtmlValidator.problems(editor.get("/newsroom").body())).isEmpty();
        assertThat(HtmlValidator.problems(writer.get("/newsroom").body())).isEmpty();
    }
}
