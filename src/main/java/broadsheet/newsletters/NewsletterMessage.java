package broadsheet.newsletters;

import broadsheet.mail.QuotedPrintable;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;

/**
 * One recipient's newsletter message: multipart/alternative with a plain-text and an HTML part,
 * each quoted-printable encoded in one block, and the RFC 8058 one-click unsubscribe headers (the
 * URL, plus a mailto for clients that only mail).
 */
public final class NewsletterMessage {
    private NewsletterMessage() {}

    public static MimeMessage build(
            Session session,
            InternetAddress from,
            String to,
            String messageId,
            String subject,
            String text,
            String html,
            String unsubscribeUrl,
            String listId)
            throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, messageId);
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        m.setContent(new MimeMultipart("alternative", encoded("text/plain", text), encoded("text/html", html)));
        m.setHeader(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">, <mailto:" + from.getAddress() + "?subject=unsubscribe>");
        m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (listId != null) m.setHeader("List-Id", listId);
        m.saveChanges();
        return m;
    }

    /** A body part already quoted-printable encoded, written out as one block. */
    private static MimeBodyPart encoded(String type, String content) throws MessagingException {
        InternetHeaders h = new InternetHeaders();
        h.setHeader("Content-Type", type + "; charset=UTF-8");
        h.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return new MimeBodyPart(h, QuotedPrintable.encode(content));
    }

    /** A message with a fixed Message-ID, so a copy sent again after a crash carries the same one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
