package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every curation route against every kind of visitor: who is sent to sign in, who is refused, who gets in. */
class CurationAccessTest {

    record Route(String method, String path, Role needs) {}

    static TestApp t;
    static SamplePaper paper;
    static List<Route> routes;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        paper = new SamplePaper(t.fixtures);
        long politics = paper.politics;
        long ada = paper.ada;
        long harbour = paper.harbour;
        // POSTs name things in use, so an allowed request is refused by the rules (422), never deleting anything
        routes = new ArrayList<>(List.of(
                new Route("GET", "/newsroom/fronts", Role.EDITOR),
                new Route("GET", "/newsroom/fronts/home", Role.EDITOR),
                new Route("GET", "/newsroom/fronts/section:politics", Role.EDITOR),
                new Route("POST", "/newsroom/fronts/home/move", Role.EDITOR),
                new Route("POST", "/newsroom/fronts/home/remove", Role.EDITOR),
                new Route("POST", "/newsroom/fronts/home/add", Role.EDITOR),
                new Route("POST", "/newsroom/fronts/home/order", Role.EDITOR),
                new Route("GET", "/newsroom/audit", Role.EDITOR),
                new Route("GET", "/newsroom/people", Role.ADMIN),
                new Route("POST", "/newsroom/people/1/role", Role.ADMIN),
                new Route("POST", "/newsroom/people/999999/sign-out", Role.ADMIN)));
        for (var kind :
                List.of(Map.entry("sections", politics), Map.entry("authors", ada), Map.entry("topics", harbour))) {
            String base = "/newsroom/" + kind.getKey();
            routes.addAll(List.of(
                    new Route("GET", base, Role.EDITOR),
                    new Route("GET", base + "/new", Role.EDITOR),
                    new Route("POST", base, Role.EDITOR),
                    new Route("GET", base + "/" + kind.getValue(), Role.EDITOR),
                    new Route("POST", base + "/" + kind.getValue(), Role.EDITOR),
                    new Route("POST", base + "/" + kind.getValue() + "/delete", Role.EDITOR)));
        }
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static HttpResponse<String> call(WebClient c, Route r) {
        return r.method().equals("GET") ? c.get(r.path()) : c.post(r.path(), Map.of());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        WebClient anonymous = t.client();
        anonymous.get("/sign-in"); // a browser that has seen a form has the CSRF cookie
        for (Route r : routes) {
            var res = call(anonymous, r);
            assertThat(res.statusCode()).as(r.toString()).isEqualTo(303);
            String next = r.method().equals("GET") ? r.path() : "/";
            assertThat(res.headers().firstValue("Location"))
                    .as(r.toString())
                    .hasValue("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachRoleGetsExactlyWhatItShould() {
        Map<Role, WebClient> people = Map.of(
                Role.READER, t.signedIn("reader@example.org", Role.READER),
                Role.CONTRIBUTOR, t.signedIn("contributor@example.org", Role.CONTRIBUTOR),
                Role.EDITOR, t.signedIn("editor@example.org", Role.EDITOR),
                Role.ADMIN, t.signedIn("admin@example.org", Role.ADMIN));
        for (Route r : routes) {
            for (var who : people.entrySet()) {
                var res = call(who.getValue(), r);
                String as = who.getKey() + " " + r;
                if (!who.getKey().includes(r.needs())) {
                    assertThat(res.statusCode()).as(as).isEqualTo(403);
                } else if (r.method().equals("GET")) {
                    assertThat(res.statusCode()).as(as).isEqualTo(200);
                } else {
                    // let in: what happens next is up to the rules (a redirect, a refusal, or no such thing)
                    assertThat(res.statusCode()).as(as).isIn(303, 404, 409, 422);
                    assertThat(res.headers().firstValue("Location").orElse(""))
                            .as(as)
                            .doesNotStartWith("/sign-in");
                }
            }
        }
        // nothing above deleted anything
        int left = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select (select count(*) from sections) + (select count(*) from authors) + (select count(*) from topics)")
                        .mapTo(Integer.class)
                        .one());
        assertThat(left).isEqualTo(5);
    }

    @Test
    void postsWithoutTheFormTokenAreRefused() {
        WebClient editor = t.signedIn("editor2@example.org", Role.EDITOR);
        for (Route r : routes) {
            if (r.method().equals("GET")) continue;
            assertThat(editor.postRaw(r.path(), Map.of()).statusCode())
                    .as(r.toString())
                    .isEqualTo(403);
        }
    }
}
