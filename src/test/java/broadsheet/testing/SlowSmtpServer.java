package broadsheet.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deliberately slow SMTP server for tests: it accepts every message, but answers each one's end of data
 * only after {@code delay}, and can hold the first message it receives until {@link #release} (a mail server
 * that stalls for as long as a test needs). It keeps the recipient and Message-ID of each accepted message.
 */
public final class SlowSmtpServer implements AutoCloseable {

    public record Accepted(String to, String messageId) {}

    public final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private volatile Duration delay;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean first = new AtomicBoolean(true);
    private volatile boolean holdFirst;
    private volatile boolean holding;

    public SlowSmtpServer(Duration delay) {
        this.delay = delay;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptAll);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The first message waits at its end of data until {@link #release}. */
    public SlowSmtpServer holdFirst() {
        holdFirst = true;
        return this;
    }

    /** True while the first message is held. */
    public boolean holding() {
        return holding;
    }

    public void release() {
        release.countDown();
    }

    /** From now on, answers each message after this long instead (a test done with the slow part). */
    public void answerAfter(Duration d) {
        delay = d;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> converse(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket s) {
        try (s;
                var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = s.getOutputStream();
            say(out, "220 slow.example ESMTP");
            String to = null;
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250 slow.example");
                    case "MAIL" -> {
                        to = null;
                        say(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        say(out, "250 OK");
                    }
                    case "DATA" -> {
                        say(out, "354 go on");
                        String messageId = null;
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) {
                            if (messageId == null && l.regionMatches(true, 0, "Message-ID:", 0, 11))
                                messageId = l.substring(11).strip();
                        }
                        slowly();
                        accepted.add(new Accepted(to, messageId));
                        say(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 OK"); // RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void slowly() {
        try {
            if (holdFirst && first.compareAndSet(true, false)) {
                holding = true;
                release.await();
                holding = false;
            }
            Thread.sleep(delay); // the server being slow, not a test waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        release();
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
