package broadsheet.paywall;

import static broadsheet.paywall.Paper.FREE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Search is another channel the paywall holds on: the text past a locked article's first paragraph is
 * not findable, not quoted in a snippet and not suggested, whoever searches, subscribers and staff too
 * (the results page is the same bytes for everyone). What anyone may read is found as usual.
 */
class PaywallSearchTest {

    static TestApp t;
    static Paper p;
    static List<WebClient> everyone;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        p = new Paper(t.fixtures);
        everyone = List.of(
                t.client(),
                t.signedIn("reader@example.org", Role.READER),
                Paper.subscriber(t, "subscriber@example.org", Instant.now().plus(Duration.ofDays(20))),
                t.signedIn("editor@example.org", Role.EDITOR));
        t.awaitSearch();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static String search(WebClient c, String words) {
        var r = c.get("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void lockedTextIsNeverFoundQuotedOrSuggestedWhoeverSearches() {
        for (WebClient c : everyone) {
            for (String secret : PaywallChannelsTest.LOCKED) {
                String words = secret.replace(".", "");
                String html = search(c, words);
                assertThat(Jsoup.parse(html).select(".search-hit")).as(words).isEmpty();
                assertThat(html).doesNotContain(secret);
                // a phrase, single rare words and the sentence's opening as typed for suggestions
                for (String w : words.split(" ")) {
                    if (w.length() < 6) continue;
                    String one = search(c, w);
                    for (String s : PaywallChannelsTest.LOCKED) assertThat(one).doesNotContain(s);
                }
                String suggest = c.get("/search/suggest.json?q="
                                + URLEncoder.encode(words.substring(0, 12), StandardCharsets.UTF_8))
                        .body();
                for (String s : PaywallChannelsTest.LOCKED) assertThat(suggest).doesNotContain(s);
            }
        }
    }

    @Test
    void whatEveryoneMayReadIsFoundWithItsSnippet() {
        for (WebClient c : everyone) {
            Document d = Jsoup.parse(search(c, "opening of the subscriber story"));
            assertThat(d.select(".search-hit__headline").eachText()).contains("A story for subscribers");
            assertThat(d.select(".search-hit__snippet").text()).contains("The opening of the subscriber story.");
            assertThat(d.select(".search-hit__snippet").text()).doesNotContain("harbour ledger");
            // a free article is found by any of its words
            assertThat(Jsoup.parse(search(c, FREE_SECRET))
                            .select(".search-hit__headline")
                            .eachText())
                    .containsExactly("A free story");
        }
    }
}
