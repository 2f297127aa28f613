package broadsheet.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one signed message to one endpoint over HTTP: the address is checked ({@link AddressGuard}) right
 * before every attempt, and redirects are never followed (a 3xx is a failed attempt), so no answer can point
 * a delivery into the server's own network.
 */
public final class Deliverer {

    /** What an attempt came to: the status code (0 when there was no answer) and, unless 2xx, why it failed. */
    public record Outcome(int code, String error) {
        public boolean delivered() {
            return code >= 200 && code < 300;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AddressGuard guard;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public Deliverer(AddressGuard guard) {
        this.guard = guard;
    }

    public Outcome send(String url, String secret, String msgId, Instant at, String body) {
        URI uri;
        try {
            uri = URI.create(url);
            guard.check(uri);
        } catch (IllegalArgumentException e) {
            return new Outcome(0, "refused: not a valid address");
        } catch (AddressGuard.Refused e) {
            return new Outcome(0, "refused: " + e.getMessage());
        }
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Broadsheet-Webhooks")
                .header("webhook-id", msgId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signature.sign(secret, msgId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            // the answer's body is never read: closing it at once ends the exchange, so an endpoint that
            // streams an endless body cannot hold the attempt past its lease
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int code = response.statusCode();
            if (code >= 200 && code < 300) return new Outcome(code, null);
            if (code >= 300 && code < 400) return new Outcome(code, "answered with a redirect, which is not followed");
            return new Outcome(code, "answered " + code);
        } catch (IOException e) {
            return new Outcome(
                    0, "no answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        }
    }
}
