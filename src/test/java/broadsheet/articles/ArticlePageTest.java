package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticlePageTest {

    static TestApp t;
    static final String PATH = "/2026/11/29/harbour-bill-clears-second-reading";
    static long photo2;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        var f = t.fixtures;
        f.setting("site_name", "The Test Ledger");
        f.setting("site_time_zone", "Europe/London");
        long politics = f.section("politics", "Politics");
        long opinion = f.section("opinion", "Opinion");
        long ada = f.author("ada-quill", "Ada Quill");
        long ben = f.author("ben-marsh", "Ben Marsh");
        long harbour = f.topic("harbour-bill", "Harbour Bill", "subject");
        long port = f.topic("port-vell", "Port Vell", "place");
        f.newsletter(
                "politics-briefing",
                "Politics Briefing",
                "The day's top political headlines and commentary as selected by our editors",
                "subscribers");
        long lead = f.photo(
                1600,
                1000,
                Color.BLUE,
                "Cranes over the east quay at dusk.",
                "Illustration: Ledger graphics desk",
                "Three cranes against an orange sky");
        photo2 = f.photo(
                1600,
                1000,
                Color.GREEN,
                "The chamber during the vote.",
                "Illustration: Ledger graphics desk",
                "A round chamber with green benches");
        long op = f.article(
                "the-bill-is-a-mistake",
                "The bill is a mistake",
                opinion,
                "opinion",
                Instant.parse("2026-11-28T09:00:00Z"),
                "An opinion.");
        long news = f.article(
                "dockers-vote-to-strike",
                "Dockers vote to strike",
                politics,
                "news",
                Instant.parse("2026-11-27T09:00:00Z"),
                "News.");
        long a = f.article(
                "harbour-bill-clears-second-reading",
                "Harbour bill clears second reading",
                politics,
                "news",
                Instant.parse("2026-11-29T08:30:00Z"),
                """
                        The harbour bill passed its second reading by **41 votes**.

                        [[related:the-bill-is-a-mistake]]

                        Ministers said the port would be modernised.

                        [[related:dockers-vote-to-strike]]

                        Opposition members <script>alert(1)</script> walked out.

                        [[newsletter:politics-briefing]]

                        The bill now goes to committee.
                        """);
        f.byline(a, ada, 0);
        f.byline(a, ben, 1);
        f.tag(a, harbour);
        f.tag(a, port);
        f.leadPhoto(a, lead);
        f.gallery(a, lead, photo2);
        f.correction(
                a,
                "correction",
                "An earlier version gave the wrong vote count.",
                Instant.parse("2026-11-29T12:00:00Z"));
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    Document page() {
        HttpResponse<String> r = t.get(PATH);
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body(), t.url(PATH));
    }

    @Test
    void skipLinkIsTheFirstFocusableElementAndTargetsMain() {
        Document d = page();
        Element first = d.select("a[href], button, input, select, textarea").first();
        assertThat(first.text()).isEqualTo("Skip to main content");
        assertThat(first.attr("href")).isEqualTo("#main");
        assertThat(d.select("main#main")).hasSize(1);
        assertThat(d.select("header.masthead, footer")).hasSize(2);
        assertThat(d.select("h1")).hasSize(1);
    }

    @Test
    void headlineBylinesAndTimes() {
        Document d = page();
        assertThat(d.select("h1").text()).isEqualTo("Harbour bill clears second reading");
        assertThat(d.select(".kicker a").text()).isEqualTo("Politics");
        assertThat(d.select(".deck").text()).isEqualTo("Deck of Harbour bill clears second reading");
        assertThat(d.select(".byline__names").text()).isEqualTo("By Ada Quill and Ben Marsh");
        assertThat(d.select(".byline__names a").eachAttr("href"))
                .containsExactly("/authors/ada-quill", "/authors/ben-marsh");
        assertThat(d.select(".byline__times time").first().attr("datetime")).isEqualTo("2026-11-29T08:30:00Z");
        assertThat(d.select(".byline__times").text())
                .contains("29 November 2026, 08:30")
                .contains("Updated");
    }

    @Test
    void leadPhotoWithCaptionCreditAndGalleryLink() {
        Document d = page();
        Element fig = d.selectFirst("figure.lead-photo");
        Element open = d.selectFirst(".open-gallery a");
        assertThat(fig.selectFirst("img").attr("alt")).isEqualTo("Three cranes against an orange sky");
        assertThat(fig.selectFirst("img").attr("width")).isEqualTo("960");
        assertThat(fig.selectFirst("img").attr("height")).isEqualTo("600");
        assertThat(fig.selectFirst("img").attr("srcset"))
                .contains("-w320.jpg 320w")
                .contains("-w1280.jpg 1280w");
        assertThat(fig.select("figcaption").text())
                .contains("Cranes over the east quay at dusk.")
                .contains("Illustration: Ledger graphics desk");
        assertThat(open.text()).isEqualTo("Open this photo in gallery");
        assertThat(open.attr("href")).isEqualTo(PATH + "/photos/1");
    }

    @Test
    void bodyPlacesRelatedLinksLabelledByKindAndThePromo() {
        Document d = page();
        var related = d.select(".article__body .related a");
        assertThat(related.eachText()).containsExactly("Opinion: The bill is a mistake", "Dockers vote to strike");
        assertThat(related.first().attr("href")).isEqualTo("/2026/11/28/the-bill-is-a-mistake");
        Element promo = d.selectFirst(".article__body aside.promo");
        assertThat(promo.text())
                .contains("Politics Briefing")
                .contains(
                        "The day's top political headlines and commentary as selected by our editors (subscribers only)")
                .contains("Subscribe to get Politics Briefing");
        // one link: the newsletter is for subscribers, so it leads to subscribing
        assertThat(promo.select("a")).hasSize(1);
        assertThat(promo.selectFirst("a").attr("href")).isEqualTo("/subscribe");
        // blocks keep the editor's order: paragraph, related, paragraph, related, paragraph, promo, paragraph
        assertThat(d.select(".article__body > p, .article__body > aside").stream()
                        .map(e -> e.tagName() + (e.className().isEmpty() ? "" : "." + e.className()))
                        .toList())
                .containsExactly("p", "p.related", "p", "p.related", "p", "aside.promo", "p");
        assertThat(d.select(".article__body strong").text()).isEqualTo("41 votes");
        // raw HTML in a body is shown as text, never run
        assertThat(d.select(".article__body script")).isEmpty();
        assertThat(d.select(".article__body").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void followBlockListsAuthorsAndTopics() {
        Element follow = page().selectFirst("section.follow");
        assertThat(follow.selectFirst("h2").text()).isEqualTo("Follow related authors and topics");
        assertThat(follow.text())
                .contains("Authors and topics you follow will be added to your personal news feed in Following.");
        assertThat(follow.select("a").eachAttr("href"))
                .containsExactly(
                        "/authors/ada-quill", "/authors/ben-marsh", "/topics/harbour-bill", "/topics/port-vell");
    }

    @Test
    void interactBlockHasShareLinks() {
        Element interact = page().selectFirst("section.interact");
        assertThat(interact.selectFirst("h2").text()).isEqualTo("Interact with The Test Ledger");
        assertThat(interact.selectFirst("input#share-url").val()).isEqualTo("https://news.example" + PATH);
        assertThat(interact.select("a").eachAttr("href"))
                .anyMatch(h -> h.startsWith("mailto:?subject=Harbour%20bill"))
                .anyMatch(h ->
                        h.startsWith("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2F2026"))
                .anyMatch(h -> h.startsWith("https://twitter.com/intent/tweet"))
                .anyMatch(h -> h.startsWith("https://www.linkedin.com/"));
    }

    @Test
    void correctionsAreShownWithTheirTime() {
        Element c = page().selectFirst("section.corrections");
        assertThat(c.text())
                .contains("Correction")
                .contains("29 November 2026, 12:00")
                .contains("An earlier version gave the wrong vote count.");
        assertThat(c.selectFirst("time").attr("datetime")).isEqualTo("2026-11-29T12:00:00Z");
    }

    @Test
    void headCarriesCanonicalSocialCardsAndNewsArticleJsonLd() throws Exception {
        Document d = page();
        assertThat(d.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://news.example" + PATH);
        assertThat(d.selectFirst("meta[property=og:title]").attr("content"))
                .isEqualTo("Harbour bill clears second reading");
        assertThat(d.selectFirst("meta[property=og:image]").attr("content")).startsWith("https://news.example/media/");
        assertThat(d.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(d.title()).isEqualTo("Harbour bill clears second reading — The Test Ledger");
        JsonNode ld = new ObjectMapper()
                .readTree(d.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo("Harbour bill clears second reading");
        assertThat(ld.get("datePublished").asText()).isEqualTo("2026-11-29T08:30:00Z");
        assertThat(ld.get("dateModified").asText()).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(ld.get("author").get(0).get("@type").asText()).isEqualTo("Person");
        assertThat(ld.get("author").get(1).get("name").asText()).isEqualTo("Ben Marsh");
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("The Test Ledger");
        assertThat(ld.get("image").get(0).get("url").asText()).startsWith("https://news.example/media/");
        assertThat(ld.get("isAccessibleForFree").asBoolean()).isTrue();
    }

    @Test
    void galleryIsRealPagesWithPreviousAndNext() {
        Document first = Jsoup.parse(t.get(PATH + "/photos/1").body());
        assertThat(first.select(".gallery-page__count").text()).isEqualTo("Photo 1 of 2");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo(PATH + "/photos/2");
        assertThat(first.select("a:containsOwn(Back to the article)").first().attr("href"))
                .isEqualTo(PATH);
        Document second = Jsoup.parse(t.get(PATH + "/photos/2").body());
        assertThat(second.selectFirst("img").attr("alt")).isEqualTo("A round chamber with green benches");
        assertThat(second.select("figcaption").text()).contains("The chamber during the vote.");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo(PATH + "/photos/1");
        assertThat(t.get(PATH + "/photos/3").statusCode()).isEqualTo(404);
        assertThat(t.get(PATH + "/photos/x").statusCode()).isEqualTo(404);
    }

    @Test
    void photoDerivativesAreMadeOnceAndCachedForever() {
        String src = page().selectFirst("figure.lead-photo img").attr("src");
        HttpResponse<byte[]> img = t.getBytes(src);
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(img.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(img.body()[0] & 0xff).isEqualTo(0xff);
        assertThat(t.get(src.replace("-w960", "-w961")).statusCode()).isEqualTo(404);
        assertThat(t.get("/media/nothing.jpg").statusCode()).isEqualTo(404);
    }

    @Test
    void wrongDateRedirectsToTheCanonicalUrlAndUnknownSlugIs404() {
        HttpResponse<String> r = t.get("/2020/01/01/harbour-bill-clears-second-reading");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(PATH);
        HttpResponse<String> missing = t.get("/2026/11/29/no-such-story");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("h1").text()).isEqualTo("Page not found");
        assertThat(Jsoup.parse(missing.body()).select(".error-page li a").eachText())
                .contains("Harbour bill clears second reading");
    }

    @Test
    void pagesAreCacheableWithValidatorsAndGzip() {
        HttpResponse<String> r = t.get(PATH);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow())
                .contains("section-politics")
                .contains("topic-harbour-bill");
        assertThat(r.headers().firstValue("Last-Modified")).hasValue("Sun, 29 Nov 2026 12:00:00 GMT");
        assertThat(t.get(PATH, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> gz = t.getBytes(PATH, "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.body().length).isLessThan(r.body().length() / 2);
        // the same bytes for every reader: a second request is identical
        assertThat(t.get(PATH).body()).isEqualTo(r.body());
    }

    @Test
    void securityHeadersForbidInlineScriptsAndFraming() {
        HttpResponse<String> r = t.get(PATH);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
