package broadsheet.paywall;

import static broadsheet.paywall.Paper.FREE_SECRET;
import static broadsheet.paywall.Paper.REG_SECRET;
import static broadsheet.paywall.Paper.SUB_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.contentapi.Keys;
import broadsheet.testing.TestApp;
import broadsheet.web.ApiPaths;
import broadsheet.web.Json;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** The Content API as a paywall channel: locked text only for a key given the right, or a reader's app that may read it. */
final class ContentApiChannel {
    private ContentApiChannel() {}

    static void check(TestApp t, String readerEmail, String subscriberEmail) throws Exception {
        var admin = t.signedIn("content-api-admin@example.org", Role.ADMIN);
        String plain = Keys.make(admin, "Partner without locked text", false, 1000);
        String full = Keys.make(admin, "Syndication with locked text", true, 1000);
        String everything = ApiPaths.contentArticles() + "?limit=100&formats=html,markdown&key=";

        HttpResponse<String> list = t.get(everything + plain);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(FREE_SECRET);
        for (String s : PaywallChannelsTest.LOCKED) assertThat(list.body()).doesNotContain(s);
        JsonNode one = article(t, "subscriber-story", plain, null);
        assertThat(one.path("locked").asBoolean()).isTrue();
        assertThat(one.path("html").asText()).contains("The opening of the subscriber story.");

        HttpResponse<String> granted = t.get(everything + full);
        for (String s : PaywallChannelsTest.SECRETS) assertThat(granted.body()).contains(s);
        assertThat(article(t, "subscriber-story", full, null).path("locked").asBoolean())
                .isFalse();

        String readerToken = token(t, readerEmail);
        assertThat(article(t, "registered-story", plain, readerToken)
                        .path("html")
                        .asText())
                .contains(REG_SECRET);
        JsonNode notYet = article(t, "subscriber-story", plain, readerToken);
        assertThat(notYet.path("locked").asBoolean()).isTrue();
        assertThat(notYet.path("markdown").asText()).doesNotContain(SUB_SECRET);

        String subscriberToken = token(t, subscriberEmail);
        HttpResponse<String> r = t.get(
                ApiPaths.contentArticleBySlug("subscriber-story") + "?formats=markdown&key=" + plain,
                "Authorization",
                "Bearer " + subscriberToken);
        assertThat(r.body()).contains(SUB_SECRET);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow())
                .as("a reader's answer is theirs alone")
                .startsWith("private");
    }

    private static JsonNode article(TestApp t, String slug, String key, String token) throws Exception {
        String path = ApiPaths.contentArticleBySlug(slug) + "?formats=html,markdown&key=" + key;
        HttpResponse<String> r = token == null ? t.get(path) : t.get(path, "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body()).path("article");
    }

    private static String token(TestApp t, String email) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url(ApiPaths.readerTokens())))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                                + "\",\"password\":\"password for " + email + "\",\"app\":\"Paywall test\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.MAPPER.readTree(r.body()).path("token").asText();
    }
}
