package broadsheet.paywall;

import static broadsheet.paywall.Paper.SUB2_SECRET;
import static broadsheet.paywall.Paper.SUB_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gift links: made by subscribers, a few a month; they open one article to whoever holds them, until they expire. */
class GiftLinksTest {

    static TestApp t;
    static Paper p;
    static WebClient subscriber;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        p = new Paper(t.fixtures);
        t.fixtures.setting("paywall_meter", "0");
        t.fixtures.setting("paywall_gifts_per_month", "3");
        t.contentChanged();
        subscriber = Paper.subscriber(t, "giver@example.org", Instant.now().plus(Duration.ofDays(30)));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    /** The gift form page as the client gets it; its button makes the link. */
    static Document form(WebClient c, long article) {
        HttpResponse<String> r = c.get("/gifts/new?article=" + article);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        return Jsoup.parse(r.body());
    }

    static HttpResponse<String> submit(WebClient c, Document form) {
        return c.post(
                "/gifts",
                Map.of(
                        "article",
                        form.select("input[name=article]").attr("value"),
                        "nonce",
                        form.select("input[name=nonce]").attr("value")));
    }

    static String link(HttpResponse<String> made) {
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(HtmlValidator.problems(made.body())).isEmpty();
        String url = Jsoup.parse(made.body()).select("#gift-url").attr("value");
        assertThat(url).startsWith("http://news.example" + p.path("subscriber-story") + "?gift=");
        return url.substring("http://news.example".length());
    }

    @Test
    void theArticlePageOffersAGiftFormToEveryone() {
        Document d = Jsoup.parse(t.client().get(p.path("subscriber-story")).body());
        assertThat(d.select("form[action=/gifts/new][method=get] input[name=article]")
                        .attr("value"))
                .isEqualTo(String.valueOf(p.subscribers));
        assertThat(Jsoup.parse(t.client().get(p.path("free-story")).body()).select("form[action=/gifts/new]"))
                .isEmpty();
    }

