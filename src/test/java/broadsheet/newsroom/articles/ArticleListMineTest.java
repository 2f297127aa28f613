package broadsheet.newsroom.articles;

import static broadsheet.newsroom.articles.Desk.idFrom;
import static broadsheet.newsroom.articles.Desk.valid;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The article list's "Only mine": two journalists, each sees their own, with words, filters and pages. */
class ArticleListMineTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static TestApp t;
    static Jdbi jdbi;
    static WebClient nora;
    static WebClient omar;
    static WebClient contributor;
    static long section;
    static long sport;
    static long noraByline;
    static long omarByline;

    @BeforeAll
    static void setUp() {
        t = app.get();
        jdbi = t.fixtures.jdbi();
        section = t.fixtures.section("city", "City");
        sport = t.fixtures.section("sport", "Sport");
        nora = t.signedIn("nora@example.org", Role.EDITOR);
        omar = t.signedIn("omar@example.org", Role.EDITOR);
        contributor = t.signedIn("cora@example.org", Role.CONTRIBUTOR);
        noraByline = t.fixtures.author("nora-quay", "Nora Quay");
        omarByline = t.fixtures.author("omar-vell", "Omar Vell");
        link(noraByline, "nora@example.org");
        link(omarByline, "omar@example.org");
    }

    static void link(long author, String email) {
        jdbi.useHandle(h -> h.execute(
                "update authors set user_id = (select id from users where email = ?) where id = ?", email, author));
    }

    /** Writes a draft through the editor as this person, with these bylines; its id. */
    static long write(WebClient c, String headline, long sectionId, long... authors) {
        List<String> kv = new java.util.ArrayList<>(List.of(
                "headline", headline, "section", String.valueOf(sectionId), "kind", "news", "body", "Some words."));
        for (long a : authors) {
            kv.add("author");
            kv.add(String.valueOf(a));
        }
        kv.add("action");
        kv.add("save");
        return idFrom(Desk.post(c, "/newsroom/articles", Desk.fields(kv.toArray(String[]::new))));
    }

    static List<String> headlines(WebClient c, String path) {
        var r = c.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        valid(r.body());
        return Jsoup.parse(r.body()).select("tbody td:first-child a").eachText();
    }

    @Test
    void eachJournalistSeesTheirOwnWithWordsAndFilters() {
        // Nora writes one under her byline, one under Omar's (she created it), and Omar writes one under his
        write(nora, "Quayside tramline plan", section, noraByline);
        write(nora, "Quayside market closes", sport, omarByline);
        write(omar, "Quayside ferry timetable", section, omarByline);
        // a published article nobody on the desk created (an import) carrying Nora's byline is hers too
        long imported = t.fixtures.article(
                "quayside-lights",
                "Quayside lights return",
                section,
                "news",
                java.time.Instant.parse("2026-11-02T09:00:00Z"),
                "Text.");
        t.fixtures.byline(imported, noraByline, 1);
        t.awaitSearch();

        assertThat(headlines(nora, "/newsroom/articles?mine=1&q=quayside"))
                .containsExactlyInAnyOrder(
                        "Quayside tramline plan", "Quayside market closes", "Quayside lights return");
        assertThat(headlines(omar, "/newsroom/articles?mine=1&q=quayside"))
                .containsExactlyInAnyOrder("Quayside market closes", "Quayside ferry timetable");
        // without "mine" an editor sees everyone's
        assertThat(headlines(omar, "/newsroom/articles?q=quayside")).hasSize(4);
        // with the other filters
        assertThat(headlines(nora, "/newsroom/articles?mine=1&q=quayside&section=" + sport))
                .containsExactly("Quayside market closes");
        assertThat(headlines(omar, "/newsroom/articles?mine=1&q=quayside&author=" + noraByline))
                .isEmpty();
        assertThat(headlines(nora, "/newsroom/articles?mine=1&q=quayside&status=published"))
                .containsExactly("Quayside lights return");
        assertThat(headlines(omar, "/newsroom/articles?mine=1&q=quayside&status=published"))
                .isEmpty();
        // the form shows the box ticked, labelled, and says what was searched when nothing matches
        Document d =
                Jsoup.parse(omar.get("/newsroom/articles?mine=1&q=tramline").body());
        assertThat(d.selectFirst("input#mine").hasAttr("checked")).isTrue();
        assertThat(d.selectFirst("label[for=mine]").text()).isEqualTo("Only mine");
        assertThat(d.select("p.empty").text()).isEqualTo("No article of yours matches “tramline”.");
        assertThat(Jsoup.parse(omar.get("/newsroom/articles?q=tramline").body())
                        .selectFirst("input#mine")
                        .hasAttr("checked"))
                .isFalse();
        // contributors see only their own anyway: no box to tick
        assertThat(Jsoup.parse(contributor.get("/newsroom/articles").body()).select("input#mine"))
                .isEmpty();
    }

    @Test
    void mineIsKeptInThePagesAndTheSortLinks() {
        long nora = jdbi.withHandle(h -> h.createQuery("select id from users where email = 'nora@example.org'")
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(h -> {
            for (int i = 0; i < 53; i++) {
                h.execute("""
                        insert into articles (slug, headline, section_id, status, updated_at, created_by)
                        values (?, ?, ?, 'draft', now() - make_interval(mins => ?), ?)""", "pier-" + i, "Pier note " + i, section, i + 10, nora);
                h.execute("""
                        insert into articles (slug, headline, section_id, status, updated_at, created_by)
                        values (?, ?, ?, 'draft', now() - make_interval(mins => ?), null)""", "pier-other-" + i, "Pier other " + i, section, i + 10);
            }
        });
        t.awaitSearch();
        var first = ArticleListMineTest.nora.get("/newsroom/articles?mine=1&q=pier&sort=headline");
        valid(first.body());
        Document d1 = Jsoup.parse(first.body());
        List<String> page1 = d1.select("tbody td:first-child a").eachText();
        assertThat(page1).hasSize(50).allMatch(h -> h.startsWith("Pier note"));
        String next = d1.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("mine=1").contains("q=pier").contains("sort=headline");
        Document d2 = Jsoup.parse(ArticleListMineTest.nora.get(next).body());
        assertThat(d2.select("tbody td:first-child a").eachText())
                .hasSize(3)
                .allMatch(h -> h.startsWith("Pier note"))
                .doesNotContainAnyElementsOf(page1);
        assertThat(d2.selectFirst("nav.pager a:containsOwn(First page)").attr("href"))
                .contains("mine=1");
        // Omar created none of them and has no byline on them
        assertThat(headlines(omar, "/newsroom/articles?mine=1&q=pier")).isEmpty();
    }
}
