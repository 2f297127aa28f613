package broadsheet.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.articles.ArticleSummary;
import broadsheet.articles.Kind;
import broadsheet.media.Photo;
import broadsheet.web.Site;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The RSS feed is written without Rome now; feed readers (and the caches and ETags before them) must see
 * the same bytes as before, so each feed here is compared with what Rome and JDOM wrote ({@link RomeRss}).
 */
class RssTest {

    // what headlines, decks, captions and names bring: markup characters, white space at either end and
    // inside, characters XML cannot carry, a lone surrogate, letters beyond the Basic Multilingual Plane
    private static final String[] PIECES = {
        "a", "Harbour", " ", "  ", "\t", "\n", "\r\n", "&", "<b>", ">", "\"", "'", "&amp;", "—", "é", "ß", "😀", "𝄞",
        "\u0001", "\u000B", "\uD800", "\uFFFE", "\u00A0", "\u2003", "x y", "]]>", "&#x41;"
    };

    private final Random random = new Random(12);

    @Test
    void generatedFeedsAreTheBytesRomeWrote() {
        for (int feed = 0; feed < 300; feed++) {
            Site site = new Site(
                    text(),
                    text(),
                    random.nextBoolean() ? "https://news.example" : "https://news.example/a&b\"<>'",
                    ZoneId.of(random.nextBoolean() ? "Europe/London" : "Pacific/Auckland"),
                    random.nextInt(10) == 0 ? null : "en");
            Channel channel = new Channel(text(), text(), random.nextBoolean() ? "/" : "/sections/politics");
            List<ArticleSummary> items = new ArrayList<>();
            int n = random.nextInt(8) == 0 ? 0 : random.nextInt(12);
            for (int i = 0; i < n; i++) items.add(item(i));
            String expected = new RomeRss(site).rss(channel, items);
            assertThat(new Feeds(site).rss(channel, items)).as("feed %d", feed).isEqualTo(expected);
        }
    }

    @Test
    void theDemoShapedFeedIsTheBytesRomeWrote() {
        assertThat(new Feeds(FeedsTest.SITE).rss(FeedsTest.POLITICS, FeedsTest.ITEMS))
                .isEqualTo(new RomeRss(FeedsTest.SITE).rss(FeedsTest.POLITICS, FeedsTest.ITEMS))
                .contains("<atom:link href=\"https://news.example/sections/politics/feed.rss\"");
    }

    private ArticleSummary item(long id) {
        Instant published = Instant.ofEpochMilli(1_500_000_000_000L + (long) (random.nextDouble() * 400_000_000_000L));
        List<String> authors = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) authors.add(text());
        Photo photo = random.nextInt(3) == 0
                ? null
                : new Photo(
                        id,
                        "ab".repeat(32),
                        "image/jpeg",
                        400 + random.nextInt(3000),
                        300 + random.nextInt(3000),
                        random.nextInt(4) == 0 ? null : text(),
                        random.nextInt(4) == 0 ? null : text(),
                        text());
        return new ArticleSummary(
                id,
                "slug-" + id,
                text(),
                text(),
                Kind.values()[random.nextInt(Kind.values().length)],
                "politics",
                text(),
                published,
                published.plusMillis(random.nextInt(100_000_000)),
                authors,
                photo);
    }

    /** Empty, a few pieces, or plain words. */
    private String text() {
        int kind = random.nextInt(6);
        if (kind == 0) return "";
        if (kind == 1) return "Council votes to close depot";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) s.append(PIECES[random.nextInt(PIECES.length)]);
        return s.toString();
    }
}
