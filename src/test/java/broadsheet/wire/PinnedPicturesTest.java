package broadsheet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.webhooks.AddressGuard;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire pictures are fetched from the addresses their check found, on the first request and on every redirect.
 * As in PinnedDeliveryTest, the guard gets a resolver of its own (names under {@code .test}, which no real DNS
 * answers): a rebinding DNS server is not run here, the pinning itself is what is tested.
 */
class PinnedPicturesTest {

    static final byte[] BYTES = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

    HttpServer server;
    final List<String> asked = new CopyOnWriteArrayList<>();
    final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            asked.add(
                    ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI().getPath());
            if (ex.getRequestURI().getPath().equals("/moved")) {
                ex.getResponseHeaders().add("Location", "http://inside.test:" + port() + "/p.jpg");
                ex.sendResponseHeaders(302, -1);
            } else {
                ex.sendResponseHeaders(200, BYTES.length);
                ex.getResponseBody().write(BYTES);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    Pictures pictures(List<String> allowed, AddressGuard.Lookup answers) {
        return new Pictures(
                new AddressGuard(
                        allowed,
                        host -> {
                            lookups.incrementAndGet();
                            return answers.addresses(host);
                        },
                        "pictures are fetched only from public addresses"),
                Optional.empty(),
                Duration.ofMillis(300));
    }

    @Test
    void thePictureComesFromTheAddressTheGuardFound() throws Exception {
        Pictures p = pictures(List.of("pics.allowed.test"), host -> new InetAddress[] {address("127.0.0.1")});
        assertThat(p.fetch("http://pics.allowed.test:" + port() + "/p.jpg", "associations[0]"))
                .isEqualTo(BYTES);
        assertThat(lookups).hasValue(1);
        assertThat(asked).containsExactly("pics.allowed.test:" + port() + "/p.jpg");
    }

    @Test
    void aRedirectToAnInternalNameIsRefusedWhenItsConnectionIsMade() {
        // the first host is one the operator allowed; the redirect names another, which resolves to loopback
        Pictures p = pictures(List.of("pics.allowed.test"), host -> new InetAddress[] {address("127.0.0.1")});
        assertThatThrownBy(() -> p.fetch("http://pics.allowed.test:" + port() + "/moved", "associations[0]"))
                .isInstanceOf(WireProblem.class)
                .hasMessageContaining("inside.test is 127.0.0.1, a loopback address")
                .hasMessageContaining("pictures are fetched only from public addresses");
        assertThat(asked).containsExactly("pics.allowed.test:" + port() + "/moved");
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsNeverConnectedTo() {
        AtomicInteger n = new AtomicInteger();
        Pictures p = pictures(List.of(), host ->
                new InetAddress[] {n.getAndIncrement() == 0 ? address("203.0.113.9") : address("127.0.0.1")});
        assertThatThrownBy(() -> p.fetch("http://rebind.test:" + port() + "/p.jpg", "associations[0]"))
                .isInstanceOf(WireProblem.class);
        assertThat(lookups).as("one checked lookup is all the connection used").hasValue(1);
        assertThat(asked).as("the loopback server was never reached").isEmpty();
    }
}
