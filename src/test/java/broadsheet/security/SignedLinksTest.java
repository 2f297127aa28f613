package broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Secrets;
import broadsheet.db.Settings;
import broadsheet.newsletters.NewsletterLinks;
import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed links handed to one person (newsletter preferences and unsubscribe links, gift links) give
 * nothing of another's when altered, and stop at their documented limits (issue 17).
 */
class SignedLinksTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String LOCKED = "Only subscribers read this sentence about the lighthouse.";
    private static final String LOCKED_TOO = "Only subscribers read this line about the ferry.";

    private static NewsletterLinks links(TestApp t) {
        return new NewsletterLinks(new Secrets(new Settings(t.fixtures.jdbi())));
    }

    @Test
    void anAlteredPreferencesOrUnsubscribeLinkOpensNobodysPreferences(TestApp t) {
        String ann = "ann" + SEQ.incrementAndGet() + "@example.org";
        String ben = "ben" + SEQ.incrementAndGet() + "@example.org";
        String good = links(t).preferencesToken(ann);
        HttpResponse<String> own = t.client().get("/newsletters/preferences/" + good);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(ann);

        String sig = good.substring(good.lastIndexOf('.') + 1);
        String benBody = Base64.getUrlEncoder().withoutPadding().encodeToString(ben.getBytes(StandardCharsets.UTF_8));
        String unsubscribe = links(t).unsubscribeToken(1);
        List<String> forged = List.of(
                benBody + "." + sig, // another address with this link's signature
                benBody + "=." + sig,
                // one character of the signature changed, in the middle: the last one carries spare bits, so
                // changing it can leave the decoded signature as it was
                good.substring(0, good.lastIndexOf('.')) + "." + sig.substring(0, sig.length() / 2)
                        + (sig.charAt(sig.length() / 2) == 'A' ? 'B' : 'A') + sig.substring(sig.length() / 2 + 1),
                good.substring(0, good.lastIndexOf('.')) + ".",
                benBody,
                good + "." + sig);
        for (String token : forged) {
            for (String path : List.of("/newsletters/preferences/", "/newsletters/unsubscribe/")) {
                HttpResponse<String> r = t.client().get(path + token);
                assertThat(r.statusCode()).as(path + token).isNotEqualTo(200);
                assertThat(r.body()).as(path + token).doesNotContain(ben).doesNotContain(ann);
                WebClient c = t.client();
                c.get("/");
                HttpResponse<String> post = c.post(path + token, Map.of("email", ben));
                assertThat(post.statusCode()).as("POST " + path + token).isGreaterThanOrEqualTo(400);
            }
        }
        // a preferences token is no unsubscribe token, nor the other way round
        assertThat(t.client().get("/newsletters/unsubscribe/" + good).statusCode())
                .isNotEqualTo(200);
        assertThat(t.client().get("/newsletters/preferences/" + unsubscribe).statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void aGiftLinkOpensOnlyItsArticleAndOnlyFor30Days(TestApp t) {
        t.fixtures.setting("paywall_meter", "0");
        long section = t.fixtures.section("gifts" + SEQ.incrementAndGet(), "Gifts");
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        String slug = "gift-story-" + SEQ.incrementAndGet(), other = "gift-other-" + SEQ.incrementAndGet();
        long article = t.fixtures.article(slug, "A gifted story", section, "news", at, "Opening.\n\n" + LOCKED);
        long second = t.fixtures.article(other, "Another story", section, "news", at, "Opening.\n\n" + LOCKED_TOO);
        t.fixtures.access(article, "subscribers");
        t.fixtures.access(second, "subscribers");
        t.contentChanged();
        String email = "giver" + SEQ.incrementAndGet() + "@example.org";
        WebClient giver = t.signedIn(email, Role.READER);
        long giverId = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
        t.fixtures.subscriber(giverId, Instant.now().plus(Duration.ofDays(30)));

        Document form = Jsoup.parse(giver.get("/gifts/new?article=" + article).body());
        HttpResponse<String> made = giver.post(
                "/gifts",
                Map.of(
                        "article", form.select("input[name=article]").attr("value"),
                        "nonce", form.select("input[name=nonce]").attr("value")));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String url = Jsoup.parse(made.body()).select("#gift-url").attr("value");
        String path = url.substring(url.indexOf("/", "http://".length()));
        assertThat(path).contains(slug + "?gift=");
        assertThat(t.client().get(path).body()).contains(LOCKED);

        // the same token on another article
        String elsewhere = path.replace(slug, other);
        HttpResponse<String> moved = t.client().get(elsewhere);
        assertThat(moved.statusCode()).isEqualTo(404);
        assertThat(moved.body()).doesNotContain(LOCKED_TOO).doesNotContain(LOCKED);
        // the token altered
        String token = path.substring(path.indexOf("?gift=") + 6);
        for (String altered : List.of(token.substring(1), token + "A", token.toUpperCase(), token + "&gift=" + token)) {
            HttpResponse<String> r = t.client().get(path.substring(0, path.indexOf("?gift=") + 6) + altered);
            assertThat(r.body()).as(altered).doesNotContain(LOCKED_TOO);
            if (!altered.startsWith(token + "&"))
                assertThat(r.body()).as(altered).doesNotContain(LOCKED);
        }
        // past its 30 days
        t.fixtures.jdbi().useHandle(h -> h.execute("""
                update gift_links set created_at = now() - interval '31 days', expires_at = now() - interval '1 day'
                 where giver_id = ?""", giverId));
        HttpResponse<String> expired = t.client().get(path);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).doesNotContain(LOCKED);
        // sending the form again does not renew the expired link
        giver.post(
                "/gifts",
                Map.of(
                        "article", form.select("input[name=article]").attr("value"),
                        "nonce", form.select("input[name=nonce]").attr("value")));
        assertThat(t.client().get(path).body()).doesNotContain(LOCKED);
    }
}
