package broadsheet.contentapi;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.web.ApiPaths;
import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A list's bylines and topics (read for the whole page at once) over real HTTP: each article's in their order,
 * empty where it has none, and the same as the article gives alone; answers go out whole, with their length.
 */
class ContentApiListLinksTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static String key;

    @BeforeAll
    static void paper() {
        TestApp t = app.get();
        var f = t.fixtures;
        long news = f.section("news", "News");
        long ada = f.author("ada-quill", "Ada Quill");
        long bo = f.author("bo-marsh", "Bo Marsh");
        long cy = f.author("cy-abbot", "Cy Abbot");
        long harbour = f.topic("harbour", "Harbour", "place");
        long budget = f.topic("budget", "Budget", "subject");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        long two = f.article("two-bylines", "Two bylines", news, "news", t0, "Body.");
        f.byline(two, ada, 1); // second by position, though first by name and by insertion
        f.byline(two, bo, 0);
        f.tag(two, harbour);
        f.tag(two, budget); // same position: by name, Budget before Harbour
        f.article("no-bylines", "No bylines", news, "news", t0.plusSeconds(60), "Body.");
        long three = f.article("three-bylines", "Three bylines", news, "news", t0.plusSeconds(120), "Body.");
        f.byline(three, cy, 0);
        f.byline(three, ada, 0); // same position: by name, Ada before Cy
        f.byline(three, bo, 2);
        f.tag(three, budget);
        t.contentChanged();
        key = Keys.make(Keys.admin(t, "links-admin@example.org"), "Links app", false, 1000);
    }

    static HttpResponse<String> get(String path) {
        return app.get().get(path + (path.contains("?") ? "&" : "?") + "key=" + key);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void eachArticleOfAListHasItsOwnBylinesAndTopicsInOrder() {
        JsonNode list = json(get(ApiPaths.contentArticles() + "?include=authors,topics"))
                .path("articles");
        assertThat(list.findValuesAsText("headline")).containsExactly("Three bylines", "No bylines", "Two bylines");
        assertThat(list.get(0).path("authors").findValuesAsText("slug"))
                .containsExactly("ada-quill", "cy-abbot", "bo-marsh");
        assertThat(list.get(0).path("topics").findValuesAsText("slug")).containsExactly("budget");
        assertThat(list.get(1).path("authors").isArray()).isTrue();
        assertThat(list.get(1).path("authors")).isEmpty();
        assertThat(list.get(1).path("topics")).isEmpty();
        assertThat(list.get(2).path("authors").findValuesAsText("slug")).containsExactly("bo-marsh", "ada-quill");
        assertThat(list.get(2).path("topics").findValuesAsText("slug")).containsExactly("budget", "harbour");
        JsonNode byline = list.get(2).path("authors").get(0);
        assertThat(names(byline)).containsExactly("id", "slug", "name", "title");
        assertThat(byline.path("title").asText()).isEqualTo("Reporter");
        JsonNode tag = list.get(2).path("topics").get(0);
        assertThat(names(tag)).containsExactly("id", "slug", "name", "kind");
        assertThat(tag.path("kind").asText()).isEqualTo("subject");

        JsonNode onlyTopics =
                json(get(ApiPaths.contentArticles() + "?include=topics")).path("articles");
        assertThat(onlyTopics.get(0).has("authors")).isFalse();
        assertThat(onlyTopics.get(0).path("topics").findValuesAsText("slug")).containsExactly("budget");
    }

    @Test
    void aListShowsEachArticleAsItShowsAlone() {
        JsonNode list = json(get(ApiPaths.contentArticles() + "?include=authors,topics"))
                .path("articles");
        for (JsonNode a : list) {
            JsonNode alone = json(get(ApiPaths.contentArticle(a.path("id").asLong()) + "?include=authors,topics"))
                    .path("article");
            ((ObjectNode) alone).remove("html");
            assertThat(a).as(a.path("slug").asText()).isEqualTo(alone);
            assertThat(names(a)).isEqualTo(names(alone));
        }
    }

    @Test
    void anAnswerGoesOutWithItsLengthAndTheSameBytesEachTime() {
        String path = ApiPaths.contentArticles() + "?include=authors,topics";
        HttpResponse<String> first = get(path);
        HttpResponse<String> again = get(path);
        assertThat(first.headers().firstValue("Content-Length").orElseThrow())
                .isEqualTo(String.valueOf(first.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(first.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void aRenamedAuthorOrTopicShowsItsNewNameInTheNextList() {
        TestApp t = app.get();
        String path = ApiPaths.contentArticles() + "?include=authors,topics&limit=2";
        for (int i = 0; i < 2; i++)
            assertThat(json(get(path)).path("articles").get(0).path("authors").findValuesAsText("name"))
                    .containsExactly("Ada Quill", "Cy Abbot", "Bo Marsh");
        long cy = json(get(path))
                .path("articles")
                .get(0)
                .path("authors")
                .get(1)
                .path("id")
                .asLong();
        long budget = json(get(path))
                .path("articles")
                .get(0)
                .path("topics")
                .get(0)
                .path("id")
                .asLong();
        var editor =
                broadsheet.adminapi.AdminApiClient.forNewStaff(t, "renamer@example.org", broadsheet.web.Role.EDITOR);
        for (String[] edit : new String[][] {
            {ApiPaths.adminAuthor(cy), "{\"name\": \"Cyrus Abbot\"}"},
            {ApiPaths.adminTopic(budget), "{\"name\": \"The Budget\"}"}
        }) {
            String version = editor.send("GET", edit[0], null)
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            HttpResponse<String> renamed = editor.send("PATCH", edit[0], edit[1], "If-Match", version);
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        }
        JsonNode first = json(get(path)).path("articles").get(0);
        assertThat(first.path("authors").findValuesAsText("name"))
                .containsExactly("Ada Quill", "Cyrus Abbot", "Bo Marsh");
        assertThat(first.path("topics").findValuesAsText("name")).containsExactly("The Budget");
        JsonNode other = json(get(path + "&asked=again")).path("articles").get(0);
        assertThat(other.path("authors").findValuesAsText("name")).contains("Cyrus Abbot");
    }
}
