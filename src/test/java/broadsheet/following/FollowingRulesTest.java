package broadsheet.following;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Following's rules over real HTTP: the JSON API and plain forms explain bad requests, the limit holds,
 * the OpenAPI document is true, and shared pages stay the same for every reader.
 */
class FollowingRulesTest extends FollowingTestBase {

    @Test
    void theJsonApiFollowsUnfollowsAndExplainsBadRequests() throws Exception {
        WebClient c = reader();
        JsonNode me = json(c.get("/api/me"));
        assertThat(me.get("signedIn").asBoolean()).isTrue();
        String token = me.get("csrfToken").asText();
        HttpResponse<String> first =
                c.json("POST", "/api/following", "{\"kind\":\"topic\",\"slug\":\"energy\"}", "X-CSRF-Token", token);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("changed").asBoolean()).isTrue();
        HttpResponse<String> again =
                c.json("POST", "/api/following", "{\"kind\":\"topic\",\"slug\":\"energy\"}", "X-CSRF-Token", token);
        assertThat(again.statusCode()).as("following twice is harmless").isEqualTo(200);
        assertThat(json(again).get("changed").asBoolean()).isFalse();
        assertThat(json(c.get("/api/following")).get("follows").findValuesAsText("slug"))
                .containsExactly("energy");
        assertThat(json(c.get("/api/me")).get("follows").findValuesAsText("name"))
                .containsExactly("Energy");

        HttpResponse<String> missing = c.json(
                "POST", "/api/following", "{\"kind\":\"topic\",\"slug\":\"no-such-topic\"}", "X-CSRF-Token", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("no-such-topic");
        HttpResponse<String> badKind = c.json(
                "POST", "/api/following", "{\"kind\":\"newsletter\",\"slug\":\"energy\"}", "X-CSRF-Token", token);
        assertThat(badKind.statusCode()).isEqualTo(422);
        assertThat(json(badKind).get("error").asText())
                .contains("an author, a topic or a section")
                .contains("newsletter");
        assertThat(c.json("POST", "/api/following", "not json", "X-CSRF-Token", token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(c.json("POST", "/api/following", "{\"kind\":\"topic\",\"slug\":\"harbour\"}")
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);

        HttpResponse<String> gone = c.json("DELETE", "/api/following/topic/energy", null, "X-CSRF-Token", token);
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(json(gone).get("following").asBoolean()).isFalse();
        assertThat(c.json("DELETE", "/api/following/topic/energy", null, "X-CSRF-Token", token)
                        .statusCode())
                .as("unfollowing twice is harmless")
                .isEqualTo(200);
        assertThat(c.json("DELETE", "/api/following/topic/nothing-here", null, "X-CSRF-Token", token)
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(c.get("/api/following")).get("follows")).isEmpty();

        WebClient anonymous = t.client();
        assertThat(json(anonymous.get("/api/me")).get("signedIn").asBoolean()).isFalse();
        HttpResponse<String> denied = anonymous.get("/api/feed");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(denied).get("error").asText()).contains("Sign in");
    }

    @Test
    void plainFormsRefuseWhatCannotBeFollowed() {
        WebClient c = reader();
        c.get("/following");
        assertThat(c.post("/follow", Map.of("kind", "topic", "slug", "no-such-topic", "next", "/"))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> badKind = c.post("/follow", Map.of("kind", "newsletter", "slug", "x", "next", "/"));
        assertThat(badKind.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badKind.body()).text()).contains("an author, a topic or a section");
        assertThat(c.postRaw("/follow", Map.of("kind", "topic", "slug", "energy", "next", "/"))
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(c.get("/follow?kind=topic&slug=no-such-topic").statusCode()).isEqualTo(404);
        HttpResponse<String> confirm = c.get("/follow?kind=topic&slug=energy&next=/topics/energy");
        assertThat(Jsoup.parse(confirm.body()).select("h1").text()).isEqualTo("Follow Energy");
        assertThat(HtmlValidator.problems(confirm.body())).isEmpty();
        c.post("/follow", Map.of("kind", "topic", "slug", "energy", "next", "/topics/energy"));
        assertThat(Jsoup.parse(c.get("/follow?kind=topic&slug=energy&next=/").body())
                        .select("h1")
                        .text())
                .isEqualTo("You follow Energy");
        assertThat(c.post("/follow", Map.of("kind", "topic", "slug", "energy", "next", "https://evil.example/"))
                        .headers()
                        .firstValue("Location"))
                .as("no open redirect")
                .hasValue("/");
        for (String sneaky :
                List.of("/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/a\\..\\/evil.example")) {
            assertThat(c.post("/follow", Map.of("kind", "topic", "slug", "energy", "next", sneaky))
                            .headers()
                            .firstValue("Location"))
                    .as("no open redirect through " + sneaky.replace("\t", "<tab>"))
                    .hasValue("/");
        }
    }

    @Test
    void theFollowLimitIsEnforcedWithAClearMessage() throws Exception {
        WebClient c = reader();
        long userId = lastReaderId();
        t.fixtures.jdbi().useHandle(h -> h.execute("""
                insert into follows (user_id, kind, target_id) select ?, 'topic', g from generate_series(1000000, 1000000 + ? - 1) g""", userId, Follows.LIMIT));
        HttpResponse<String> api =
                c.json("POST", "/api/following", "{\"kind\":\"topic\",\"slug\":\"energy\"}", "X-CSRF-Token", csrf(c));
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(json(api).get("error").asText()).contains("1000").contains("Unfollow some");
        HttpResponse<String> form = c.post("/follow", Map.of("kind", "topic", "slug", "energy", "next", "/"));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(form.body()).select(".error-summary").text()).contains("1000");
        int count = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from follows where user_id = ?")
                        .bind(0, userId)
                        .mapTo(Integer.class)
                        .one());
        assertThat(count).isEqualTo(Follows.LIMIT);
    }

