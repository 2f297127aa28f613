package broadsheet.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: the {@code webhook-signature} header is {@code v1,} and the base64 HMAC-SHA256
 * of {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64 part of a {@code whsec_} secret.
 */
public final class Signature {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {}

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header's value for one message. */
    public static String sign(String secret, String msgId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((msgId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether any of the space-separated signatures in {@code header} is this message's (a receiver's check). */
    public static boolean verify(String secret, String msgId, long timestamp, String body, String header) {
        byte[] expected = sign(secret, msgId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String one : header.split(" ")) {
            if (MessageDigest.isEqual(expected, one.getBytes(StandardCharsets.US_ASCII))) return true;
        }
        return false;
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) throw new IllegalArgumentException("a webhook secret starts with whsec_");
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
