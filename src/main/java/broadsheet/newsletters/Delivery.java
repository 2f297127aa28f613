package broadsheet.newsletters;

import broadsheet.mail.MailConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where newsletter messages go: an SMTP server over one connection per batch (connect once,
 * send many), or, with no SMTP server configured, .eml files in the local mail folder that
 * /dev/mail shows.
 */
public interface Delivery {

    /** The session messages are built in. */
    Session session();

    /** Opens one connection for a batch of messages. */
    Connection open() throws MessagingException;

    interface Connection extends AutoCloseable {
        void send(MimeMessage message) throws MessagingException;

        @Override
        void close();
    }

    static Delivery smtp(MailConfig config) {
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
        Session session = Session.getInstance(p);
        return new Delivery() {
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
                            // the batch is already accounted for; a failed QUIT changes nothing
                        }
                    }
                };
            }
        };
    }

    /** Plain sockets with Nagle's algorithm off (SMTP is a conversation of small writes). */
    final class NoDelaySockets extends javax.net.SocketFactory {
        @Override
        public java.net.Socket createSocket() throws IOException {
            java.net.Socket s = new java.net.Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return tuned(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            return tuned(new java.net.Socket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return tuned(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(
                java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws IOException {
            return tuned(new java.net.Socket(host, port, local, localPort));
        }

        private static java.net.Socket tuned(java.net.Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }

    static Delivery files(Path dir) {
        Session session = Session.getInstance(new Properties());
        AtomicLong counter = new AtomicLong();
        var names = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                .withZone(java.time.ZoneOffset.UTC);
        return new Delivery() {
            @Override
            public Session session() {
                return session;
            }

            @Override
            public Connection open() {
                return new Connection() {
                    @Override
                    public void send(MimeMessage m) throws MessagingException {
                        try {
                            Files.createDirectories(dir);
                            // the name /dev/mail lists: date-time-millis-counter.eml
                            Path f = dir.resolve(names.format(java.time.Instant.now()) + "-"
                                    + (1_000_000 + counter.incrementAndGet()) + ".eml");
                            try (OutputStream out = Files.newOutputStream(f)) {
                                m.writeTo(out);
                            }
                        } catch (IOException e) {
                            throw new MessagingException("could not write mail: " + e.getMessage(), e);
                        }
                    }

                    @Override
                    public void close() {}
                };
            }
        };
    }
}
