package broadsheet.newsletters;

import broadsheet.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * The signed links in every newsletter message: one to unsubscribe that recipient from that
 * newsletter ({@code /newsletters/unsubscribe/TOKEN}, TOKEN naming the subscriber row) and one to
 * the address's preferences ({@code /newsletters/preferences/TOKEN}, TOKEN naming the address).
 * They carry an HMAC-SHA256 with a secret kept in settings ({@code newsletter_secret}), so every node
 * makes and checks them alike and nothing per message needs storing; they do not expire, as an
 * unsubscribe link in an old message must keep working. Replacing the secret cancels them all.
 */
public final class NewsletterLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final Jdbi jdbi;
    private volatile SecretKeySpec key;
    /** Two signatures per message: a Mac per thread, keyed once, rather than a provider lookup each time. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key());
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public NewsletterLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        boolean same = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return same ? Optional.of(body) : Optional.empty();
    }

    private String sign(String text) {
        byte[] full = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
        return B64.encodeToString(java.util.Arrays.copyOf(full, 20)); // 160 bits is plenty for a link
    }

    /** The secret, made on first use; two nodes making it at once agree on the first one stored. */
    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k != null) return k;
        String secret = jdbi.withHandle(h -> h.createQuery("select value from settings where key = 'newsletter_secret'")
                        .mapTo(String.class)
                        .findOne())
                .orElseGet(() -> jdbi.inTransaction(h -> {
                    h.createUpdate(
                                    "insert into settings (key, value) values ('newsletter_secret', :v) on conflict (key) do nothing")
                            .bind("v", Tokens.random() + Tokens.random())
                            .execute();
                    return h.createQuery("select value from settings where key = 'newsletter_secret'")
                            .mapTo(String.class)
                            .one();
                }));
        key = k = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return k;
    }
}
