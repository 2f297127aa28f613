package broadsheet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may go to: only public ones, unless the operator names the host. */
class AddressGuardTest {

    final AddressGuard guard = new AddressGuard(List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "http://127.0.0.1/, loopback",
        "http://127.8.9.10:8080/x, loopback",
        "http://localhost/, loopback", // a name: refused after it is resolved
        "http://[::1]/, loopback",
        "http://0.0.0.0/, unspecified",
        "http://[::]/, unspecified",
        "http://10.1.2.3/, private",
        "http://172.16.0.1/, private",
        "http://172.31.255.255/, private",
        "http://192.168.1.1/, private",
        "http://169.254.169.254/latest/meta-data/, link-local",
        "http://[fe80::1]/, link-local",
        "http://[fd00:ec2::254]/, unique-local",
        "http://[fc00::1]/, unique-local",
        "http://100.64.0.1/, carrier-grade NAT",
        "http://100.100.100.200/, carrier-grade NAT", // another cloud's metadata address
        "http://[::ffff:127.0.0.1]/, loopback",
        "http://[::ffff:10.0.0.1]/, private",
        "http://[64:ff9b::a00:1]/, private", // NAT64 of 10.0.0.1
        "http://[2002:a9fe:a9fe::]/, link-local", // 6to4 of 169.254.169.254
        "http://224.0.0.1/, multicast",
        "http://240.0.0.1/, reserved",
    })
    void refusesInternalAddresses(String url, String kind) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(AddressGuard.Refused.class)
                .hasMessageContaining(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "gopher://x/", "http://user:pw@93.184.216.34/"})
    void refusesOtherSchemesAndCredentials(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(AddressGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/", "https://[2606:4700::1111]/"})
    void letsPublicAddressesThrough(String url) {
        assertThatCode(() -> guard.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000/hook", "http://LOCALHOST/"})
    void letsANamedHostThroughWhenTheOperatorAllowsIt(String url) {
        AddressGuard allowing = new AddressGuard(List.of("localhost"));
        assertThatCode(() -> allowing.check(URI.create(url))).doesNotThrowAnyException();
        // only that name: the same machine by another name or number is still refused
        assertThatThrownBy(() -> allowing.check(URI.create("http://127.0.0.1:9000/hook")))
                .isInstanceOf(AddressGuard.Refused.class);
    }

    @org.junit.jupiter.api.Test
    void anUnknownHostIsRefusedWithItsName() {
        assertThatThrownBy(() -> guard.check(URI.create("https://no-such-host.invalid/")))
                .hasMessageContaining("no-such-host.invalid");
        assertThat(AddressGuard.internal(java.net.InetAddress.getLoopbackAddress()))
                .isPresent();
    }
}
