package broadsheet.subscriptions;

import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Stripe's REST API over the JDK's HTTP client: form-encoded requests (nested fields written
 * {@code a[b][0]=v} by the caller), the secret key as a bearer token, the API version pinned, JSON
 * answers, Stripe's error objects turned into a {@link StripeException}. The few calls the site makes
 * ({@link StripeApi}) did not justify Stripe's Java library, 11 MB of the jar, almost all of it
 * request and model classes for products we never call (docs/architecture.md, "What the jar holds").
 */
final class StripeHttp {

    /**
     * The API version every request asks for: the one stripe-java 31.0.0 pinned, whose object shapes
     * {@link StripeEvents} and {@link StripeApi} read (a subscription's period on its items, an invoice's
     * subscription under {@code parent}).
     */
    static final String API_VERSION = "2025-11-17.clover";

    static final String LIVE_API_BASE = "https://api.stripe.com";

    private final String secretKey;
    private final String base;
    private final HttpClient http;
    private final Duration readTimeout;

    StripeHttp(String secretKey, String apiBase, Duration connectTimeout, Duration readTimeout) {
        this.secretKey = secretKey;
        String b = apiBase == null || apiBase.isBlank() ? LIVE_API_BASE : apiBase.strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A POST with form fields (in the given order); {@code idempotencyKey} may be null. */
    JsonNode post(String path, Map<String, String> fields, String idempotencyKey) throws StripeException {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        return send(b.build(), "POST " + path);
    }

    JsonNode delete(String path) throws StripeException {
        return send(request(path).DELETE().build(), "DELETE " + path);
    }

    /**
     * Every object of a list endpoint, page after page ({@code starting_after} the last one's id while
     * Stripe says it has more).
     */
    List<JsonNode> list(String path, Map<String, String> query) throws StripeException {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("limit", "100");
            if (after != null) q.put("starting_after", after);
            JsonNode page = send(request(path + "?" + form(q)).GET().build(), "GET " + path);
            JsonNode data = page.path("data");
            if (!data.isArray()) throw new StripeException("GET " + path + ": Stripe's answer is not a list");
            data.forEach(all::add);
            if (!page.path("has_more").asBoolean(false) || data.isEmpty()) return all;
            after = text(data.get(data.size() - 1), "id");
            if (after == null) throw new StripeException("GET " + path + ": a listed object has no id");
        }
    }

    /** A text field of an answer, or null when it is missing or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(readTimeout)
                .header("Authorization", "Bearer " + secretKey)
                .header("Stripe-Version", API_VERSION)
                .header("Accept", "application/json")
                .header("User-Agent", "Broadsheet");
    }

    private JsonNode send(HttpRequest request, String what) throws StripeException {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StripeException(what + ": could not reach Stripe (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StripeException(what + ": interrupted while waiting for Stripe", e);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            body = null;
        }
        String requestId = r.headers().firstValue("Request-Id").orElse("none");
        if (r.statusCode() / 100 != 2) {
            String message = body == null ? null : text(body.path("error"), "message");
            throw new StripeException(what + ": Stripe answered " + r.statusCode() + ": "
                    + (message == null ? "no error message" : message) + "; request-id: " + requestId);
        }
        if (body == null || !body.isObject())
            throw new StripeException(what + ": Stripe's answer is not a JSON object; request-id: " + requestId);
        return body;
    }

    static String form(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> out.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
