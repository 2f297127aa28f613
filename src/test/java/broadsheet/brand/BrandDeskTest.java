package broadsheet.brand;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Multipart;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The brand page: admins set the paper's look; bad input is refused naming the field; readers see it at once. */
class BrandDeskTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 40\">"
            + "<rect width=\"200\" height=\"40\" fill=\"#123456\"/><text x=\"10\" y=\"28\">Ledger</text></svg>";

    static Multipart form(WebClient admin, String accent, String link) {
        String csrf = Jsoup.parse(admin.get("/newsroom/brand").body())
                .select("input[name=_csrf]")
                .val();
        return new Multipart()
                .field("_csrf", csrf)
                .field("name", "The Meridian Ledger")
                .field("tagline", "News from the coast")
                .field("accent", accent)
                .field("link", link)
                .field("heading_font", "system-sans")
                .field("body_font", "book-serif")
                .field("footer_text", "Published by Meridian Press, 1 Quay Street, Kestwick.")
                .field("footer_links", "About us | /about\nContact | mailto:desk@meridian.example");
    }

    static Document doc(HttpResponse<String> r) {
        return Jsoup.parse(r.body());
    }

    @Test
    void onlyAdminsReachTheBrandPage(TestApp t) {
        WebClient editor = t.signedIn("editor-brand@example.org", Role.EDITOR);
        assertThat(editor.get("/newsroom/brand").statusCode()).isEqualTo(403);
        assertThat(t.client().get("/newsroom/brand").statusCode()).isIn(302, 303, 401);
        WebClient admin = t.signedIn("admin-look@example.org", Role.ADMIN);
        HttpResponse<String> page = admin.get("/newsroom/brand");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        assertThat(doc(page).select(".newsroom-nav a[href=/newsroom/brand]").attr("aria-current"))
                .isEqualTo("page");
    }

    @Test
    void badAndLowContrastColoursAreRefusedNamingTheField(TestApp t) {
        WebClient admin = t.signedIn("admin-colours@example.org", Role.ADMIN);
        HttpResponse<String> bad = admin.postMultipart("/newsroom/brand", form(admin, "reddish", "#0b4f8a"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(doc(bad).select("#f-accent-error").text())
                .contains("Accent colour")
                .contains("\"reddish\" is not a colour");
        HttpResponse<String> pale = admin.postMultipart("/newsroom/brand", form(admin, "#9b1c1c", "#ffcc00"));
        assertThat(pale.statusCode()).isEqualTo(422);
        assertThat(doc(pale).select("#f-link-error").text())
                .contains("Link colour #ffcc00 is too light")
                .contains("4.5:1");
        assertThat(doc(pale).select(".error-summary").text()).contains("Link colour");
        assertThat(HtmlValidator.problems(pale.body())).isEmpty();
        // nothing was saved
        assertThat(t.client().get("/").body()).doesNotContain("News from the coast");
    }

    @Test
    void aSavedBrandShowsOnTheNextPageLoad(TestApp t) {
        WebClient admin = t.signedIn("admin-brand@example.org", Role.ADMIN);
        String before = doc(t.client().get("/"))
                .select("link[rel=stylesheet]")
                .eachAttr("href")
                .toString();
        HttpResponse<String> saved = admin.postMultipart(
                "/newsroom/brand",
                form(admin, "#1a5c2e", "#123abc")
                        .file("logo", "ledger.svg", "image/svg+xml", SVG.getBytes(StandardCharsets.UTF_8)));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(doc(admin.follow(saved)).select(".notice").text()).startsWith("Saved");

        Document home = doc(t.client().get("/"));
        assertThat(home.select("link[rel=stylesheet]").eachAttr("href").toString())
                .isNotEqualTo(before);
        String cssUrl = home.select("link[rel=stylesheet][href^=/brand/]").attr("href");
        HttpResponse<String> css = t.client().get(cssUrl);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body())
                .contains("--accent:#1a5c2e")
                .contains("--link:#123abc")
                .contains("prefers-color-scheme:dark");
        assertThat(css.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

        String logoUrl = home.select(".masthead__name img").attr("src");
        assertThat(logoUrl).startsWith("/brand/logo-").endsWith(".svg");
        assertThat(home.select(".masthead__name img").attr("alt")).isEqualTo("The Meridian Ledger");
        HttpResponse<String> logo = t.client().get(logoUrl);
        assertThat(logo.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(logo.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox")
                .contains("default-src 'none'");
        assertThat(home.select(".masthead__tagline").text()).contains("News from the coast");
        assertThat(home.select(".site-footer a").eachAttr("href")).contains("/about", "mailto:desk@meridian.example");
        assertThat(home.select(".site-footer").text()).contains("Published by Meridian Press");

        String audit = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from audit_log where action = 'brand.update' order by id desc limit 1")
                        .mapTo(String.class)
                        .one());
        assertThat(audit).contains("accent").contains("logo");
    }

    @Test
    void anSvgLogoWithAScriptIsRefused(TestApp t) {
        WebClient admin = t.signedIn("admin-logo@example.org", Role.ADMIN);
        String evil = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        HttpResponse<String> r = admin.postMultipart(
                "/newsroom/brand",
                form(admin, "#9b1c1c", "#0b4f8a")
                        .file("logo", "evil.svg", "image/svg+xml", evil.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(doc(r).select("#f-logo-error").text()).contains("evil.svg").contains("script");
        HttpResponse<String> text = admin.postMultipart(
                "/newsroom/brand",
                form(admin, "#9b1c1c", "#0b4f8a")
                        .file("logo", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(doc(text).select("#f-logo-error").text()).contains("neither an SVG nor a PNG");
    }

    @Test
    void siteCssHonoursDarkMode(TestApp t) {
        Document home = doc(t.client().get("/"));
        String site = t.client()
                .get(home.select("link[rel=stylesheet][href^=/assets/site]").attr("href"))
                .body();
        assertThat(site).contains("@media (prefers-color-scheme:dark){:root{--ink:");
        assertThat(home.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
    }
}
