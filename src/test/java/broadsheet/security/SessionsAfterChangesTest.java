package broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing an account's password ends that account's other sessions, and no other account's (issue 17). */
class SessionsAfterChangesTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    private static WebClient signIn(TestApp t, String email) {
        WebClient c = t.client();
        c.get("/sign-in");
        HttpResponse<String> r =
                c.post("/sign-in", Map.of("email", email, "password", "password for " + email, "next", "/"));
        assertThat(r.statusCode()).isEqualTo(303);
        return c;
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsNotAnotherAccounts(TestApp t) {
        WebClient here = t.signedIn("pw-here@example.org", Role.READER);
        WebClient phone = signIn(t, "pw-here@example.org");
        WebClient someoneElse = t.signedIn("pw-else@example.org", Role.READER);
        here.get("/account");
        HttpResponse<String> changed = here.post(
                "/account/password",
                Map.of("currentPassword", "password for pw-here@example.org", "newPassword", "a new long password"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(phone.get("/account").statusCode()).as("the other session").isEqualTo(303);
        assertThat(someoneElse.get("/account").statusCode())
                .as("another account")
                .isEqualTo(200);
    }
}
