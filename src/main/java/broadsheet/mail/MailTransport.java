package broadsheet.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;

/**
 * Where every outgoing message goes, transactional mail and newsletters alike: an SMTP server
 * ({@link SmtpTransport}), or, with no SMTP server configured, .eml files in the local mail folder
 * that /dev/mail shows ({@link LocalMail}). A sender opens one connection and sends as many
 * messages over it as it has (a newsletter batch), or just one (a password reset).
 */
public sealed interface MailTransport permits SmtpTransport, LocalMail {

    /** The session messages for this transport are built in. */
    Session session();

    /** Opens one connection for one or more messages. */
    Connection open() throws MessagingException;

    /** One open connection; closing it ends the conversation with the server. */
    interface Connection extends AutoCloseable {
        void send(MimeMessage message) throws MessagingException;

        @Override
        void close();
    }

    static MailTransport from(MailConfig config, Path localDir) {
        return config.smtp() ? new SmtpTransport(config) : new LocalMail(localDir);
    }
}
