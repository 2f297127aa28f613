package broadsheet.db;

import broadsheet.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keys for what the site signs (preview links, paywall cookies and gift tokens,
 * newsletter links). Each key is a random secret made on first use and kept in settings under its
 * own name, so every node signs and checks alike and no key is ever in the repository; two nodes
 * making one at once agree on the first stored. Replacing a key there (and restarting) voids every
 * link or cookie signed with it.
 */
public final class Secrets {
    private final Settings settings;
    /** A keyed Mac per key and thread: newsletters sign two links per message, so no provider look-up each time. */
    private final Map<String, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

    public Secrets(Settings settings) {
        this.settings = settings;
    }

    /** The HMAC-SHA256 of {@code text} under the key kept in setting {@code name}. */
    public byte[] mac(String name, String text) {
        return macs.computeIfAbsent(name, this::keyedMacs).get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private ThreadLocal<Mac> keyedMacs(String name) {
        SecretKeySpec key = new SecretKeySpec(
                settings.get(name)
                        .orElseGet(() -> settings.putIfAbsent(name, Tokens.random() + Tokens.random()))
                        .getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Whether two signatures are the same, compared in constant time; false when either is missing. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