    @Test
    void aSubscribersGiftLinkOpensTheArticleToAnyoneWhoHoldsItAndNothingElse() {
        String path = link(submit(subscriber, form(subscriber, p.subscribers)));
        for (WebClient holder : java.util.List.of(t.client(), t.signedIn("friend@example.org", Role.READER))) {
            HttpResponse<String> r = holder.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(SUB_SECRET).doesNotContain("paywall-offer");
            assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
            assertThat(Jsoup.parse(r.body()).select("div.paywalled").text()).contains(SUB_SECRET);
            PaywallChannelsTest.otherChannelsCarryNoLockedText(
                    holder, p, "subscriber-story", "Deck of A story for subscribers");
            // the same reader without the link, or on another article, is locked out
            assertThat(holder.get(p.path("subscriber-story")).body()).doesNotContain(SUB_SECRET);
            String other = p.path("second-subscriber-story") + path.substring(path.indexOf('?'));
            HttpResponse<String> elsewhere = holder.get(other);
            assertThat(elsewhere.statusCode()).isEqualTo(404);
            assertThat(elsewhere.body()).doesNotContain(SUB2_SECRET).contains("This gift link does not work");
        }
        // an old address of the article (another date) redirects with the gift kept
        String moved = "/2001/01/01/subscriber-story" + path.substring(path.indexOf('?'));
        HttpResponse<String> redirect = t.client().get(moved);
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).isEqualTo(path);
        // a gift is no read on the meter
        int reads = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from paywall_reads")
                        .mapTo(Integer.class)
                        .one());
        assertThat(reads).isZero();
    }

    @Test
    void theSameFormSentTwiceGivesTheSameLinkAndCountsOnce() {
        WebClient giver = Paper.subscriber(t, "twice@example.org", Instant.now().plus(Duration.ofDays(30)));
        Document f = form(giver, p.subscribers);
        assertThat(f.text()).contains("3 more of your 3");
        String first = link(submit(giver, f));
        String again = link(submit(giver, f));
        assertThat(again).isEqualTo(first);
        assertThat(form(giver, p.subscribers).text()).contains("2 more of your 3");
    }

    @Test
    void aSubscriberMakesNoMoreThanTheMonthsAllowance() {
        WebClient giver =
                Paper.subscriber(t, "generous@example.org", Instant.now().plus(Duration.ofDays(30)));
        for (int i = 0; i < 3; i++) link(submit(giver, form(giver, p.subscribers)));
        HttpResponse<String> fourth = giver.post(
                "/gifts", Map.of("article", String.valueOf(p.subscribers), "nonce", broadsheet.web.Tokens.random()));
        assertThat(fourth.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(fourth.body()).select(".error-summary").text()).contains("all 3 gift links");
        assertThat(HtmlValidator.problems(fourth.body())).isEmpty();
        assertThat(form(giver, p.subscribers).select("form[action=/gifts]")).isEmpty();
        // last month's links do not count against this month
        t.fixtures.jdbi().useHandle(h -> h.execute("""
                update gift_links set created_at = created_at - interval '45 days', expires_at = expires_at - interval '45 days'
                 where giver_id = ?""", Paper.userId(t, "generous@example.org")));
        link(submit(giver, form(giver, p.subscribers)));
    }

    @Test
    void othersAreToldTheyNeedASubscription() {
        Document anonymous = form(t.client(), p.subscribers);
        assertThat(anonymous.select("form[action=/gifts]")).isEmpty();
        assertThat(anonymous.select("a[href=/subscribe]")).hasSize(1);
        assertThat(anonymous.select("a[href^=/sign-in?next=]")).hasSize(1);
        WebClient lapsed =
                Paper.subscriber(t, "lapsed-giver@example.org", Instant.now().minus(Duration.ofDays(2)));
        Document reader = form(lapsed, p.subscribers);
        assertThat(reader.select("form[action=/gifts]")).isEmpty();
        assertThat(reader.text()).contains("Gift links are for subscribers");
        HttpResponse<String> refused = lapsed.post(
                "/gifts", Map.of("article", String.valueOf(p.subscribers), "nonce", broadsheet.web.Tokens.random()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("no subscription now");
        WebClient nobody = t.client();
        nobody.get("/sign-in"); // a page with a form gives the CSRF cookie
        assertThat(nobody.post(
                                "/gifts",
                                Map.of(
                                        "article",
                                        String.valueOf(p.subscribers),
                                        "nonce",
                                        broadsheet.web.Tokens.random()))
                        .statusCode())
                .isEqualTo(303);
        assertThat(subscriber.get("/gifts/new?article=999999").statusCode()).isEqualTo(404);
        assertThat(subscriber
                        .post("/gifts", Map.of("article", String.valueOf(p.subscribers), "nonce", "short"))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void anExpiredOrUnknownGiftLinkGetsAClearPageAndNoText() {
        WebClient giver =
                Paper.subscriber(t, "expiring@example.org", Instant.now().plus(Duration.ofDays(30)));
        String path = link(submit(giver, form(giver, p.subscribers)));
        t.fixtures.jdbi().useHandle(h -> h.execute("""
                update gift_links set created_at = now() - interval '31 days', expires_at = now() - interval '1 day'
                 where giver_id = ?""", Paper.userId(t, "expiring@example.org")));
        HttpResponse<String> expired = t.client().get(path);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).select("h1").text()).isEqualTo("This gift link has expired");
        assertThat(expired.body()).doesNotContain(SUB_SECRET).contains("href=\"" + p.path("subscriber-story") + "\"");
        assertThat(HtmlValidator.problems(expired.body())).isEmpty();

        for (String token : new String[] {"made-up", broadsheet.web.Tokens.random(), ""}) {
            HttpResponse<String> unknown = t.client().get(p.path("subscriber-story") + "?gift=" + token);
            assertThat(unknown.statusCode()).as(token).isEqualTo(404);
            assertThat(Jsoup.parse(unknown.body()).select("h1").text()).isEqualTo("This gift link does not work");
            assertThat(unknown.body()).doesNotContain(SUB_SECRET);
            assertThat(HtmlValidator.problems(unknown.body())).isEmpty();
        }
    }
}
