package broadsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A site served over HTTPS marks its session and CSRF cookies Secure. */
class SecureCookiesTest {

    @Test
    void cookiesAreSecureUnderHttps() throws Exception {
        try (TestApp t = new TestApp()) { // base URL https://news.example
            t.fixtures.user("secure@example.org", Role.READER, "a secure password");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> form = http.send(
                    HttpRequest.newBuilder(URI.create(t.url("/sign-in"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csrf = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("bs_csrf="))
                    .findFirst()
                    .orElseThrow();
            assertThat(csrf).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
            String token = csrf.substring("bs_csrf=".length(), csrf.indexOf(';'));
            HttpResponse<String> in = http.send(
                    HttpRequest.newBuilder(URI.create(t.url("/sign-in")))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "bs_csrf=" + token)
                            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token
                                    + "&email=secure%40example.org&password=a+secure+password&next=%2F"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c)
                            .startsWith("bs_session=")
                            .contains("Secure")
                            .contains("HttpOnly")
                            .contains("SameSite=Lax"));
        }
    }
}
