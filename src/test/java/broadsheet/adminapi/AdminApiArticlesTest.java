package broadsheet.adminapi;

import static broadsheet.adminapi.AdminApiClient.body;
import static broadsheet.adminapi.AdminApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.web.ApiPaths;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writing, changing and publishing articles through the Admin API, over real HTTP, with the editor's rules. */
class AdminApiArticlesTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static AdminApiClient writer;
    static AdminApiClient editor;
    static long section;
    static long author;

    @BeforeAll
    static void setUp(TestApp t) {
        section = t.fixtures.section("harbour", "Harbour");
        author = t.fixtures.author("ann-writer", "Ann Writer");
        writer = AdminApiClient.forNewStaff(t, "writer@example.org", Role.CONTRIBUTOR);
        editor = AdminApiClient.forNewStaff(t, "editor@example.org", Role.EDITOR);
    }

    private static String draft(String slug) {
        return """
                {"headline": "Harbour bill passes", "deck": "A close vote.", "slug": "%s", "section": %d,
                 "authors": [%d], "body": "The bill passed by **three** votes."}""".formatted(slug, section, author);
    }

    private static long create(AdminApiClient c, String slug) {
        HttpResponse<String> r = c.send("POST", ApiPaths.adminArticles(), draft(slug));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return body(r).path("id").asLong();
    }

    private static String status(TestApp t, long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select status from articles where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void aCreatedArticleIsADraftWithItsVersionAsETag() {
        HttpResponse<String> r = writer.send("POST", ApiPaths.adminArticles(), draft("created-draft"));
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode a = body(r);
        assertThat(a.path("status").asText()).isEqualTo("draft");
        assertThat(a.path("headline").asText()).isEqualTo("Harbour bill passes");
        assertThat(a.path("authors").get(0).asLong()).isEqualTo(author);
        assertThat(r.headers().firstValue("ETag"))
                .contains("\"" + a.path("version").asInt() + "\"");
        assertThat(r.headers().firstValue("Location"))
                .contains(ApiPaths.adminArticle(a.path("id").asLong()));

        HttpResponse<String> read =
                writer.send("GET", ApiPaths.adminArticle(a.path("id").asLong()), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read).path("body").asText()).isEqualTo("The bill passed by **three** votes.");
    }

    @Test
    void anUpdateNeedsTheVersionItWasMadeToAndAStaleOneChangesNothing(TestApp t) {
        long id = create(writer, "locked-story");
        String v1 = writer.send("GET", ApiPaths.adminArticle(id), null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        HttpResponse<String> none = writer.send("PATCH", ApiPaths.adminArticle(id), "{\"headline\": \"No tag\"}");
        assertThat(none.statusCode()).isEqualTo(428);
        assertThat(none.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

        HttpResponse<String> first =
                writer.send("PATCH", ApiPaths.adminArticle(id), "{\"headline\": \"First change\"}", "If-Match", v1);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(body(first).path("headline").asText()).isEqualTo("First change");
        assertThat(body(first).path("deck").asText())
                .as("fields not sent keep their values")
                .isEqualTo("A close vote.");
        assertThat(first.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(v1));

        HttpResponse<String> stale =
                editor.send("PATCH", ApiPaths.adminArticle(id), "{\"headline\": \"Stale change\"}", "If-Match", v1);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(body(stale).path("status").asInt()).isEqualTo(412);
        assertThat(body(stale).path("version").asInt())
                .isEqualTo(body(first).path("version").asInt());
        assertThat(stale.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        HttpResponse<String> after = writer.send("GET", ApiPaths.adminArticle(id), null);
        assertThat(body(after).path("headline").asText()).isEqualTo("First change");
        int revisions = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from article_revisions where article_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertThat(revisions).as("the stale write kept no revision").isEqualTo(2);
    }

    @Test
    void badInputGetsAProblemNamingEachField() {
        HttpResponse<String> r = writer.send(
                "POST", ApiPaths.adminArticles(), "{\"headline\": \"\", \"section\": 999999, \"kind\": \"gossip\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fields(r)).contains("headline", "section", "kind");
        assertThat(body(r).path("errors").get(0).path("pointer").asText()).startsWith("#/");

        HttpResponse<String> types = writer.send(
                "POST", ApiPaths.adminArticles(), "{\"headline\": 7, \"authors\": \"ann\", \"title\": \"x\"}");
        assertThat(types.statusCode()).isEqualTo(422);
        assertThat(fields(types)).containsExactlyInAnyOrder("headline", "authors", "title");

        HttpResponse<String> broken = writer.send("POST", ApiPaths.adminArticles(), "{\"headline\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(body(broken).path("detail").asText()).contains("not valid JSON");

        HttpResponse<String> nothing = writer.send("GET", ApiPaths.adminArticle(987654), null);
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(body(nothing).path("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void aContributorSubmitsButOnlyAnEditorPublishes(TestApp t) {
        long id = create(writer, "hand-in");
        HttpResponse<String> submitted = writer.send("POST", ApiPaths.adminArticle(id, "submit"), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(body(submitted).path("status").asText()).isEqualTo("ready");

        HttpResponse<String> refused = writer.send("POST", ApiPaths.adminArticle(id, "publish"), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).path("detail").asText()).contains("needs editor");
        assertThat(status(t, id)).isEqualTo("ready");

        HttpResponse<String> published = editor.send("POST", ApiPaths.adminArticle(id, "publish"), null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(body(published).path("status").asText()).isEqualTo("published");
        assertThat(status(t, id)).isEqualTo("published");

        HttpResponse<String> notTheirs = writer.send(
                "PATCH",
                ApiPaths.adminArticle(id),
                "{\"headline\": \"Sneaky\"}",
                "If-Match",
                "\"" + body(published).path("version").asInt() + "\"");
        assertThat(notTheirs.statusCode())
                .as("a contributor may not change a published article")
                .isEqualTo(403);
    }

    @Test
    void scheduleCorrectAndUnpublish(TestApp t) {
        long id = create(editor, "scheduled-story");
        HttpResponse<String> badTime =
                editor.send("POST", ApiPaths.adminArticle(id, "schedule"), "{\"publishAt\": \"tomorrow at six\"}");
        assertThat(badTime.statusCode()).isEqualTo(422);
        assertThat(fields(badTime)).containsExactly("publishAt");

        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> scheduled =
                editor.send("POST", ApiPaths.adminArticle(id, "schedule"), "{\"publishAt\": \"" + at + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(body(scheduled).path("status").asText()).isEqualTo("scheduled");
        assertThat(Instant.parse(body(scheduled).path("publishedAt").asText())).isEqualTo(at);

        HttpResponse<String> early = editor.send(
                "POST",
                ApiPaths.adminArticle(id, "corrections"),
                "{\"kind\": \"correction\", \"text\": \"Too soon.\"}");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(fields(early)).containsExactly("text");

        assertThat(editor.send("POST", ApiPaths.adminArticle(id, "publish"), null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> corrected = editor.send(
                "POST",
                ApiPaths.adminArticle(id, "corrections"),
                "{\"kind\": \"correction\", \"text\": \"The vote was 52 to 49.\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        int corrections = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from corrections where article_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertThat(corrections).isEqualTo(1);

        HttpResponse<String> unpublished = editor.send("POST", ApiPaths.adminArticle(id, "unpublish"), null);
        assertThat(unpublished.statusCode()).isEqualTo(200);
        assertThat(status(t, id)).isEqualTo("unpublished");
        HttpResponse<String> again = editor.send("POST", ApiPaths.adminArticle(id, "unpublish"), null);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(fields(again)).containsExactly("status");
    }

    @Test
    void publishingNeedsEveryPartReadersSee() {
        HttpResponse<String> made = editor.send(
                "POST", ApiPaths.adminArticles(), "{\"headline\": \"Only a headline\", \"section\": " + section + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long id = body(made).path("id").asLong();
        HttpResponse<String> r = editor.send("POST", ApiPaths.adminArticle(id, "publish"), null);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(fields(r)).containsExactlyInAnyOrder("authors", "body");
    }

    @Test
    void everyCallIsInTheAuditLogUnderItsPerson(TestApp t) {
        long id = create(writer, "audited-story");
        writer.send("GET", ApiPaths.adminArticle(id), null);
        writer.send("POST", ApiPaths.adminArticle(id, "publish"), null);
        List<String> log = t.fixtures
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                        select a.action || ' | ' || a.detail from audit_log a join users u on u.id = a.actor_id
                         where u.email = 'writer@example.org' and (a.subject_id = :id or a.detail like '%/' || :id || '%')
                         order by a.id""").bind("id", id).mapTo(String.class).list());
        assertThat(log)
                .containsExactly(
                        "created | Harbour bill passes",
                        "api call | POST " + ApiPaths.adminArticles() + " → 201 " + ApiPaths.adminArticle(id),
                        "api call | GET " + ApiPaths.adminArticle(id) + " → 200",
                        "api call | POST " + ApiPaths.adminArticle(id, "publish") + " → 403");
    }

    @Test
    void aTokenActsWithItsPersonsRoleAsItIsNow(TestApp t) {
        AdminApiClient demoted = AdminApiClient.forNewStaff(t, "demoted@example.org", Role.EDITOR);
        assertThat(demoted.send("POST", ApiPaths.adminArticles(), draft("before-demotion"))
                        .statusCode())
                .isEqualTo(201);
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute("update users set role = 'reader' where email = 'demoted@example.org'"));
        HttpResponse<String> r = demoted.send("POST", ApiPaths.adminArticles(), draft("after-demotion"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(body(r).path("detail").asText()).contains("reader");
    }
}
