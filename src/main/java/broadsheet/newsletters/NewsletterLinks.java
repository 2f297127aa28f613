package broadsheet.newsletters;

import broadsheet.db.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed links in every newsletter message: one to unsubscribe that recipient from that
 * newsletter ({@code /newsletters/unsubscribe/TOKEN}, TOKEN naming the subscriber row) and one to
 * the address's preferences ({@code /newsletters/preferences/TOKEN}, TOKEN naming the address).
 * They carry an HMAC-SHA256 keyed by the {@code newsletter_secret} of {@link Secrets}, so every node
 * makes and checks them alike and nothing per message needs storing; they do not expire, as an
 * unsubscribe link in an old message must keep working. Replacing the secret cancels them all.
 */
public final class NewsletterLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String KEY = "newsletter_secret";
    private final Secrets secrets;

    public NewsletterLinks(Secrets secrets) {
        this.secrets = secrets;
    }

    public String unsubscribeToken(long subscriberId) {
        String body = Long.toString(subscriberId, 36);
        return body + "." + sign("unsubscribe:" + body);
    }

    /** The subscriber row an unsubscribe token names, if the token is ours. */
    public Optional<Long> subscriberOf(String token) {
        return verify(token, "unsubscribe:").flatMap(body -> {
            try {
                return Optional.of(Long.parseLong(body, 36));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public String preferencesToken(String email) {
        String body = B64.encodeToString(email.getBytes(StandardCharsets.UTF_8));
        return body + "." + sign("preferences:" + body);
    }

    /** The address a preferences token names, if the token is ours. */
    public Optional<String> emailOf(String token) {
        return verify(token, "preferences:").flatMap(body -> {
            try {
                return Optional.of(new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> verify(String token, String purpose) {
        if (token == null || token.length() > 600) return Optional.empty();
        int dot = token.lastIndexOf('.');
        if (dot <= 0) return Optional.empty();
        String body = token.substring(0, dot);
        String expected = sign(purpose + body);
        return Secrets.same(expected, token.substring(dot + 1)) ? Optional.of(body) : Optional.empty();
    }

    private String sign(String text) {
        byte[] full = secrets.mac(KEY, text);
        return B64.encodeToString(java.util.Arrays.copyOf(full, 20)); // 160 bits is plenty for a link
    }
}
