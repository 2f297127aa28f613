package broadsheet.wire;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.adminapi.AdminApiClient;
import broadsheet.testing.AppExtension;
import broadsheet.testing.ExifSample;
import broadsheet.testing.IptcSample;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Json;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /api/admin/wire with an editor's staff token: ninjs items become drafts, updates update them, an editor's
 * changes are never lost; a token whose person is not an editor, or the session cookie, is refused.
 */
class WireApiTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static AdminApiClient editor;
    static Jdbi jdbi;
    static long section, mirela, labour;

    /** The wire picture: its XMP carries the alt text the ninjs item does not; its EXIF a GPS position. */
    static final byte[] PICTURE = new IptcSample()
            .withGps()
            .xmpDescription("IPTC caption the ninjs caption replaces")
            .xmpAltText("A crowd in orange vests walks behind a banner beside moored ferries.")
            .jpeg(ExifSample.picture(700, 420, new Color(200, 90, 30)));

    @BeforeAll
    static void setUp(TestApp t) {
        jdbi = t.fixtures.jdbi();
        section = t.fixtures.section("world", "World");
        t.fixtures.section("sport", "Sport");
        mirela = t.fixtures.author("mirela-vance", "Mirela Vance");
        labour = t.fixtures.topic("labour-disputes", "Labour disputes", "subject");
        editor = AdminApiClient.forNewStaff(t, "wire-desk@example.org", Role.EDITOR);
    }

    /** A sample item with its picture inline, as a data: URI. */
    static String item(String name) throws IOException {
        ObjectNode item;
        try (InputStream in = WireApiTest.class.getResourceAsStream("/wire/" + name)) {
            item = (ObjectNode) Json.MAPPER.readTree(in);
        }
        for (JsonNode a : item.withArray("associations"))
            for (JsonNode r : a.withArray("renditions"))
                if (r.path("href").asText().equals("ferry-strike.jpg"))
                    ((ObjectNode) r)
                            .put(
                                    "href",
                                    "data:image/jpeg;base64,"
                                            + Base64.getEncoder().encodeToString(PICTURE));
        return item.toString();
    }

    static HttpResponse<String> post(AdminApiClient c, String body) {
        return c.send("POST", "/api/admin/wire", body);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    static Map<String, Object> article(long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select headline, deck, body, status, section_id, lead_photo_id, version from articles where id = :id")
                .bind("id", id)
                .mapToMap()
                .one());
    }

    static int articles(String headlineLike) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from articles where headline like :h")
                .bind("h", headlineLike)
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void anItemBecomesADraftWithItsPictureAndAnUpdateUpdatesItUntilAnEditorChangesIt() throws Exception {
        var r = post(editor, item("ferry-strike-v1.json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = json(r);
        assertThat(out.get("created").asInt()).isEqualTo(1);
        JsonNode row = out.get("items").get(0);
        assertThat(row.get("outcome").asText()).isEqualTo("created");
        assertThat(row.get("uri").asText()).isEqualTo("urn:newsml:northwind.example:20261206:nwp-0042");
        long id = row.get("articleId").asLong();
        assertThat(row.get("editUrl").asText()).isEqualTo("/newsroom/articles/" + id);

        Map<String, Object> a = article(id);
        assertThat(a.get("status")).isEqualTo("draft");
        assertThat(a.get("headline")).isEqualTo("Ferry workers walk out at Ostrava Quay");
        assertThat(a.get("deck")).isEqualTo("Crossings to Lantern Bay stood idle as crews walked out over pay.");
        assertThat(a.get("section_id")).isEqualTo(section); // the first section
        String body = (String) a.get("body");
        assertThat(body)
                .startsWith("Ferry crews at **Ostrava Quay** stopped work at dawn")
                .contains("## What the union wants")
                .contains("[on its site](https://union.northwind.example/statement)")
                .contains("- Night shifts paid at time and a half\n- Two crew members on every *late* crossing")
                .contains("> We are not asking for the moon.")
                .contains(
                        "1\\. This line is not a list, and \\[\\[related:secret\\]\\] is not a link; neither is this.")
                .doesNotContain("alert", "javascript", "dropped", "Ferry workers walk out", "Plain text");
        List<Long> authors =
                jdbi.withHandle(h -> h.createQuery("select author_id from article_authors where article_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .list());
        assertThat(authors).containsExactly(mirela);
        List<Long> topics =
                jdbi.withHandle(h -> h.createQuery("select topic_id from article_topics where article_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .list());
        assertThat(topics).containsExactly(labour);

        long photo = (Long) a.get("lead_photo_id");
        Map<String, Object> p = jdbi.withHandle(
                h -> h.createQuery("select caption, credit, alt_text, external_id, file_key from photos where id = :id")
                        .bind("id", photo)
                        .mapToMap()
                        .one());
        assertThat(p.get("caption")).isEqualTo("Dockers march along Ostrava Quay on the first day of the strike.");
        assertThat(p.get("credit")).isEqualTo("Mirela Vance/Northwind Press");
        assertThat(p.get("alt_text"))
                .as("from the picture's own IPTC alt text")
                .isEqualTo("A crowd in orange vests walks behind a banner beside moored ferries.");
        assertThat(p.get("external_id")).isEqualTo("wire:urn:newsml:northwind.example:20261206:nwp-0042-p1");
        byte[] original = app.get().fixtures.original((String) p.get("file_key"));
        assertThat(IptcSample.carriesWords(original, "orange vests")).isFalse();

        // the same version again changes nothing and makes no second draft
        var again = json(post(editor, item("ferry-strike-v1.json")));
        assertThat(again.get("items").get(0).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(articles("Ferry%")).isEqualTo(1);

        // version 2 updates the same draft (the same photo, not a second copy)
        var v2 = json(post(editor, item("ferry-strike-v2.json")));
        assertThat(v2.get("items").get(0).get("outcome").asText()).isEqualTo("updated");
        assertThat(v2.get("items").get(0).get("articleId").asLong()).isEqualTo(id);
        assertThat(article(id).get("headline")).isEqualTo("Ferry strike at Ostrava Quay enters second day");
        assertThat(article(id).get("lead_photo_id")).isEqualTo(photo);
        assertThat(articles("Ferry%")).isEqualTo(1);

        // an editor changes the draft in the newsroom's editor
        int version = (Integer) article(id).get("version");
        WebClient desk = editor.newsroom;
        desk.get("/newsroom");
        var saved = desk.postForm(
                "/newsroom/articles/" + id,
                List.of(
                        Map.entry("_csrf", desk.cookie("bs_csrf").orElseThrow()),
                        Map.entry("headline", "Ostrava ferry strike: day two"),
                        Map.entry("deck", "Our reporter's rewrite."),
                        Map.entry("slug", ""),
                        Map.entry("section", String.valueOf(section)),
                        Map.entry("kind", "news"),
                        Map.entry("author", String.valueOf(mirela)),
                        Map.entry("leadPhoto", String.valueOf(photo)),
                        Map.entry("gallery", String.valueOf(photo)),
                        Map.entry("body", "Our own words."),
                        Map.entry("version", String.valueOf(version)),
                        Map.entry("action", "save")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        // version 3 does not overwrite it: the draft is kept, and the answer and the audit log say why
        var v3 = json(post(editor, item("ferry-strike-v3.json")));
        JsonNode kept = v3.get("items").get(0);
        assertThat(kept.get("outcome").asText()).isEqualTo("kept");
        assertThat(kept.get("message").asText()).contains("An editor has changed the draft");
        assertThat(article(id).get("headline")).isEqualTo("Ostrava ferry strike: day two");
        assertThat(article(id).get("body")).isEqualTo("Our own words.");
        Map<String, Object> wire = jdbi.withHandle(
                h -> h.createQuery("select wire_version, held_version from wire_items where article_id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
        assertThat(wire).containsEntry("wire_version", "2").containsEntry("held_version", "3");
        List<String> audit = jdbi.withHandle(h -> h.createQuery(
                        "select action from audit_log where subject_type = 'article' and subject_id = :id order by id")
                .bind("id", id)
                .mapTo(String.class)
                .list());
        assertThat(audit)
                .containsSubsequence(
                        "created", "imported from the wire", "updated from the wire", "held a wire update");
    }

    @Test
    void aBatchReportsEachItemAndOneBadItemDoesNotStopTheOthers() throws Exception {
        String feed = "["
                + "{\"uri\":\"urn:nwp:batch-1\",\"type\":\"text\",\"headlines\":[{\"value\":\"Tide tables change\"}],"
                + "\"bodies\":[{\"contenttype\":\"text/plain\",\"value\":\"New tables from January.\\n# not a heading\"}]},"
                + "{\"uri\":\"urn:nwp:batch-2\",\"type\":\"text\",\"bodies\":[{\"value\":\"No headline.\"}]},"
                + "{\"uri\":\"urn:nwp:batch-3\",\"pubstatus\":\"withheld\",\"headlines\":[{\"value\":\"Held back\"}]}"
                + "]";
        var r = post(editor, feed + "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = json(r);
        assertThat(out.get("created").asInt()).isEqualTo(1);
        assertThat(out.get("refused").asInt()).isEqualTo(1);
        assertThat(out.get("skipped").asInt()).isEqualTo(1);
        JsonNode bad = out.get("items").get(1);
        assertThat(bad.get("outcome").asText()).isEqualTo("refused");
        assertThat(bad.get("field").asText()).isEqualTo("headlines");
        long id = out.get("items").get(0).get("articleId").asLong();
        assertThat(article(id).get("body")).isEqualTo("New tables from January.\n\n\\# not a heading");
        assertThat(articles("Held back")).isZero();

        // section by slug
        var sport = editor.send(
                "POST",
                "/api/admin/wire?section=sport",
                "{\"uri\":\"urn:nwp:batch-4\",\"headlines\":[{\"value\":\"Rowing club wins\"}]}");
        long sportId = json(sport).get("items").get(0).get("articleId").asLong();
        assertThat(article(sportId).get("section_id")).isNotEqualTo(section);
    }

    @Test
    void badInputIsAProblemNamingWhatIsWrong() throws Exception {
        var notJson = post(editor, "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(notJson).get("title").asText()).isEqualTo("The body is not JSON");

        assertThat(post(editor, "[]").statusCode()).isEqualTo(400);
        assertThat(post(editor, "42").statusCode()).isEqualTo(400);

        var noId = post(editor, "{\"headlines\":[{\"value\":\"x\"}]}");
        assertThat(noId.statusCode()).isEqualTo(422);
        JsonNode p = json(noId);
        assertThat(p.get("status").asInt()).isEqualTo(422);
        assertThat(p.get("items").get(0).get("field").asText()).isEqualTo("uri");

        var picture = post(
                editor,
                "{\"uri\":\"urn:nwp:pic\",\"headlines\":[{\"value\":\"Picture story\"}],"
                        + "\"associations\":[{\"name\":\"p\",\"uri\":\"urn:nwp:pic-1\",\"type\":\"picture\","
                        + "\"renditions\":[{\"name\":\"o\",\"href\":\"data:image/jpeg;base64,bm90IGFuIGltYWdl\"}]}]}");
        assertThat(picture.statusCode()).isEqualTo(422);
        assertThat(json(picture).get("items").get(0).get("field").asText()).isEqualTo("associations[0].renditions");
        assertThat(json(picture).get("detail").asText()).contains("is not a JPEG, PNG or WebP image");
        assertThat(articles("Picture story")).isZero();
    }

    @Test
    void picturesAreNeverFetchedFromTheServersOwnNetworkOrItsFiles() throws Exception {
        HttpServer local = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] hits = {0};
        local.createContext("/", ex -> {
            hits[0]++;
            ex.sendResponseHeaders(200, PICTURE.length);
            ex.getResponseBody().write(PICTURE);
            ex.close();
        });
        local.start();
        try {
            for (String href : List.of(
                    "http://127.0.0.1:" + local.getAddress().getPort() + "/p.jpg",
                    "http://localhost:" + local.getAddress().getPort() + "/p.jpg",
                    "http://169.254.169.254/latest/meta-data/",
                    "http://10.0.0.7/p.jpg",
                    "http://[::1]:" + local.getAddress().getPort() + "/p.jpg",
                    "/etc/passwd",
                    "file:///etc/passwd")) {
                var r = post(
                        editor,
                        "{\"uri\":\"urn:nwp:ssrf\",\"headlines\":[{\"value\":\"Inside job\"}],"
                                + "\"associations\":[{\"name\":\"p\",\"uri\":\"urn:nwp:ssrf-1\",\"type\":\"picture\","
                                + "\"renditions\":[{\"name\":\"o\",\"href\":\"" + href + "\"}]}]}");
                assertThat(r.statusCode()).as(href).isEqualTo(422);
                assertThat(json(r).get("items").get(0).get("field").asText()).isEqualTo("associations[0].renditions");
            }
            assertThat(hits[0]).as("the local server was never asked").isZero();
            assertThat(articles("Inside job")).isZero();
        } finally {
            local.stop(0);
        }
    }

    @Test
    void onlyAnEditorsStaffTokenMayImportAndEveryCallIsAuditedUnderItsPerson(TestApp t) throws Exception {
        AdminApiClient writer = AdminApiClient.forNewStaff(t, "wire-writer@example.org", Role.CONTRIBUTOR);
        var refused = post(writer, item("ferry-strike-v1.json").replace("nwp-0042", "nwp-0043"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).get("detail").asText()).contains("contributor").contains("needs editor");
        assertThat(wireItems("urn:newsml:northwind.example:20261206:nwp-0043")).isZero();

        // the newsroom session (cookie and CSRF token) is no way in, as everywhere in the Admin API
        WebClient session = editor.newsroom;
        session.get("/newsroom");
        var bySession = session.json(
                "POST",
                "/api/admin/wire",
                "{}",
                "X-CSRF-Token",
                session.cookie("bs_csrf").orElseThrow());
        assertThat(bySession.statusCode()).isEqualTo(401);
        assertThat(bySession.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(t.client().json("POST", "/api/admin/wire", "{}").statusCode())
                .isEqualTo(401);

        // a valid call lands in the audit log under the token's person, and so does the refused one
        var ok = post(editor, "{\"uri\":\"urn:nwp:audited\",\"headlines\":[{\"value\":\"Audited story\"}]}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(apiCalls("wire-desk@example.org")).contains("POST /api/admin/wire → 200");
        assertThat(apiCalls("wire-writer@example.org")).contains("POST /api/admin/wire → 403");

        // demoted to contributor, the same token loses the right at once
        jdbi.useHandle(
                h -> h.createUpdate("update users set role = 'contributor' where email = 'wire-desk@example.org'")
                        .execute());
        try {
            assertThat(post(editor, "{\"uri\":\"urn:nwp:late\",\"headlines\":[{\"value\":\"Too late\"}]}")
                            .statusCode())
                    .isEqualTo(403);
        } finally {
            jdbi.useHandle(h -> h.createUpdate("update users set role = 'editor' where email = 'wire-desk@example.org'")
                    .execute());
        }
    }

    static int wireItems(String uri) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from wire_items where agency_id = :u")
                .bind("u", uri)
                .mapTo(Integer.class)
                .one());
    }

    static List<String> apiCalls(String email) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        select a.detail from audit_log a join users u on u.id = a.actor_id
                        where u.email = :e and a.action = 'api call' order by a.id""").bind("e", email).mapTo(String.class).list());
    }
}
