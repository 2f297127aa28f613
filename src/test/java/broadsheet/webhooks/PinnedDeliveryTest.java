package broadsheet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a delivery connects to the very addresses its check found. A real rebinding attack needs a
 * DNS server whose answers change, and the JVM's resolver cannot be swapped per test; so these tests give the
 * address guard a resolver of their own (names under {@code .test}, which no real DNS answers) and check the
 * mechanism itself: one lookup per connection, checked, and the connection goes to what it returned.
 */
class PinnedDeliveryTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final Receiver receiver = new Receiver();
    final AtomicInteger lookups = new AtomicInteger();
    Deliverer deliverer;

    @AfterEach
    void tearDown() throws Exception {
        receiver.close();
        if (deliverer != null) deliverer.close();
    }

    static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    Deliverer deliverer(List<String> allowed, AddressGuard.Lookup answers) {
        deliverer = new Deliverer(
                new AddressGuard(allowed, host -> {
                    lookups.incrementAndGet();
                    return answers.addresses(host);
                }),
                Duration.ofMillis(300));
        return deliverer;
    }

    Deliverer.Outcome send(Deliverer d, String host) {
        return d.send("http://" + host + ":" + receiver.port() + "/hook", SECRET, "msg_pinned", Instant.now(), "{}");
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardFoundNotToASecondLookup() {
        // the name exists only in the guard's resolver: had the client resolved it again, it could not connect
        Deliverer d = deliverer(List.of("hooks.pinned.test"), host -> new InetAddress[] {address("127.0.0.1")});
        Deliverer.Outcome outcome = send(d, "hooks.pinned.test");
        assertThat(outcome.delivered()).as(String.valueOf(outcome.error())).isTrue();
        assertThat(lookups).hasValue(1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.hosts()).containsExactly("hooks.pinned.test:" + receiver.port());
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterTheCheckIsNeverConnectedTo() {
        // public at the first answer, loopback (where the receiver listens) at every later one
        AtomicInteger asked = new AtomicInteger();
        Deliverer d = deliverer(List.of(), host ->
                new InetAddress[] {asked.getAndIncrement() == 0 ? address("203.0.113.7") : address("127.0.0.1")});
        Deliverer.Outcome outcome = send(d, "rebind.attacker.test");
        assertThat(outcome.delivered()).isFalse();
        assertThat(lookups)
                .as("one lookup, checked, is all the connection used")
                .hasValue(1);
        assertThat(receiver.received())
                .as("the loopback receiver was never reached")
                .isEmpty();

        // the next attempt looks up again, and this time the check sees (and refuses) the loopback address
        Deliverer.Outcome again = send(d, "rebind.attacker.test");
        assertThat(again.delivered()).isFalse();
        assertThat(again.error()).contains("refused").contains("127.0.0.1").contains("loopback");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anInternalAnswerAtConnectTimeIsRefusedWithTheAddressNamed() {
        Deliverer d = deliverer(List.of(), host -> new InetAddress[] {address("10.1.2.3"), address("127.0.0.1")});
        Deliverer.Outcome outcome = send(d, "inside.test");
        assertThat(outcome.code()).isZero();
        assertThat(outcome.error())
                .isEqualTo("refused: inside.test is 10.1.2.3, a private address;"
                        + " webhooks go only to public addresses");
        assertThat(receiver.received()).isEmpty();
    }
}
