package broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing an account's password or email address ends that account's other sessions, and no other account's (issue 17). */
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

    @Test
    void changingTheEmailAddressEndsTheOtherSessions(TestApp t) {
        WebClient here = t.signedIn("em-here@example.org", Role.READER);
        WebClient phone = signIn(t, "em-here@example.org");
        WebClient someoneElse = t.signedIn("em-else@example.org", Role.READER);
        here.get("/account");
        HttpResponse<String> asked = here.post(
                "/account/email",
                Map.of("newEmail", "em-moved@example.org", "password", "password for em-here@example.org"));
        assertThat(asked.statusCode()).isEqualTo(303);
        String confirm = mailedLink(t, "/account/email/confirm").orElseThrow();
        assertThat(here.get(confirm).body()).contains("Your email address has changed");
        assertThat(someoneElse.get("/account").statusCode())
                .as("another account")
                .isEqualTo(200);
        assertThat(phone.get("/account").statusCode())
                .as("the session on another device after the address changed")
                .isEqualTo(303);
    }

    /** The newest link starting with {@code prefix} in the mail the app wrote to files. */
    private static Optional<String> mailedLink(TestApp t, String prefix) {
        Pattern link = Pattern.compile("https?://news\\.example(" + Pattern.quote(prefix) + "[^\\s\"<]*)");
        try (Stream<Path> files = Files.walk(t.dataDir)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::toString).reversed())
                    .map(p -> {
                        try {
                            String body = Files.readString(p)
                                    .replace("=\r\n", "")
                                    .replace("=\n", "")
                                    .replace("=3D", "=");
                            Matcher m = link.matcher(body);
                            return m.find() ? m.group(1) : null;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(s -> s != null)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
