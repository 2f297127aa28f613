package broadsheet.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * An SMTP server through Jakarta Mail (Eclipse Angus): 10 s to connect, 30 s for any read or write,
 * authentication when SMTP_USER is set, STARTTLS unless turned off.
 */
public final class SmtpTransport implements MailTransport {

    private final MailConfig config;
    private final Session session;

    public SmtpTransport(MailConfig config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        p.put("mail.smtp.auth", String.valueOf(!config.user().isBlank()));
        // Without TCP_NODELAY the message's last small write (the closing ".") waits for the server's
        // delayed ACK: about 40 ms per message, which capped a batch at ~25 messages/s per connection.
        p.put("mail.smtp.socketFactory", new NoDelaySockets());
        p.put("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(p);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Connection open() throws MessagingException {
        Transport t = session.getTransport("smtp");
        if (config.user().isBlank()) t.connect();
        else t.connect(config.host(), config.port(), config.user(), config.password());
        return new Connection() {
            @Override
            public void send(MimeMessage m) throws MessagingException {
                t.sendMessage(m, m.getAllRecipients());
            }

            @Override
            public void close() {
                try {
                    t.close();
                } catch (MessagingException ignored) {
                    // every message is already accounted for; a failed QUIT changes nothing
                }
            }
        };
    }

    /** Plain sockets with Nagle's algorithm off (SMTP is a conversation of small writes). */
    static final class NoDelaySockets extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            return tuned(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tuned(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return tuned(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tuned(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return tuned(new Socket(host, port, local, localPort));
        }

        private static Socket tuned(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
