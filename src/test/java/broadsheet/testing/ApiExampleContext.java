package broadsheet.testing;

import broadsheet.web.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What example calls share: the app (served as plain http), raw requests, signed-in clients made once per role,
 * and anything else a part wants to make once ({@link #once}).
 */
public final class ApiExampleContext {
    private final TestApp app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Object> made = new HashMap<>();

    public ApiExampleContext(TestApp app) {
        this.app = app;
    }

    public TestApp app() {
        return app;
    }

    /** A client signed in with this role (the same one every time). */
    public WebClient signedIn(Role role) {
        return once("signed-in:" + role, () -> app.signedIn("examples-" + role.dbValue() + "@example.org", role));
    }

    /** Something made the first time it is asked for (a key, a token, a fixture). */
    @SuppressWarnings("unchecked")
    public synchronized <T> T once(String name, Supplier<T> make) {
        Object v = made.get(name);
        if (v == null) {
            v = make.get();
            made.put(name, v);
        }
        return (T) v;
    }

    /** A request with no cookies: method, path, body (or null) and headers. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
