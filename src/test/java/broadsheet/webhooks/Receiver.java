package broadsheet.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on this machine, as a partner's server would be: it records every request and checks
 * each signature with its own HMAC code (not the sender's), as the receiver example in docs/api.md does.
 */
final class Receiver implements AutoCloseable {

    /** One request as received, and whether its signature held for the secret the receiver was given. */
    record Received(String path, String id, String timestamp, String signature, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private volatile String secret = "";
    private volatile IntSupplier status = () -> 204;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            String id = h.getFirst("webhook-id");
            String ts = h.getFirst("webhook-timestamp");
            String sig = h.getFirst("webhook-signature");
            hosts.add(h.getFirst("Host"));
            received.add(new Received(
                    exchange.getRequestURI().getPath(), id, ts, sig, body, valid(secret, id, ts, body, sig)));
            int code = status.getAsInt();
            if (code >= 300 && code < 400) exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The receiver's address by host name: the one way past the address check, when "localhost" is allowed. */
    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    void secret(String s) {
        secret = s;
    }

    void answer(IntSupplier code) {
        status = code;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The Host header of every request, in order. */
    List<String> hosts() {
        return new ArrayList<>(hosts);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The Standard Webhooks check, written apart from the sender's code. */
    static boolean valid(String secret, String id, String ts, String body, String header) {
        if (id == null || ts == null || header == null || !secret.startsWith("whsec_")) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : header.split(" ")) {
                if (MessageDigest.isEqual(
                        candidate.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8)))
                    return true;
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
