package broadsheet.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature (https://docs.stripe.com/webhooks#verify-manually): the
 * {@code Stripe-Signature} header is {@code t=UNIX_TIME,v1=HEX[,v1=HEX...]}, each {@code v1} an
 * HMAC-SHA256 of {@code t + "." + payload} keyed with the endpoint's secret. The payload is accepted when
 * one {@code v1} matches (compared in constant time) and {@code t} is no older than the tolerance, as
 * stripe-java's {@code Webhook.constructEvent} did (5 minutes), so a captured request cannot be replayed
 * later.
 */
final class StripeSignature {

    /** stripe-java's default tolerance. */
    static final long TOLERANCE_SECONDS = 300;

    private StripeSignature() {}

    /** Returns normally when the header signs the payload; otherwise says why not. */
    static void verify(String payload, String header, String secret, Instant now) throws StripeEvents.BadSignature {
        long t = -1;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            try {
                if (key.equals("t")) t = Long.parseLong(value);
                else if (key.equals("v1")) signatures.add(HexFormat.of().parseHex(value));
            } catch (IllegalArgumentException e) {
                throw new StripeEvents.BadSignature("the Stripe-Signature header is malformed");
            }
        }
        if (t < 0 || signatures.isEmpty())
            throw new StripeEvents.BadSignature("the Stripe-Signature header has no timestamp or no v1 signature");
        byte[] expected = hmac(secret, t + "." + payload);
        if (signatures.stream().noneMatch(s -> MessageDigest.isEqual(s, expected)))
            throw new StripeEvents.BadSignature("no signature matches the payload");
        if (t < now.getEpochSecond() - TOLERANCE_SECONDS)
            throw new StripeEvents.BadSignature("the signature's timestamp is more than 5 minutes old");
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
