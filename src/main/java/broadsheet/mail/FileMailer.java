package broadsheet.mail;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * With no SMTP server configured, mail is written as .eml files under DATA_DIR/mail so a person
 * trying the site can read it at /dev/mail and follow every link.
 */
public final class FileMailer implements Mailer {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private final Path dir;
    private final String from;
    private final AtomicLong counter = new AtomicLong();

    public FileMailer(Path dir, String from) {
        this.dir = dir;
        this.from = from;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void send(Mail mail) {
        Path file = dir.resolve(NAME.format(Instant.now()) + "-" + counter.incrementAndGet() + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            SmtpMailer.message(Session.getInstance(new Properties()), from, mail)
                    .writeTo(out);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new UncheckedIOException(new IOException("could not write mail to " + file, e));
        }
    }

    public Path dir() {
        return dir;
    }
}
