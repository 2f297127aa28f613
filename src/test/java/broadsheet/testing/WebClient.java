package broadsheet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A browser without a screen: keeps cookies, and submits forms with the CSRF token the page gave it. */
public final class WebClient {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    /** Posts a form as a browser would after loading a page of this site (CSRF token included). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        cookie("bs_csrf").ifPresent(t -> all.putIfAbsent("_csrf", t));
        return postRaw(path, all);
    }

    /** Posts exactly these fields: no token is added. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts fields whose names may repeat (several bylines), with extra headers; no token is added. */
    public HttpResponse<String> postForm(
            String path, java.util.List<Map.Entry<String, String>> fields, String... headers) {
        String body = fields.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    /** Posts a multipart form (a file upload) as a browser would after loading a page of this site (CSRF token included). */
    public HttpResponse<String> postMultipart(String path, Multipart form) {
        cookie("bs_csrf").ifPresent(form::withCsrf);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build());
    }

    /** Posts a multipart form as a page script does with fetch, with extra headers (Accept...). */
    public HttpResponse<String> postMultipartWith(String path, Multipart form, String... headers) {
        cookie("bs_csrf").ifPresent(form::withCsrf);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    /** Posts with extra headers (as a script does: X-CSRF-Token, Accept). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    /** Sends a request as a page script does: a JSON body (or none), with extra headers. */
    public HttpResponse<String> json(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    /** Follows one redirect if the response is one. */
    public HttpResponse<String> follow(HttpResponse<String> r) {
        return r.statusCode() / 100 == 3
                ? get(r.headers().firstValue("Location").orElseThrow())
                : r;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    public void forget(String cookieName) {
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(cookieName))
                .toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
