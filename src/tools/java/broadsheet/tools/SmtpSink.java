package broadsheet.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest SMTP server the benchmark needs: on loopback, it answers every command, takes
 * every message and keeps only counts, so what is measured is the sender, not a mail store.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    final AtomicLong messages = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    /** Messages accepted per recipient address (what a recipient would find in their inbox). */
    final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> delivered =
            new java.util.concurrent.ConcurrentHashMap<>();

    SmtpSink() throws IOException {
        this(0);
    }

    /** On this loopback port (0 for any free one). */
    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("smtp-sink").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1), 64 * 1024);
                OutputStream out = s.getOutputStream()) {
            reply(out, "220 localhost sink");
            String line;
            java.util.List<String> recipients = new java.util.ArrayList<>();
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        long n = 0;
                        while ((line = in.readLine()) != null && !line.equals(".")) n += line.length() + 2;
                        messages.incrementAndGet();
                        bytes.addAndGet(n);
                        for (String r : recipients)
                            delivered
                                    .computeIfAbsent(r, k -> new java.util.concurrent.atomic.AtomicInteger())
                                    .incrementAndGet();
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "RCPT" -> {
                        int lt = line.indexOf('<');
                        int gt = line.indexOf('>', lt + 1);
                        if (lt >= 0 && gt > lt)
                            recipients.add(line.substring(lt + 1, gt).toLowerCase());
                        reply(out, "250 OK");
                    }
                    case "RSET", "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException ignored) {
            // a client that hangs up is done
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
