package broadsheet.newsletters;

import broadsheet.mail.MailConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * DKIM signing of newsletter messages with simple-java-mail's utils-mail-dkim, when a key is
 * configured: DKIM_PRIVATE_KEY_FILE (an RSA key, PKCS#8, PEM or DER), DKIM_SELECTOR, DKIM_DOMAIN.
 */
public final class Dkim {

    private final String domain;
    private final String selector;
    private final RSAPrivateKey key;

    private Dkim(String domain, String selector, RSAPrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** The configured signer, if DKIM_PRIVATE_KEY_FILE is set. A bad key stops start-up with the reason. */
    public static Optional<Dkim> from(MailConfig mail) {
        if (mail.dkimKeyFile().isBlank()) return Optional.empty();
        if (mail.dkimSelector().isBlank() || mail.dkimDomain().isBlank()) {
            throw new IllegalArgumentException(
                    "DKIM_PRIVATE_KEY_FILE is set, so DKIM_SELECTOR and DKIM_DOMAIN must be set too");
        }
        return Optional.of(of(Path.of(mail.dkimKeyFile()), mail.dkimSelector(), mail.dkimDomain()));
    }

    public static Dkim of(Path keyFile, String selector, String domain) {
        try {
            byte[] bytes = Files.readAllBytes(keyFile);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                if (text.contains("BEGIN RSA PRIVATE KEY")) {
                    throw new IllegalArgumentException("DKIM key " + keyFile
                            + " is PKCS#1; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
                }
                String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                bytes = Base64.getDecoder().decode(b64);
            }
            RSAPrivateKey key =
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
            return new Dkim(domain, selector, key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read the DKIM key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** A signer for one thread (the library's signer keeps state while it signs). */
    public Signer signer() {
        try {
            DkimSigner s = new DkimSigner(domain, selector, key);
            s.setHeaderCanonicalization(Canonicalization.RELAXED);
            s.setBodyCanonicalization(Canonicalization.RELAXED);
            s.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
            s.setCheckDomainKey(false); // no DNS lookups while sending
            s.addHeaderToSign("List-Unsubscribe");
            s.addHeaderToSign("List-Unsubscribe-Post");
            return m -> new DkimMessage(m, s);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up DKIM signing: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface Signer {
        MimeMessage sign(MimeMessage m) throws MessagingException;
    }
}
