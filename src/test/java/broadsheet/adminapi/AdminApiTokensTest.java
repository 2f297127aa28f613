package broadsheet.adminapi;

import static broadsheet.adminapi.AdminApiClient.body;
import static broadsheet.adminapi.AdminApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.ExifSample;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.ApiPaths;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Role;
import broadsheet.web.Tokens;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff tokens made and revoked in the newsroom; photos, topics and authors through the Admin API. */
class AdminApiTokensTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    @Test
    void aTokenIsShownOnceAndOnlyItsHashIsKept(TestApp t) {
        WebClient person = t.signedIn("maker@example.org", Role.CONTRIBUTOR);
        person.get(NewsroomPaths.staffTokens());
        HttpResponse<String> empty = person.post(NewsroomPaths.staffTokens(), Map.of("name", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.body()).select("#f-name-error").text()).contains("Name the token");

        String token = AdminApiClient.makeToken(person, "Migration script");
        assertThat(token).startsWith("bst_");
        HttpResponse<String> later = person.get(NewsroomPaths.staffTokens());
        assertThat(later.body()).contains("Migration script").doesNotContain(token);
        assertThat(HtmlValidator.problems(later.body())).isEmpty();
        List<String> stored = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select hash from staff_tokens where name = 'Migration script'")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).containsExactly(Tokens.sha256(token));
    }

    @Test
    void callsWithoutALiveTokenAreRefused(TestApp t) {
        WebClient anyone = t.client();
        HttpResponse<String> none = anyone.json("POST", ApiPaths.adminArticles(), "{}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> made_up =
                anyone.json("POST", ApiPaths.adminArticles(), "{}", "Authorization", "Bearer bst_madeup");
        assertThat(made_up.statusCode()).isEqualTo(401);

        WebClient session = t.signedIn("cookie@example.org", Role.EDITOR);
        session.get(NewsroomPaths.staffTokens());
        HttpResponse<String> cookieOnly = session.json("POST", ApiPaths.adminArticles(), "{\"headline\": \"x\"}");
        assertThat(cookieOnly.statusCode())
                .as("the session cookie is no way in")
                .isEqualTo(401);

        AdminApiClient c = AdminApiClient.forNewStaff(t, "revoker@example.org", Role.EDITOR);
        assertThat(c.send("GET", ApiPaths.adminTopic(999999), null).statusCode())
                .isEqualTo(404);
        long id = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from staff_tokens where hash = :h")
                        .bind("h", Tokens.sha256(c.token))
                        .mapTo(Long.class)
                        .one());
        HttpResponse<String> revoked = c.newsroom.post(NewsroomPaths.staffTokenRevoke(id), Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(c.send("GET", ApiPaths.adminTopic(999999), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void onlyTheOwnerOrAnAdminRevokesAToken(TestApp t) {
        AdminApiClient owner = AdminApiClient.forNewStaff(t, "owner@example.org", Role.CONTRIBUTOR);
        long id = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from staff_tokens where hash = :h")
                        .bind("h", Tokens.sha256(owner.token))
                        .mapTo(Long.class)
                        .one());
        WebClient other = t.signedIn("other@example.org", Role.EDITOR);
        other.get(NewsroomPaths.staffTokens());
        assertThat(other.get(NewsroomPaths.staffTokens()).body()).doesNotContain("owner@example.org");
        assertThat(other.post(NewsroomPaths.staffTokenRevoke(id), Map.of()).statusCode())
                .isEqualTo(404);

        WebClient admin = t.signedIn("admin@example.org", Role.ADMIN);
        assertThat(admin.get(NewsroomPaths.staffTokens()).body()).contains("owner@example.org");
        assertThat(admin.post(NewsroomPaths.staffTokenRevoke(id), Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(owner.send("POST", ApiPaths.adminArticles(), "{}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPhotoUploadHasThePhotoDesksChecks(TestApp t) {
        AdminApiClient c = AdminApiClient.forNewStaff(t, "photographer@example.org", Role.CONTRIBUTOR);
        byte[] jpeg = ExifSample.jpegWithExif(ExifSample.picture(900, 600, new Color(20, 90, 160)), 1);
        HttpResponse<String> r = c.upload(
                ApiPaths.adminPhotos(),
                new Multipart()
                        .field("caption", "The harbour at dawn.")
                        .field("credit", "Ann Writer/Broadsheet")
                        .field("altText", "Boats moored in a calm harbour.")
                        .file("file", "dawn.jpg", "image/jpeg", jpeg));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(body(r).path("width").asInt()).isEqualTo(900);
        assertThat(body(r).path("credit").asText()).isEqualTo("Ann Writer/Broadsheet");
        HttpResponse<byte[]> served = t.getBytes(body(r).path("src").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(ExifSample.carriesMetadata(served.body()))
                .as("camera and GPS removed")
                .isFalse();

        HttpResponse<String> text = c.upload(
                ApiPaths.adminPhotos(),
                new Multipart().file("file", "notes.jpg", "image/jpeg", "not a photo".getBytes()));
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(fields(text)).containsExactly("file");
        assertThat(body(text).path("detail").asText()).contains("is not a JPEG, PNG or WebP image");

        HttpResponse<String> json = c.send("POST", ApiPaths.adminPhotos(), "{}");
        assertThat(json.statusCode()).isEqualTo(415);
    }

    @Test
    void topicsAndAuthorsAreCreatedAndEditedWithTheNewsroomsChecks(TestApp t) {
        AdminApiClient c = AdminApiClient.forNewStaff(t, "curator@example.org", Role.EDITOR);
        HttpResponse<String> topic =
                c.send("POST", ApiPaths.adminTopics(), "{\"name\": \"Dock Authority\", \"kind\": \"organization\"}");
        assertThat(topic.statusCode()).as(topic.body()).isEqualTo(201);
        long id = body(topic).path("id").asLong();
        assertThat(body(topic).path("slug").asText()).isEqualTo("dock-authority");
        String v1 = topic.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> twice =
                c.send("POST", ApiPaths.adminTopics(), "{\"name\": \"Dock Authority\", \"kind\": \"organisation\"}");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(fields(twice)).contains("slug", "kind");

        HttpResponse<String> edited =
                c.send("PATCH", ApiPaths.adminTopic(id), "{\"aliases\": \"the Authority\"}", "If-Match", v1);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(body(edited).path("aliases").asText()).isEqualTo("the Authority");
        assertThat(body(edited).path("name").asText()).isEqualTo("Dock Authority");
        HttpResponse<String> stale =
                c.send("PATCH", ApiPaths.adminTopic(id), "{\"name\": \"Port Authority\"}", "If-Match", v1);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(body(c.send("GET", ApiPaths.adminTopic(id), null))
                        .path("name")
                        .asText())
                .isEqualTo("Dock Authority");

        HttpResponse<String> author =
                c.send("POST", ApiPaths.adminAuthors(), "{\"name\": \"Bo Reporter\", \"title\": \"Harbour reporter\"}");
        assertThat(author.statusCode()).as(author.body()).isEqualTo(201);
        long authorId = body(author).path("id").asLong();
        HttpResponse<String> readAuthor = c.send("GET", ApiPaths.adminAuthor(authorId), null);
        assertThat(readAuthor.statusCode()).isEqualTo(200);
        assertThat(body(readAuthor).path("slug").asText()).isEqualTo("bo-reporter");
        assertThat(body(readAuthor).path("title").asText()).isEqualTo("Harbour reporter");
        HttpResponse<String> badPortrait = c.send("PATCH", ApiPaths.adminAuthor(authorId), "{\"portrait\": 999999}");
        assertThat(badPortrait.statusCode()).isEqualTo(422);
        assertThat(fields(badPortrait)).containsExactly("portrait");

        AdminApiClient writer = AdminApiClient.forNewStaff(t, "notcurator@example.org", Role.CONTRIBUTOR);
        assertThat(writer.send("POST", ApiPaths.adminTopics(), "{\"name\": \"X\", \"kind\": \"subject\"}")
                        .statusCode())
                .isEqualTo(403);
    }
}
