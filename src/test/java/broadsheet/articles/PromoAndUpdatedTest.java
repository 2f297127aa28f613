package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The newsletter promo's rules on article pages, and the "Updated" line after a correction. */
class PromoAndUpdatedTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    static final String FOUR = "One.\n\nTwo.\n\nThree.\n\nFour.";
    static long metro;
    static long politics;

    @BeforeAll
    static void setUp() {
        var f = app.get().fixtures;
        f.setting("site_time_zone", "Europe/London");
        metro = f.section("metro", "Metro");
        politics = f.section("politics", "Politics");
        f.newsletter("metro-daily", "Metro Daily", "The city's news every morning", "everyone");
        f.newsletter("politics-briefing", "Politics Briefing", "The day's political headlines", "subscribers");
    }

    static Document page(TestApp t, String slug) {
        var r = t.get("/2026/11/20/" + slug);
        assertThat(r.statusCode()).as(slug).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    static String blocks(Document d) {
        return String.join(
                ",",
                d.select(".article__body > p, .article__body > aside").stream()
                        .map(e -> e.tagName().equals("aside") ? "promo" : e.text())
                        .toList());
    }

    @Test
    void byDefaultThePromoIsOneSignUpLinkAtTheEndOfTheBody() {
        TestApp t = app.get();
        t.fixtures.article("four-paragraphs", "Four paragraphs", metro, "news", AT, FOUR);
        t.contentChanged();
        Document d = page(t, "four-paragraphs");
        assertThat(blocks(d)).isEqualTo("One.,Two.,Three.,Four.,promo");
        Element promo = d.selectFirst(".article__body aside.promo");
        assertThat(promo.select("a")).hasSize(1);
        assertThat(promo.selectFirst("a").attr("href")).isEqualTo("/newsletters/metro-daily");
        assertThat(promo.selectFirst("a").text()).isEqualTo("Sign up for Metro Daily");
        assertThat(promo.select("form")).isEmpty();
    }

    @Test
    void aNewsletterForSubscribersLeadsToSubscribing() {
        TestApp t = app.get();
        t.fixtures.article("politics-four", "Politics four", politics, "news", AT, FOUR);
        t.contentChanged();
        Element promo = page(t, "politics-four").selectFirst("aside.promo");
        assertThat(promo.select("a")).hasSize(1);
        assertThat(promo.selectFirst("a").attr("href")).isEqualTo("/subscribe");
        assertThat(promo.text()).contains("Politics Briefing").contains("(subscribers only)");
    }

    @Test
    void anArticleShorterThanFourParagraphsGetsNoPromo() {
        TestApp t = app.get();
        t.fixtures.article("three-paragraphs", "Three paragraphs", metro, "news", AT, "One.\n\nTwo.\n\nThree.");
        t.contentChanged();
        Document d = page(t, "three-paragraphs");
        assertThat(blocks(d)).isEqualTo("One.,Two.,Three.");
        assertThat(d.select("aside.promo")).isEmpty();
    }

    @Test
    void anEditorMayStillPlaceThePromoWithTheMarker() {
        TestApp t = app.get();
        t.fixtures.article(
                "placed-promo", "Placed promo", metro, "news", AT, "One.\n\n[[newsletter:metro-daily]]\n\nTwo.");
        t.contentChanged();
        // placed by the editor: shown where placed, even in a short article, and only once
        assertThat(blocks(page(t, "placed-promo"))).isEqualTo("One.,promo,Two.");
    }

    @Test
    void aCorrectionWithinAMinuteOfPublishingShowsUpdated() {
        TestApp t = app.get();
        long id = t.fixtures.article("quick-fix", "Quick fix", metro, "news", AT, "One.");
        t.fixtures.correction(id, "correction", "The name was misspelt.", AT.plusSeconds(20));
        long plain = t.fixtures.article("no-fix", "No fix", metro, "news", AT, "One.");
        t.contentChanged();
        Document d = page(t, "quick-fix");
        assertThat(d.select(".byline__times").text()).contains("Updated");
        assertThat(d.select(".byline__times time").last().attr("datetime"))
                .isEqualTo(AT.plusSeconds(20).toString());
        // an article never changed says only when it was published
        assertThat(page(t, "no-fix").select(".byline__times").text()).doesNotContain("Updated");
        assertThat(plain).isPositive();
        assertThat(Instant.now().truncatedTo(ChronoUnit.DAYS)).isAfter(AT);
    }
}
