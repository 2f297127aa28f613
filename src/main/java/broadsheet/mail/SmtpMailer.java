package broadsheet.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/** Sends through an SMTP server with Jakarta Mail (Eclipse Angus). */
public final class SmtpMailer implements Mailer {

    private final MailConfig config;
    private final Session session;

    public SmtpMailer(MailConfig config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        boolean auth = !config.user().isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Mail mail) {
        try {
            MimeMessage m = message(session, config.from(), mail);
            if (config.user().isBlank()) {
                Transport.send(m);
            } else {
                Transport.send(m, config.user(), config.password());
            }
        } catch (MessagingException e) {
            throw new MailFailure("could not send mail to " + mail.to() + ": " + e.getMessage(), e);
        }
    }

    static MimeMessage message(Session session, String from, Mail mail) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        m.setSubject(mail.subject(), "UTF-8");
        if (mail.html() == null) {
            m.setText(mail.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            m.setContent(new MimeMultipart("alternative", text, html));
        }
        for (var h : mail.headers().entrySet()) m.setHeader(h.getKey(), h.getValue());
        m.saveChanges();
        return m;
    }

    /** Mail could not be handed to the server. */
    public static final class MailFailure extends RuntimeException {
        MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
