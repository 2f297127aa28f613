package broadsheet.newsroom.articles;

import broadsheet.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Links that show an unpublished article to anyone holding them, until they expire:
 * {@code /preview/{id}?expires=<epoch seconds>&sig=<HMAC-SHA256 of "id:expires">}. The key is a
 * random secret kept in settings ({@code preview_secret}) so every node signs and checks alike;
 * replacing it there cancels every link given out.
 */
public final class PreviewLinks {

    private final Jdbi jdbi;

    public PreviewLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The site-relative link to an article's preview, working until {@code expires}. */
    public String path(long articleId, Instant expires) {
        long e = expires.getEpochSecond();
        return "/preview/" + articleId + "?expires=" + e + "&sig=" + sign(articleId, e);
    }

    /** Whether the signature is ours for this article and time, and the time has not passed. */
    public boolean valid(long articleId, String expires, String sig, Instant now) {
        if (expires == null || sig == null) return false;
        long e;
        try {
            e = Long.parseLong(expires);
        } catch (NumberFormatException ex) {
            return false;
        }
        boolean same = MessageDigest.isEqual(
                sign(articleId, e).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
        return same && now.getEpochSecond() < e;
    }

    private String sign(long articleId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((articleId + ":" + expires).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret, made on first use; two nodes making it at once agree on the first one stored. */
    private byte[] key() {
        String secret = jdbi.withHandle(h -> h.createQuery("select value from settings where key = 'preview_secret'")
                        .mapTo(String.class)
                        .findOne())
                .orElseGet(() -> jdbi.inTransaction(h -> {
                    h.createUpdate(
                                    "insert into settings (key, value) values ('preview_secret', :v) on conflict (key) do nothing")
                            .bind("v", Tokens.random() + Tokens.random())
                            .execute();
                    return h.createQuery("select value from settings where key = 'preview_secret'")
                            .mapTo(String.class)
                            .one();
                }));
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
