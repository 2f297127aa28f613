package broadsheet.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends each transactional message (a confirmation, a password reset, a digest) over the mail transport. */
public final class TransportMailer implements Mailer {

    private final MailTransport transport;
    private final String from;

    public TransportMailer(MailTransport transport, String from) {
        this.transport = transport;
        this.from = from;
    }

    @Override
    public void send(Mail mail) {
        try (MailTransport.Connection c = transport.open()) {
            c.send(message(mail));
        } catch (MessagingException e) {
            throw new MailFailure("could not send mail to " + mail.to() + ": " + e.getMessage(), e);
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage m = new MimeMessage(transport.session());
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

    /** Mail could not be handed to the server (or written to the local folder). */
    public static final class MailFailure extends RuntimeException {
        MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
