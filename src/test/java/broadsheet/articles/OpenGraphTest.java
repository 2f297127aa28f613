package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import java.awt.Color;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shared links preview well: every article page carries the full set of Open Graph and card tags, and share links. */
class OpenGraphTest {

    static TestApp t;

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        var f = t.fixtures;
        f.setting("site_time_zone", "UTC");
        long s = f.section("city", "City");
        long withPhoto = f.article(
                "tram-line-opens",
                "Tram line opens",
                s,
                "news",
                Instant.parse("2026-11-20T09:00:00Z"),
                "Crowds rode the first tram.");
        f.leadPhoto(withPhoto, f.photo(1600, 900, Color.RED, "The first tram.", "Photo: desk", "A red tram at a stop"));
        f.article(
                "council-meets",
                "Council meets",
                s,
                "news",
                Instant.parse("2026-11-21T09:00:00Z"),
                "The council met on Tuesday.");
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static String meta(Document d, String key) {
        var e = d.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return e == null ? null : e.attr("content");
    }

    @Test
    void articleWithAPhotoHasEveryTag() {
        Document d = Jsoup.parse(t.get("/2026/11/20/tram-line-opens").body());
        assertThat(meta(d, "og:title")).isEqualTo("Tram line opens");
        assertThat(meta(d, "og:description")).isEqualTo("Deck of Tram line opens");
        assertThat(meta(d, "og:url")).isEqualTo("https://news.example/2026/11/20/tram-line-opens");
        assertThat(meta(d, "og:type")).isEqualTo("article");
        assertThat(meta(d, "og:image")).startsWith("https://news.example/media/");
        assertThat(meta(d, "og:image:alt")).isEqualTo("A red tram at a stop");
        assertThat(meta(d, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(d.select(".share__links a").eachText())
                .contains(
                        "Share by Email",
                        "Share by Facebook",
                        "Share by X",
                        "Share by LinkedIn",
                        "Share by WhatsApp",
                        "Share by Bluesky",
                        "Share by Reddit");
        assertThat(d.selectFirst(".share__links a[href^=mailto]").attr("href"))
                .contains("https%3A%2F%2Fnews.example%2F2026%2F11%2F20%2Ftram-line-opens");
        assertThat(d.selectFirst("#share-url").attr("value"))
                .isEqualTo("https://news.example/2026/11/20/tram-line-opens");
    }

    @Test
    void articleWithoutAPhotoStillHasAnImageAndACard() {
        Document d = Jsoup.parse(t.get("/2026/11/21/council-meets").body());
        assertThat(meta(d, "og:type")).isEqualTo("article");
        assertThat(meta(d, "og:url")).isEqualTo("https://news.example/2026/11/21/council-meets");
        assertThat(meta(d, "og:image")).isEqualTo("https://news.example/logo.png");
        assertThat(t.getBytes("/logo.png").statusCode()).isEqualTo(200);
        assertThat(meta(d, "twitter:card")).isEqualTo("summary");
        assertThat(meta(d, "og:title")).isEqualTo("Council meets");
        assertThat(meta(d, "og:description")).isNotBlank();
    }
}
