package broadsheet.paywall;

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
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meter: two free subscriber articles per 30 days, counted in the database or in a signed cookie. */
class MeterTest {

    static TestApp t;
    static Paper p;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        p = new Paper(t.fixtures);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @BeforeEach
    void meterOfTwo() {
        t.fixtures.setting("paywall_meter", "2");
        t.contentChanged();
    }

    static String read(WebClient c, String slug) {
        HttpResponse<String> r = c.get(p.path(slug));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static int reads(long userId) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from paywall_reads where user_id = :u")
                        .bind("u", userId)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aSignedInReaderReadsTwoSubscriberArticlesThenMeetsTheOfferAndTheMeterResetsAfterThirtyDays() {
        WebClient c = t.signedIn("metered@example.org", Role.READER);
        long id = Paper.userId(t, "metered@example.org");
        assertThat(read(c, "subscriber-story")).contains(SUB_SECRET);
        assertThat(read(c, "subscriber-story")).contains(SUB_SECRET); // reading it again costs nothing
        assertThat(reads(id)).isEqualTo(1);
        assertThat(read(c, "second-subscriber-story")).contains(SUB2_SECRET);
        String third = read(c, "third-subscriber-story");
        assertThat(third).doesNotContain(SUB3_SECRET).contains("you have read yours");
        assertThat(HtmlValidator.problems(third)).isEmpty();
        assertThat(reads(id)).isEqualTo(2);
        // the reader's own data export lists what they read on the meter
        assertThat(c.get("/account/export.json").body())
                .contains("\"meteredReads\"")
                .contains("second-subscriber-story");
        // what was read on the meter stays readable within the window
        assertThat(read(c, "subscriber-story")).contains(SUB_SECRET);

        // thirty days on, the first read no longer counts: one more article may be read
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "update paywall_reads set read_at = now() - interval '31 days' "
                                + "where user_id = ? and article_id = ?",
                        id,
                        p.subscribers));
        assertThat(read(c, "third-subscriber-story")).contains(SUB3_SECRET);
        assertThat(read(c, "subscriber-story")).doesNotContain(SUB_SECRET);
    }

    @Test
    void theMeterNeverOpensArticlesForSignedInReadersOnly() {
        assertThat(read(t.client(), "registered-story")).doesNotContain(REG_SECRET);
    }

    @Test
    void aReaderWhoIsNotSignedInIsCountedInASignedCookie() {
        WebClient a = t.client();
        assertThat(read(a, "subscriber-story")).contains(SUB_SECRET);
        String first = a.cookie("bs_meter").orElseThrow();
        assertThat(read(a, "subscriber-story")).contains(SUB_SECRET);
        assertThat(a.cookie("bs_meter").orElseThrow()).isEqualTo(first); // the same article does not count twice
        assertThat(read(a, "second-subscriber-story")).contains(SUB2_SECRET);
        // a metered read is the subscribers' page: the paywalled part marked, and nothing more on other channels
        assertThat(Jsoup.parse(read(a, "second-subscriber-story"))
                        .select("div.paywalled")
                        .text())
                .contains(SUB2_SECRET);
        PaywallChannelsTest.otherChannelsCarryNoLockedText(
                a, p, "second-subscriber-story", "Deck of Another subscriber story");
        String locked = read(a, "third-subscriber-story");
        assertThat(locked).doesNotContain(SUB3_SECRET);
        assertThat(Jsoup.parse(locked).select(".paywall-offer a[href^=/sign-in]"))
                .hasSize(1);
        assertThat(read(a, "subscriber-story")).contains(SUB_SECRET);

        // each browser has its own meter; the full page the first one was let read is not served to it from the cache
        WebClient b = t.client();
        assertThat(read(b, "third-subscriber-story")).contains(SUB3_SECRET);
        // a browser whose meter is used up does not get the full page now cached for metered reads
        HttpResponse<String> used = t.get(
                p.path("third-subscriber-story"),
                "Cookie",
                "bs_meter=" + a.cookie("bs_meter").orElseThrow());
        assertThat(used.body()).doesNotContain(SUB3_SECRET);
    }

    @Test
    void aTamperedMeterCookieLeavesNoFreeReadsAndIsNoError() {
        WebClient a = t.client();
        read(a, "subscriber-story");
        String cookie = a.cookie("bs_meter").orElseThrow();
        String payload = cookie.substring(0, cookie.lastIndexOf('.'));
        String sig = cookie.substring(cookie.lastIndexOf('.') + 1);
        String[] forgeries = {
            payload.replaceFirst("^\\d+", "999") + "." + sig, // another article under the same signature
            "." + sig, // the list emptied
            payload + "." + sig.substring(1) + (sig.charAt(0) == 'A' ? "B" : "A"),
            "1:1.not-a-signature",
            "garbage",
        };
        for (String forged : forgeries) {
            HttpResponse<String> r = t.get(p.path("second-subscriber-story"), "Cookie", "bs_meter=" + forged);
            assertThat(r.statusCode()).as(forged).isEqualTo(200);
            assertThat(r.body()).as(forged).doesNotContain(SUB2_SECRET).contains("paywall-offer");
            assertThat(r.headers().allValues("Set-Cookie")).as(forged).noneMatch(s -> s.startsWith("bs_meter="));
        }
    }

    @Test
    void aHeadRequestUsesNoRead() {
        WebClient c = t.signedIn("header@example.org", Role.READER);
        long id = Paper.userId(t, "header@example.org");
        HttpResponse<String> head = t.get(
                p.path("subscriber-story"),
                "Cookie",
                "bs_session=" + c.cookie("bs_session").orElseThrow());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(reads(id)).isEqualTo(1); // the GET above counted
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url(p.path("second-subscriber-story"))))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "bs_session=" + c.cookie("bs_session").orElseThrow())
                .build();
        try {
            assertThat(java.net.http.HttpClient.newHttpClient()
                            .send(req, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(reads(id)).isEqualTo(1);
    }

    @Test
    void aMeterOfNoneTurnsItOff() {
        t.fixtures.setting("paywall_meter", "0");
        t.contentChanged();
        WebClient a = t.client();
        assertThat(read(a, "subscriber-story")).doesNotContain(SUB_SECRET).doesNotContain("free in any 30 days");
        assertThat(a.cookie("bs_meter")).isEmpty();
        WebClient r = t.signedIn("nometer@example.org", Role.READER);
        assertThat(read(r, "subscriber-story")).doesNotContain(SUB_SECRET);
        assertThat(reads(Paper.userId(t, "nometer@example.org"))).isZero();
    }
}
