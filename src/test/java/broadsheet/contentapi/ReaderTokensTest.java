package broadsheet.contentapi;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.ApiPaths;
import broadsheet.web.Json;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reader tokens: an app signs a reader in, uses the reader's APIs and forms with the token, and is signed out from the account page. */
class ReaderTokensTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.get().url(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    /** Signs the reader in from an app; returns the token. */
    static String token(String email, String password, String appName) {
        HttpResponse<String> r = send(
                "POST",
                ApiPaths.readerTokens(),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"app\":\"" + appName
                        + "\",\"device\":\"Pixel 9\"}",
                "Content-Type",
                "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        return json(r).path("token").asText();
    }

    @Test
    void anAppFollowsCommentsAndSetsNewslettersWithTheTokenAloneAndIsSignedOutFromTheAccountPage() {
        TestApp t = app.get();
        t.fixtures.user("app-reader@example.org", Role.READER, "correct horse battery");
        long section = t.fixtures.section("harbour", "Harbour");
        t.fixtures.topic("tides", "Tides", "subject");
        long article = t.fixtures.article(
                "tide-tables", "Tide tables", section, "news", Instant.now().minusSeconds(3600), "The tides.");
        long newsletter = t.fixtures.newsletter("morning", "Morning", "Every morning", "everyone");
        t.contentChanged();
        String token = token("app-reader@example.org", "correct horse battery", "Broadsheet for Android");
        String bearer = "Bearer " + token;

        // Following through the JSON API: no cookie, no CSRF token
        HttpResponse<String> follow = send(
                "POST",
                ApiPaths.apiFollowing(),
                "{\"kind\":\"topic\",\"slug\":\"tides\"}",
                "Authorization",
                bearer,
                "Content-Type",
                "application/json");
        assertThat(follow.statusCode()).as(follow.body()).isEqualTo(201);
        assertThat(json(send("GET", ApiPaths.apiFollowing(), null, "Authorization", bearer))
                        .path("follows")
                        .findValuesAsText("slug"))
                .containsExactly("tides");
        // a comment, and newsletter preferences, through the same forms the site posts
        HttpResponse<String> comment = send(
                "POST",
                "/articles/" + article + "/comments",
                "text=" + "Useful+tables%2C+thank+you.",
                "Authorization",
                bearer,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(comment.statusCode()).as(comment.body()).isIn(202, 303);
        Long comments = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from comments where article_id = :a and body like 'Useful tables%'")
                        .bind("a", article)
                        .mapTo(Long.class)
                        .one());
        assertThat(comments).isEqualTo(1L);
        HttpResponse<String> prefs = send(
                "POST",
                Paths.accountNewsletters(),
                "newsletter=" + newsletter,
                "Authorization",
                bearer,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(prefs.statusCode()).as(prefs.body()).isEqualTo(303);
        String status = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select status from newsletter_subscribers where email = 'app-reader@example.org'")
                        .mapTo(String.class)
                        .one());
        assertThat(status).isEqualTo("active");

        // the token opens the reader's own things only
        assertThat(send("GET", NewsroomPaths.newsroom(), null, "Authorization", bearer)
                        .statusCode())
                .isIn(401, 403);

        // the account page lists the app with the device; signing it out there ends the token
        WebClient browser = t.client();
        browser.get(Paths.signIn());
        browser.post(
                Paths.signIn(),
                Map.of("email", "app-reader@example.org", "password", "correct horse battery", "next", "/"));
        Document apps = Jsoup.parse(browser.get(Paths.accountApps()).body());
        assertThat(apps.select("tbody tr td:first-child").eachText())
                .contains("Broadsheet for Android on Pixel 9", "A browser");
        String action = apps.select("tbody tr").stream()
                .filter(tr -> tr.text().contains("Broadsheet for Android"))
                .findFirst()
                .orElseThrow()
                .select("form")
                .attr("action");
        assertThat(browser.post(action, Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> after = send("GET", ApiPaths.apiFollowing(), null, "Authorization", bearer);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(browser.get(Paths.account()).statusCode())
                .as("the browser stays signed in")
                .isEqualTo(200);
    }

    @Test
    void anAppSignsItselfOut() {
        app.get().fixtures.user("leaving@example.org", Role.READER, "a long enough password");
        String token = token("leaving@example.org", "a long enough password", "Reader app");
        assertThat(send("GET", ApiPaths.apiFollowing(), null, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", ApiPaths.currentReaderToken(), null, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("GET", ApiPaths.apiFollowing(), null, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreThrottledAsOnTheSite() {
        app.get().fixtures.user("guessed@example.org", Role.READER, "the real password here");
        String wrong = "{\"email\":\"guessed@example.org\",\"password\":\"guess\",\"app\":\"Robot\"}";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = send("POST", ApiPaths.readerTokens(), wrong, "Content-Type", "application/json");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).path("detail").asText()).contains("not right");
        }
        HttpResponse<String> throttled = send(
                "POST",
                ApiPaths.readerTokens(),
                "{\"email\":\"guessed@example.org\",\"password\":\"the real password here\",\"app\":\"Robot\"}",
                "Content-Type",
                "application/json");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("900");
        HttpResponse<String> noApp = send(
                "POST",
                ApiPaths.readerTokens(),
                "{\"email\":\"a@example.org\",\"password\":\"x\"}",
                "Content-Type",
                "application/json");
        assertThat(noApp.statusCode()).isEqualTo(400);
        assertThat(json(noApp).path("detail").asText()).contains("\"app\"");
        assertThat(send("POST", ApiPaths.readerTokens(), "not json", "Content-Type", "application/json")
                        .statusCode())
                .isEqualTo(400);
    }
}
