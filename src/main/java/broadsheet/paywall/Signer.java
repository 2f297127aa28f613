package broadsheet.paywall;

import broadsheet.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * HMAC-SHA256 signatures for the paywall's cookies and gift tokens, as newsroom preview links are
 * signed: the key is a random secret made on first use and kept in settings ({@code paywall_secret}),
 * so every node signs and checks alike and the key is never in the repository. Replacing the
 * setting (and restarting) voids every meter cookie and every gift token not yet handed out.
 */
public final class Signer {

    static final String SETTING = "paywall_secret";

    private final Jdbi jdbi;
    private volatile byte[] key;

    public Signer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The signature of the text, URL-safe base64 without padding (43 characters). */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code sig} is our signature of {@code text}, compared in constant time. */
    public boolean verify(String text, String sig) {
        if (sig == null) return false;
        return MessageDigest.isEqual(
                sign(text).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
    }

    /** The secret, made on first use; two nodes making it at once agree on the first one stored. */
    private byte[] key() {
        byte[] k = key;
        if (k != null) return k;
        String secret = jdbi.withHandle(h -> h.createQuery("select value from settings where key = :k")
                        .bind("k", SETTING)
                        .mapTo(String.class)
                        .findOne())
                .orElseGet(() -> jdbi.inTransaction(h -> {
                    h.createUpdate("insert into settings (key, value) values (:k, :v) on conflict (key) do nothing")
                            .bind("k", SETTING)
                            .bind("v", Tokens.random() + Tokens.random())
                            .execute();
                    return h.createQuery("select value from settings where key = :k")
                            .bind("k", SETTING)
                            .mapTo(String.class)
                            .one();
                }));
        key = k = secret.getBytes(StandardCharsets.UTF_8);
        return k;
    }
}
