package broadsheet.webhooks;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends one signed message to one endpoint over HTTP (Jetty's client). The host is resolved and every address
 * checked ({@link AddressGuard}) by the client's own resolver ({@link PinnedResolver}) when it opens the
 * connection, and the connection goes to the addresses that were checked; redirects are never followed (a 3xx
 * is a failed attempt), so no answer and no second DNS answer can point a delivery into the server's network.
 */
public final class Deliverer implements AutoCloseable {

    /** What an attempt came to: the status code (0 when there was no answer) and, unless 2xx, why it failed. */
    public record Outcome(int code, String error) {
        public boolean delivered() {
            return code >= 200 && code < 300;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AddressGuard guard;
    private final Duration connectTimeout;
    /** Made by the first delivery: a node that never delivers a webhook never builds a client (nor its start-up cost). */
    private HttpClient http;

    public Deliverer(AddressGuard guard) {
        this(guard, Duration.ofSeconds(5));
    }

    Deliverer(AddressGuard guard, Duration connectTimeout) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
    }

    private synchronized HttpClient client() throws Exception {
        if (http == null) {
            HttpClient made = PinnedResolver.client(guard, "webhook-deliveries", connectTimeout);
            made.start();
            http = made;
        }
        return http;
    }

    public Outcome send(String url, String secret, String msgId, Instant at, String body) {
        URI uri;
        try {
            uri = URI.create(url);
            AddressGuard.host(uri);
        } catch (IllegalArgumentException e) {
            return new Outcome(0, "refused: not a valid address");
        } catch (AddressGuard.Refused e) {
            return new Outcome(0, "refused: " + e.getMessage());
        }
        long timestamp = at.getEpochSecond();
        try {
            Request request = client().newRequest(uri)
                    .method(HttpMethod.POST)
                    .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> h.put("User-Agent", "Broadsheet-Webhooks")
                            .put("webhook-id", msgId)
                            .put("webhook-timestamp", Long.toString(timestamp))
                            .put("webhook-signature", Signature.sign(secret, msgId, timestamp, body)))
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
            InputStreamResponseListener answer = new InputStreamResponseListener();
            request.send(answer);
            Response response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // the answer's body is never read: closing it at once ends the exchange, so an endpoint that
            // streams an endless body cannot hold the attempt past its lease
            try (InputStream ignored = answer.getInputStream()) {
                int code = response.getStatus();
                if (code >= 200 && code < 300) return new Outcome(code, null);
                if (code >= 300 && code < 400)
                    return new Outcome(code, "answered with a redirect, which is not followed");
                return new Outcome(code, "answered " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        } catch (ExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause())
                if (c instanceof AddressGuard.Refused r) return new Outcome(0, "refused: " + r.getMessage());
            return new Outcome(0, "no answer: " + describe(e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            return new Outcome(0, "no answer within " + TIMEOUT.toSeconds() + " seconds");
        } catch (Exception e) {
            return new Outcome(0, "no answer: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public synchronized void close() throws Exception {
        if (http != null) http.stop();
        http = null;
    }
}
