package broadsheet.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
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
import java.util.regex.Pattern;

/**
 * With no SMTP server configured, every message is written as an .eml file under DATA_DIR/mail,
 * so a person trying the site can read it at /dev/mail and follow every link. Files are named
 * {@code yyyyMMdd-HHmmss-SSS-nnnnnnn.eml} (UTC time, then a counter), so that names sort in the
 * order the messages were written.
 */
public final class LocalMail implements MailTransport {

    /** The names of the files this writes, and the only ones /dev/mail reads. */
    public static final Pattern FILE_NAME = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9]+\\.eml");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private final Path dir;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicLong counter = new AtomicLong();

    public LocalMail(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public void send(MimeMessage m) throws MessagingException {
                Path file = dir.resolve(
                        TIME.format(Instant.now()) + "-" + String.format("%07d", counter.incrementAndGet()) + ".eml");
                try {
                    Files.createDirectories(dir);
                    try (OutputStream out = Files.newOutputStream(file)) {
                        m.writeTo(out);
                    }
                } catch (IOException e) {
                    throw new MessagingException("could not write mail to " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {}
        };
    }
}
