package broadsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Account pages, blank and with errors, pass the Nu HTML Checker (the mail pages: mail/DevMailTest). */
class AccountPagesValidityTest {

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
    void formsAreValidBlankAndWithErrors() {
        WebClient c = t.client();
        for (String p : new String[] {
            "/sign-in", "/register", "/password/forgot", "/password/reset?token=bad", "/account/confirm?token=bad"
        }) {
            assertThat(HtmlValidator.problems(c.get(p).body())).as(p).isEmpty();
        }
        assertThat(HtmlValidator.problems(c.post("/register", Map.of("email", "x", "password", "y"))
                        .body()))
                .isEmpty();
        assertThat(HtmlValidator.problems(c.post("/sign-in", Map.of("email", "x@example.org", "password", "y"))
                        .body()))
                .isEmpty();
        WebClient staff = t.signedIn("valid@example.org", Role.EDITOR);
        assertThat(HtmlValidator.problems(staff.get("/account").body())).isEmpty();
        assertThat(HtmlValidator.problems(
                        staff.post("/account/password", Map.of("currentPassword", "no", "newPassword", "no"))
                                .body()))
                .isEmpty();
        assertThat(HtmlValidator.problems(staff.get("/newsroom").body())).isEmpty();
    }
}
