package broadsheet.paywall;

import static broadsheet.paywall.Paper.FREE_SECRET;
import static broadsheet.paywall.Paper.REG_SECRET;
import static broadsheet.paywall.Paper.SUB2_SECRET;
import static broadsheet.paywall.Paper.SUB3_SECRET;
import static broadsheet.paywall.Paper.SUB_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Locked text reaches exactly the readers who may read it, on every channel: the article page,
 * its JSON-LD and share cards, feeds, sitemaps and list pages, and the newsroom's preview links.
 * The meter is off here (see {@link MeterTest}); gift links are in {@link GiftLinksTest}.
 */
class PaywallChannelsTest {

    static final List<String> SECRETS = List.of(FREE_SECRET, REG_SECRET, SUB_SECRET, SUB2_SECRET, SUB3_SECRET);
    static final List<String> LOCKED = List.of(REG_SECRET, SUB_SECRET, SUB2_SECRET, SUB3_SECRET);

    static TestApp t;
    static Paper p;
    static WebClient anonymous;
    static WebClient reader;
    static WebClient subscriber;
    static WebClient lapsed;
    static WebClient editor;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        p = new Paper(t.fixtures);
        t.fixtures.setting("paywall_meter", "0");
        t.contentChanged();
        anonymous = t.client();
        reader = t.signedIn("reader@example.org", Role.READER);
        subscriber = Paper.subscriber(t, "subscriber@example.org", Instant.now().plus(Duration.ofDays(20)));
        lapsed = Paper.subscriber(t, "lapsed@example.org", Instant.now().minus(Duration.ofDays(1)));
        editor = t.signedIn("editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static String page(WebClient c, String slug) {
        HttpResponse<String> r = c.get(p.path(slug));
        assertThat(r.statusCode()).as(slug).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyoneReadsAFreeArticle() {
        for (WebClient c : List.of(anonymous, reader, subscriber, lapsed)) {
            String html = page(c, "free-story");
            assertThat(html)
                    .contains(FREE_SECRET)
                    .doesNotContain("paywall-offer")
                    .doesNotContain("Gift this article");
            assertThat(structuredData(html).get("isAccessibleForFree").asBoolean())
                    .isTrue();
            assertThat(structuredData(html).has("hasPart")).isFalse();
        }
    }

    @Test
    void aRegisteredArticleIsLockedOnlyForReadersWhoAreNotSignedIn() {
        String locked = page(anonymous, "registered-story");
        assertThat(locked).doesNotContain(REG_SECRET).contains("The opening of the registered story.");
        Document d = Jsoup.parse(locked);
        assertThat(d.select(".paywall-offer a[href=/register]")).hasSize(1);
        assertThat(d.select(".paywall-offer a").eachAttr("href"))
                .contains("/sign-in?next=" + p.path("registered-story").replace("/", "%2F"));
        assertThat(HtmlValidator.problems(locked)).isEmpty();
        for (WebClient c : List.of(reader, subscriber, lapsed)) {
            String html = page(c, "registered-story");
            assertThat(html).contains(REG_SECRET).doesNotContain("paywall-offer");
            assertThat(Jsoup.parse(html).select("div.paywalled").text()).contains(REG_SECRET);
        }
    }

    @Test
    void aSubscriberArticleIsWholeOnlyForSubscribers() {
        for (WebClient c : List.of(anonymous, reader, lapsed)) {
            String html = page(c, "subscriber-story");
            Document d = Jsoup.parse(html);
            assertThat(html).doesNotContain(SUB_SECRET).doesNotContain("A closing paragraph for subscriber-story");
            // what a locked page still shows: headline, deck, lead photo, first paragraph, the offer
            assertThat(d.select("h1").text()).isEqualTo("A story for subscribers");
            assertThat(d.select(".deck").text()).isEqualTo("Deck of A story for subscribers");
            assertThat(d.select(".lead-photo img")).hasSize(1);
            assertThat(d.select(".article__body > p").text()).isEqualTo("The opening of the subscriber story.");
            assertThat(d.select(".paywall-offer a[href=/subscribe]")).hasSize(1);
            assertThat(d.select("div.paywalled")).isEmpty();
            assertThat(HtmlValidator.problems(html)).isEmpty();
        }
        // only someone not signed in is offered to sign in
        assertThat(Jsoup.parse(page(anonymous, "subscriber-story")).select(".paywall-offer a[href^=/sign-in?next=]"))
                .hasSize(1);
        assertThat(Jsoup.parse(page(reader, "subscriber-story")).select(".paywall-offer a[href^=/sign-in]"))
                .isEmpty();

        String whole = page(subscriber, "subscriber-story");
        assertThat(whole)
                .contains(SUB_SECRET)
                .contains("A closing paragraph for subscriber-story")
                .doesNotContain("paywall-offer");
        Document d = Jsoup.parse(whole);
        assertThat(d.select(".article__body > p").first().text()).isEqualTo("The opening of the subscriber story.");
        assertThat(d.select("div.paywalled").text())
                .contains(SUB_SECRET)
                .doesNotContain("The opening of the subscriber story.");
        assertThat(HtmlValidator.problems(whole)).isEmpty();
    }

    @Test
    void staffReadEverything() {
        assertThat(page(editor, "subscriber-story")).contains(SUB_SECRET);
    }

    @Test
    void structuredDataMarksThePaywalledPartForEveryReader() {
        for (WebClient c : List.of(anonymous, reader, subscriber, lapsed)) {
            for (String slug : List.of("registered-story", "subscriber-story")) {
                String html = page(c, slug);
                JsonNode ld = structuredData(html);
                assertThat(ld.get("isAccessibleForFree").asBoolean()).isFalse();
                assertThat(ld.at("/hasPart/@type").asText()).isEqualTo("WebPageElement");
                assertThat(ld.at("/hasPart/isAccessibleForFree").asBoolean(true))
                        .isFalse();
                assertThat(ld.at("/hasPart/cssSelector").asText()).isEqualTo(".paywalled");
                for (String s : LOCKED)
                    assertThat(Jsoup.parse(html)
                                    .select("script[type=application/ld+json]")
                                    .html())
                            .doesNotContain(s);
            }
        }
    }

    @Test
    void shareCardsCarryTheDeckNeverLockedText() {
        for (WebClient c : List.of(anonymous, subscriber)) {
            Document d = Jsoup.parse(page(c, "subscriber-story"));
            assertThat(d.select("meta[property=og:description]").attr("content"))
                    .isEqualTo("Deck of A story for subscribers");
            assertThat(d.select("meta[name=twitter:description]").attr("content"))
                    .isEqualTo("Deck of A story for subscribers");
            assertThat(d.select("meta[name=description]").attr("content")).isEqualTo("Deck of A story for subscribers");
            assertThat(d.head().html()).doesNotContain(SUB_SECRET);
        }
    }

    @Test
    void feedsCarryNoLockedTextForAnyone() {
        List<String> feeds = List.of(
                "/feed.rss",
                "/feed.atom",
                "/feed.json",
                "/sections/politics/feed.rss",
                "/sections/politics/feed.atom",
                "/sections/politics/feed.json",
                "/authors/ada-quill/feed.rss",
                "/authors/ada-quill/feed.atom",
                "/authors/ada-quill/feed.json");
        for (WebClient c : List.of(anonymous, subscriber)) {
            for (String f : feeds) {
                HttpResponse<String> r = c.get(f);
                assertThat(r.statusCode()).as(f).isEqualTo(200);
                assertThat(r.body()).as(f).contains("A story for subscribers").contains(p.path("subscriber-story"));
                for (String s : SECRETS) assertThat(r.body()).as(f).doesNotContain(s);
            }
        }
    }

    @Test
    void sitemapsAndListPagesCarryNoLockedText() {
        for (String path : List.of(
                "/sitemap.xml",
                "/sitemaps/news.xml",
                "/sitemaps/pages.xml",
                p.monthSitemap(),
                "/",
                "/sections/politics",
                "/authors/ada-quill",
                "/archive")) {
            for (WebClient c : List.of(anonymous, subscriber)) {
                HttpResponse<String> r = c.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                for (String s : SECRETS) assertThat(r.body()).as(path).doesNotContain(s);
            }
        }
        assertThat(anonymous.get("/sitemaps/news.xml").body()).contains(p.path("subscriber-story"));
    }

    @Test
    void photoPagesOfALockedArticleCarryNoLockedText() {
        HttpResponse<String> r = anonymous.get(p.path("subscriber-story") + "/photos/1");
        assertThat(r.statusCode()).isEqualTo(200);
        for (String s : SECRETS) assertThat(r.body()).doesNotContain(s);
    }

    @Test
    void aNewsroomPreviewLinkShowsTheWholeArticleMarkedAndOnlyWhileItIsValid() {
        editor.get("/newsroom/articles/" + p.subscribers);
        HttpResponse<String> made = editor.post("/newsroom/articles/" + p.subscribers + "/preview-link", Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        String url = Jsoup.parse(made.body()).select("input[readonly]").attr("value");
        String path = url.substring(url.indexOf("/preview/"));
        HttpResponse<String> preview = t.client().get(path);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Document d = Jsoup.parse(preview.body());
        assertThat(d.select("div.paywalled").text()).contains(SUB_SECRET);
        assertThat(d.select(".preview-banner").text()).contains("subscribers only");
        assertThat(d.select("meta[property=og:description]").attr("content"))
                .isEqualTo("Deck of A story for subscribers");

        int at = path.indexOf("sig=") + 4;
        char first = path.charAt(at);
        // change the signature's first digit (to another digit: "0" would leave a signature starting with 0 unchanged)
        HttpResponse<String> forged =
                t.client().get(path.substring(0, at) + (first == '0' ? '1' : '0') + path.substring(at + 1));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain(SUB_SECRET);
    }

    @Test
    void pagesAreCachedPerLevelAndNeverLeakAcrossLevels() {
        t.contentChanged();
        // prime every cached variant as a subscriber first
        assertThat(page(subscriber, "third-subscriber-story")).contains(SUB3_SECRET);
        HttpResponse<String> again = subscriber.get(p.path("third-subscriber-story"));
        assertThat(again.body()).contains(SUB3_SECRET);
        for (WebClient c : List.of(t.client(), reader, lapsed)) {
            assertThat(page(c, "third-subscriber-story")).doesNotContain(SUB3_SECRET);
        }
        // and the other way round: a locked page cached first does not hide the text from a subscriber
        assertThat(page(t.client(), "second-subscriber-story")).doesNotContain(SUB2_SECRET);
        assertThat(page(subscriber, "second-subscriber-story")).contains(SUB2_SECRET);

        // shared caches may keep only pages that are the same for everyone
        HttpResponse<String> freeR = anonymous.get(p.path("free-story"));
        assertThat(freeR.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        for (WebClient c : List.of(anonymous, subscriber)) {
            HttpResponse<String> r = c.get(p.path("subscriber-story"));
            assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
            assertThat(r.headers().firstValue("Vary").orElseThrow()).contains("Cookie");
        }
    }

    @Test
    void aLockedVariantAnswersNotModifiedOnlyForItsOwnBytes() {
        HttpResponse<String> locked = anonymous.get(p.path("subscriber-story"));
        String etag = locked.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> asSubscriber = t.get(
                p.path("subscriber-story"),
                "If-None-Match",
                etag,
                "Cookie",
                "bs_session=" + subscriber.cookie("bs_session").orElseThrow());
        assertThat(asSubscriber.statusCode()).isEqualTo(200);
        assertThat(asSubscriber.body()).contains(SUB_SECRET);
    }

    @Test
    void theContentApiGivesLockedTextOnlyToKeysGivenTheRightAndToReadersWhoMayReadIt() throws Exception {
        ContentApiChannel.check(t, "reader@example.org", "subscriber@example.org");
    }

    /**
     * What every other channel sends does not depend on who asks: the same checks for any client,
     * including one let in by the meter or holding a gift link (see MeterTest and GiftLinksTest).
     */
    static void otherChannelsCarryNoLockedText(WebClient c, Paper p, String slug, String deck) {
        for (String f : List.of(
                "/feed.rss",
                "/feed.atom",
                "/feed.json",
                "/sections/politics/feed.json",
                "/sitemap.xml",
                "/sitemaps/news.xml",
                p.monthSitemap(),
                "/",
                "/sections/politics")) {
            HttpResponse<String> r = c.get(f);
            assertThat(r.statusCode()).as(f).isEqualTo(200);
            for (String s : SECRETS) assertThat(r.body()).as(f).doesNotContain(s);
        }
        Document d = Jsoup.parse(c.get(p.path(slug)).body());
        assertThat(d.select("meta[property=og:description]").attr("content")).isEqualTo(deck);
        String ld = d.select("script[type=application/ld+json]").html();
        for (String s : SECRETS) assertThat(ld).doesNotContain(s);
        assertThat(structuredData(d.outerHtml()).at("/hasPart/cssSelector").asText())
                .isEqualTo(".paywalled");
    }

    static JsonNode structuredData(String html) {
        try {
            return JSON.readTree(Jsoup.parse(html)
                    .selectFirst("script[type=application/ld+json]")
                    .html());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
