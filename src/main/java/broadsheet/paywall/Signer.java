package broadsheet.paywall;

import broadsheet.db.Secrets;
import java.util.Base64;

/**
 * HMAC-SHA256 signatures for the paywall's cookies and gift tokens, keyed by the
 * {@code paywall_secret} of {@link Secrets}. Replacing that setting (and restarting) voids every
 * meter cookie and every gift token not yet handed out.
 */
public final class Signer {

    static final String SETTING = "paywall_secret";

    private final Secrets secrets;

    public Signer(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The signature of the text, URL-safe base64 without padding (43 characters). */
    public String sign(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.mac(SETTING, text));
    }

    /** Whether {@code sig} is our signature of {@code text}, compared in constant time. */
    public boolean verify(String text, String sig) {
        return Secrets.same(sign(text), sig);
    }
}