    @Test
    void theOpenApiDocumentDescribesRoutesThatExist() throws Exception {
        HttpResponse<String> r = t.client().get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        WebClient c = reader();
        String token = csrf(c);
        List<String> checked = new ArrayList<>();
        // Following's own paths; every operation of every part is called by OpenApiConformanceTest
        doc.get("paths").fields().forEachRemaining(e -> {
            if (e.getKey().matches("/api/(me|feed|following.*)")) checkRoute(e, c, token, checked);
        });
        assertThat(checked).contains("get /api/feed", "post /api/following", "delete /api/following/{kind}/{slug}");
    }

    private static void checkRoute(
            java.util.Map.Entry<String, JsonNode> e, WebClient c, String token, List<String> checked) {
        e.getValue().fieldNames().forEachRemaining(method -> {
            String path = e.getKey().replace("{kind}", "topic").replace("{slug}", "energy");
            String body = method.equals("post") ? "{\"kind\":\"topic\",\"slug\":\"energy\"}" : null;
            int status = c.json(method.toUpperCase(), path, body, "X-CSRF-Token", token)
                    .statusCode();
            assertThat(e.getValue().get(method).get("responses").has(String.valueOf(status)))
                    .as(method + " " + path + " answered " + status + ", which the document lists")
                    .isTrue();
            checked.add(method + " " + e.getKey());
        });
    }

    @Test
    void sharedPagesAreTheSameBytesForEveryReader() {
        article("shared-page-check", politics, NOW.minus(4, ChronoUnit.HOURS), new long[] {trade}, ben);
        t.contentChanged();
        WebClient follower = reader();
        follower.post("/follow", Map.of("kind", "topic", "slug", "trade-policy", "next", "/"));
        follower.post("/follow", Map.of("kind", "author", "slug", "ben-okafor", "next", "/"));
        String path = Jsoup.parse(t.client().get("/topics/trade-policy").body())
                .select("a:contains(shared-page-check)")
                .attr("href");
        for (String p : List.of(path, "/topics/trade-policy", "/authors/ben-okafor", "/sections/politics")) {
            HttpResponse<String> theirs = follower.get(p);
            HttpResponse<String> anyone = t.client().get(p);
            assertThat(theirs.body()).as(p).isEqualTo(anyone.body());
            assertThat(theirs.headers().firstValue("Cache-Control").orElse(""))
                    .as(p)
                    .startsWith("public");
            assertThat(theirs.headers().allValues("Set-Cookie")).as(p).isEmpty();
            assertThat(HtmlValidator.problems(theirs.body())).as(p).isEmpty();
        }
        assertThat(follower.get("/api/me").headers().firstValue("Cache-Control"))
                .hasValue("private, no-store");
    }
}
