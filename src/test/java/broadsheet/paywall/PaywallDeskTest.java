package broadsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The newsroom's paywall settings page: editors and admins only; the meter and the gift allowance take effect at once. */
class PaywallDeskTest {

    static TestApp t;
    static Paper p;
    static WebClient editor;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        p = new Paper(t.fixtures);
        editor = t.signedIn("editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static String setting(String key) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select value from settings where key = :k")
                        .bind("k", key)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    }

    @Test
    void anEditorChangesTheMeterAndReadersGetItAtOnce() {
        HttpResponse<String> page = editor.get("/newsroom/paywall");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        Document d = Jsoup.parse(page.body());
        assertThat(d.select("#f-meter").attr("value")).isEqualTo("3");
        assertThat(d.select("#f-gifts").attr("value")).isEqualTo("10");
        assertThat(d.select(".newsroom-nav a[href=/newsroom/paywall]").attr("aria-current"))
                .isEqualTo("page");

        // with the default meter, a reader not signed in reads a subscriber article
        assertThat(t.client().get(p.path("subscriber-story")).body()).contains(Paper.SUB_SECRET);

        HttpResponse<String> saved = editor.post("/newsroom/paywall", Map.of("meter", "0", "gifts", "4"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(setting("paywall_meter")).isEqualTo("0");
        assertThat(setting("paywall_gifts_per_month")).isEqualTo("4");
        HttpResponse<String> after = editor.follow(saved);
        assertThat(Jsoup.parse(after.body()).select(".notice[role=status]").text())
                .startsWith("Saved");
        assertThat(Jsoup.parse(after.body()).select("#f-meter").attr("value")).isEqualTo("0");
        // the meter is off now: a new reader gets the offer
        assertThat(t.client().get(p.path("subscriber-story")).body())
                .doesNotContain(Paper.SUB_SECRET)
                .contains("paywall-offer");
        String audit = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select detail from audit_log where action = 'changed paywall settings'")
                        .mapTo(String.class)
                        .one());
        assertThat(audit).contains("meter 3 → 0");
    }

    @Test
    void badNumbersAreRefusedWithTheFieldNamedAndNothingSaved() {
        String before = setting("paywall_meter");
        HttpResponse<String> r = editor.post("/newsroom/paywall", Map.of("meter", "-1", "gifts", "lots"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#f-meter-error").text()).contains("from 0");
        assertThat(d.select("#f-gifts-error").text()).contains("gift links");
        assertThat(d.select("#f-gifts").attr("value")).isEqualTo("lots");
        assertThat(setting("paywall_meter")).isEqualTo(before);
        assertThat(editor.post("/newsroom/paywall", Map.of("meter", "51", "gifts", "1"))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void onlyEditorsAndAdminsReachTheSettings() {
        WebClient reader = t.signedIn("reader@example.org", Role.READER);
        WebClient contributor = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        WebClient admin = t.signedIn("admin@example.org", Role.ADMIN);
        assertThat(reader.get("/newsroom/paywall").statusCode()).isEqualTo(403);
        assertThat(contributor.get("/newsroom/paywall").statusCode()).isEqualTo(403);
        assertThat(admin.get("/newsroom/paywall").statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = t.client().get("/newsroom/paywall");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/sign-in?next=%2Fnewsroom%2Fpaywall");
        assertThat(reader.post("/newsroom/paywall", Map.of("meter", "50", "gifts", "50"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.postRaw("/newsroom/paywall", Map.of("meter", "50", "gifts", "50"))
                        .statusCode())
                .isEqualTo(403); // no CSRF token
        assertThat(setting("paywall_meter")).isNotEqualTo("50");
        assertThat(Jsoup.parse(contributor.get("/newsroom").body()).select("a[href=/newsroom/paywall]"))
                .isEmpty();
    }
}
