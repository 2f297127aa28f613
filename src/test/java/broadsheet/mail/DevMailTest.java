package broadsheet.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import broadsheet.Config;
import broadsheet.cli.Main;
import broadsheet.db.StartupException;
import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * /dev/mail, where a newcomer reads the confirmation mail when no SMTP server is set: off unless
 * switched on, then answered over IPv4 and IPv6 loopback and nowhere else.
 */
class DevMailTest {

    /** Mail kept in files, /dev/mail on, served as http://localhost. */
    @RegisterExtension
    static final AppExtension app = AppExtension.with(o -> o.withDevMail());

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) b.headers(headers);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void register(TestApp t, String email) {
        WebClient c = t.client();
        c.get("/register");
        var r = c.post("/register", Map.of("email", email, "displayName", "", "password", "a local password"));
        assertThat(r.statusCode()).isLessThan(400);
    }

    /** Whether this machine has an IPv6 loopback interface at all (a container may have none). */
    static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One of this machine's own addresses that is not loopback, if it has one. */
    static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) continue;
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) return Optional.of(a);
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Test
    void aNewcomerReadsTheConfirmationMailOverIpv4LoopbackAndFollowsItsLink(TestApp t) {
        register(t, "ipv4@example.org");
        var list = get("http://127.0.0.1:" + t.app.port() + "/dev/mail");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Confirm your email address for").contains("ipv4@example.org");
        assertThat(HtmlValidator.problems(list.body())).isEmpty();
        String href = Jsoup.parse(list.body())
                .select("li:contains(ipv4@example.org) a[href^=/dev/mail/]")
                .first()
                .attr("href");
        var mail = get("http://127.0.0.1:" + t.app.port() + href);
        assertThat(HtmlValidator.problems(mail.body())).isEmpty();
        String confirm = Jsoup.parse(mail.body())
                .select("a[href*=/account/confirm]")
                .first()
                .attr("href");
        assertThat(confirm).startsWith("http://localhost/account/confirm");
        assertThat(t.client().get(confirm.replace("http://localhost", "")).body())
                .contains("Your email address is confirmed");
    }

    @Test
    void ipv6LoopbackIsServedToo(TestApp t) {
        assumeTrue(ipv6Loopback(), "this machine has no IPv6 loopback");
        register(t, "ipv6@example.org");
        var list = get("http://[::1]:" + t.app.port() + "/dev/mail");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("ipv6@example.org");
        // the site itself answers over IPv6 loopback as well (the server listens on both)
        assertThat(get("http://[::1]:" + t.app.port() + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestAProxyForwardedIsRefusedEvenFromLoopback(TestApp t) {
        String url = "http://127.0.0.1:" + t.app.port() + "/dev/mail";
        assertThat(get(url, "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(404);
        assertThat(get(url, "Forwarded", "for=203.0.113.9").statusCode()).isEqualTo(404);
        assertThat(get(url, "X-Real-IP", "203.0.113.9").statusCode()).isEqualTo(404);
        assertThat(get(url).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAddressOfThisMachineIsNotLoopbackAndGetsNothing(TestApp t) {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no address but loopback");
        String host = other.get().getHostAddress();
        assertThat(get("http://" + host + ":" + t.app.port() + "/").statusCode())
                .as("the site answers on " + host)
                .isEqualTo(200);
        var r = get("http://" + host + ":" + t.app.port() + "/dev/mail", "X-Forwarded-For", "127.0.0.1");
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void offUnlessSwitchedOnEvenWithALoopbackBaseUrl() {
        try (TestApp off = new TestApp(TestApp.Options.defaults().withBaseUrl("http://localhost"))) {
            register(off, "off@example.org");
            assertThat(get("http://127.0.0.1:" + off.app.port() + "/dev/mail").statusCode())
                    .isEqualTo(404);
            if (ipv6Loopback())
                assertThat(get("http://[::1]:" + off.app.port() + "/dev/mail").statusCode())
                        .isEqualTo(404);
        }
    }

    @Test
    void serveRefusesToStartWithItOnAndAPublicBaseUrl(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "serve",
                "--dev-mail",
                "--base-url",
                "https://news.example",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--database-url",
                "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString())
                .startsWith("broadsheet: DEV_MAIL=on (--dev-mail) shows mail only to this machine, but BASE_URL"
                        + " https://news.example is not a loopback address");
    }

    @Test
    void theEnvironmentSwitchesItOnAndOnlyOnOrOffIsUnderstood() {
        assertThat(Config.fromEnv(Map.of()).devMail()).isFalse();
        assertThat(Config.fromEnv(Map.of("DEV_MAIL", "on")).devMail()).isTrue();
        assertThat(Config.fromEnv(Map.of("DEV_MAIL", "off")).devMail()).isFalse();
        assertThatThrownBy(() -> Config.fromEnv(Map.of("DEV_MAIL", "yes")))
                .isInstanceOf(StartupException.class)
                .hasMessage("DEV_MAIL must be on or off, not 'yes'");
    }

    @Test
    void neverOnWithAPublicBaseUrl() {
        Config on = Config.fromEnv(Map.of("DEV_MAIL", "on"));
        assertThat(on.devMailProblem()).isEmpty(); // http://localhost:8080
        for (String local : new String[] {"http://127.0.0.1:8080", "http://[::1]:8080", "http://localhost"})
            assertThat(on.withBaseUrl(local).devMailProblem()).as(local).isEmpty();
        for (String pub : new String[] {"https://news.example", "http://10.0.0.5", "http://localhost.example.org"})
            assertThat(on.withBaseUrl(pub).devMailProblem())
                    .as(pub)
                    .hasValueSatisfying(m -> assertThat(m).contains("BASE_URL " + pub + " is not a loopback address"));
    }
}
