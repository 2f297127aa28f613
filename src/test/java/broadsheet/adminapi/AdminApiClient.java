package broadsheet.adminapi;

import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** A program using the Admin API with a staff token that a staff member made in the newsroom, as a person would. */
public final class AdminApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    public final String token;
    public final WebClient http;
    /** The person's own signed-in browser session, for the newsroom's pages. */
    public final WebClient newsroom;

    private AdminApiClient(String token, WebClient http, WebClient newsroom) {
        this.token = token;
        this.http = http;
        this.newsroom = newsroom;
    }

    /** Signs a new staff member in, makes a token on the newsroom's page, and hands it to a cookieless client. */
    public static AdminApiClient forNewStaff(TestApp t, String email, Role role) {
        WebClient person = t.signedIn(email, role);
        return new AdminApiClient(makeToken(person, "tests"), t.client(), person);
    }

    public static String makeToken(WebClient person, String name) {
        person.get(NewsroomPaths.staffTokens());
        HttpResponse<String> made = person.post(NewsroomPaths.staffTokens(), Map.of("name", name));
        if (made.statusCode() != 201) throw new IllegalStateException("no token made: " + made.statusCode());
        return Jsoup.parse(made.body()).selectFirst("#new-token").attr("value");
    }

    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        all.addAll(List.of(headers));
        return http.json(method, path, json, all.toArray(String[]::new));
    }

    public HttpResponse<String> upload(String path, Multipart form) {
        return http.postMultipartWith(path, form, "Authorization", "Bearer " + token);
    }

    public static JsonNode body(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    /** The fields an RFC 9457 problem's errors name. */
    public static List<String> fields(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        body(r).path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }
}
