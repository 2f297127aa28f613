package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewsroomAccessTest {

    static TestApp t;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void onlyStaffReachTheNewsroom() {
        assertThat(t.client().get("/newsroom").headers().firstValue("Location")).hasValue("/sign-in?next=%2Fnewsroom");
        var reader = t.signedIn("reader@example.org", Role.READER).get("/newsroom");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(reader.body()).select("h1").text()).isEqualTo("You cannot do that here");
        var contributor = t.signedIn("writer@example.org", Role.CONTRIBUTOR).get("/newsroom");
        assertThat(contributor.statusCode()).isEqualTo(200);
        var nav = Jsoup.parse(contributor.body())
                .select("nav[aria-label=Newsroom] a")
                .eachText();
        assertThat(nav).contains("Articles", "Photos").doesNotContain("Fronts", "People");
        var admin = Jsoup.parse(
                t.signedIn("admin@example.org", Role.ADMIN).get("/newsroom").body());
        assertThat(admin.select("nav[aria-label=Newsroom] a").eachText()).contains("Fronts", "Audit", "People");
    }
}
