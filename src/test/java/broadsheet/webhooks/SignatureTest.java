package broadsheet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Standard Webhooks signing, against the specification's published test vector. */
class SignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsThePublishedVectorExactly() {
        assertThat(Signature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesAmongSeveralSignaturesAndRefusesAChangedBody() {
        String header = "v1,bm9wZQ== " + Signature.sign(SECRET, ID, TIMESTAMP, BODY);
        assertThat(Signature.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(Signature.verify(SECRET, ID, TIMESTAMP, BODY.replace('2', '3'), header))
                .isFalse();
        assertThat(Signature.verify(SECRET, ID, TIMESTAMP + 1, BODY, header)).isFalse();
    }

    @Test
    void newSecretsAreStandardAndDifferent() {
        String a = Signature.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(Signature.newSecret()).isNotEqualTo(a);
        // the receiver's own check (as in docs/api.md) accepts what we sign
        assertThat(Receiver.valid(a, ID, "5", BODY, Signature.sign(a, ID, 5, BODY)))
                .isTrue();
    }
}
