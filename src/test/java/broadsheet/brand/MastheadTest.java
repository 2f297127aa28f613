package broadsheet.brand;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The masthead on shared, cached pages: the same bytes for every reader; the personal part comes from /api/me. */
class MastheadTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    @org.junit.jupiter.api.BeforeAll
    static void paper() {
        new SamplePaper(app.get().fixtures);
        app.get().fixtures.setting("site_time_zone", "Pacific/Kiritimati"); // UTC+14: often a day ahead of UTC
        app.get().contentChanged();
    }

    static Document home(TestApp t) {
        return Jsoup.parse(t.client().get("/").body());
    }

    @Test
    void signedOutReadersGetSignInAndRegisterAndTheDateInThePapersZone(TestApp t) {
        Document d = home(t);
        assertThat(d.select(".masthead__account a").eachAttr("href")).contains("/sign-in", "/register", "/account");
        assertThat(d.select(".masthead__account a").eachText()).contains("Sign in", "Register");
        assertThat(d.select(".masthead .masthead-search")).hasSize(1);
        String today = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString();
        assertThat(d.select(".masthead__date time").attr("datetime")).isEqualTo(today);
        assertThat(d.select(".masthead__date time").text())
                .contains(String.valueOf(LocalDate.parse(today).getYear()));
        // no plans on offer in this paper: no Subscribe link
        assertThat(d.select(".masthead a[href=/subscribe]")).isEmpty();
    }

    @Test
    void subscribeShowsWhenPlansAreOnOffer() {
        TestApp t = app.fresh();
        broadsheet.subscriptions.PlanDao.seedDemo(t.fixtures.jdbi());
        t.contentChanged();
        assertThat(home(t).select(".masthead__account a[href=/subscribe]").text())
                .isEqualTo("Subscribe");
    }

    @Test
    void signedInReadersGetTheSameBytesAndTheirNameFromApiMe(TestApp t) {
        WebClient stranger = t.client();
        WebClient other = t.client();
        WebClient reader = t.signedIn("maria@example.org", Role.READER);
        t.fixtures
                .jdbi()
                .useHandle(h -> h.createUpdate("update users set display_name = 'Maria Reyes' where email = :e")
                        .bind("e", "maria@example.org")
                        .execute());
        HttpResponse<String> a = stranger.get("/");
        HttpResponse<String> b = other.get("/");
        HttpResponse<String> c = reader.get("/");
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(b.body()).isEqualTo(a.body());
        assertThat(c.body()).isEqualTo(a.body()).doesNotContain("Maria Reyes");
        assertThat(a.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(a.body()).contains("/assets/masthead.");
        String me = reader.get("/api/me").body();
        assertThat(me)
                .contains("\"signedIn\":true")
                .contains("\"name\":\"Maria Reyes\"")
                .contains("csrfToken");
        assertThat(stranger.get("/api/me").body()).contains("\"signedIn\":false");
    }
}
