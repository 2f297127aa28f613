package broadsheet.wire;

import broadsheet.webhooks.AddressGuard;
import broadsheet.webhooks.PinnedResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;

/**
 * Gets a wire picture's bytes from its rendition's {@code href}:
 *
 * <ul>
 *   <li>a {@code data:} URI (base64) carries the picture inline, in the item itself;
 *   <li>an {@code http(s)} URL is fetched, but never from this server's own network: a host that
 *       resolves to a loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast or
 *       unspecified address is refused, unless the operator named that host ({@code import-wire
 *       --allow-host}). The check is the webhooks' {@link AddressGuard}, run by the HTTP client's own
 *       resolver when it connects ({@link PinnedResolver}), so the connection goes to the addresses that
 *       were checked (no DNS rebinding), on the first request and on every redirect;
 *   <li>a path (or {@code file:} URI) is read from the folder the item's file is in, and only from the
 *       command line: the Admin API has no folder, so a path there is refused.
 * </ul>
 *
 * At most {@link #MAX_BYTES} are read, as for an upload.
 */
public final class Pictures {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    private final Optional<Path> folder;
    private final AddressGuard guard;
    private final Duration connectTimeout;
    /** Made by the first download (a node that never fetches a picture never builds one). */
    private HttpClient http;

    private Pictures(Set<String> allowedHosts, Optional<Path> folder) {
        this(
                new AddressGuard(
                        List.copyOf(allowedHosts),
                        InetAddress::getAllByName,
                        "pictures are fetched only from public addresses"),
                folder,
                Duration.ofSeconds(10));
    }

    Pictures(AddressGuard guard, Optional<Path> folder, Duration connectTimeout) {
        this.folder = folder.map(f -> f.toAbsolutePath().normalize());
        this.guard = guard;
        this.connectTimeout = connectTimeout;
    }

    private synchronized HttpClient client() throws Exception {
        if (http == null) {
            HttpClient made = PinnedResolver.client(guard, "wire-pictures", connectTimeout);
            made.start();
            http = made;
        }
        return http;
    }

    /** For the Admin API: inline pictures, and URLs on public addresses only. */
    public static Pictures publicOnly() {
        return new Pictures(Set.of(), Optional.empty());
    }

    /** For the command line: also files under {@code folder}, and these hosts whatever they resolve to. */
    public static Pictures fromFolder(Path folder, Set<String> allowedHosts) {
        return new Pictures(allowedHosts, Optional.of(folder));
    }

    byte[] fetch(String href, String field) throws WireProblem {
        String where = field + ".renditions";
        if (href.regionMatches(true, 0, "data:", 0, 5)) return inline(href, where);
        URI uri;
        try {
            uri = new URI(href.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) return download(uri, where);
        if (scheme.isEmpty() || scheme.equals("file")) return file(href, uri, where);
        throw new WireProblem(where, "The picture's href must be an http(s) URL or a data: URI, not “" + href + "”.");
    }

    private static byte[] inline(String href, String where) throws WireProblem {
        int comma = href.indexOf(',');
        if (comma < 0 || !href.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64"))
            throw new WireProblem(where, "An inline picture must be a base64 data: URI (data:image/jpeg;base64,...).");
        if ((href.length() - comma) * 3L / 4 > MAX_BYTES) throw tooLarge(where);
        try {
            return Base64.getMimeDecoder().decode(href.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new WireProblem(where, "The inline picture is not valid base64.");
        }
    }

    private byte[] file(String href, URI uri, String where) throws WireProblem {
        if (folder.isEmpty())
            throw new WireProblem(
                    where, "The picture's href “" + href + "” is a file path; send an http(s) URL or a data: URI.");
        Path p;
        try {
            p = uri != null && "file".equalsIgnoreCase(uri.getScheme())
                    ? Path.of(uri)
                    : folder.get().resolve(href);
        } catch (RuntimeException e) {
            throw new WireProblem(where, "The picture's href “" + href + "” is not a file path.");
        }
        p = p.toAbsolutePath().normalize();
        if (!p.startsWith(folder.get()))
            throw new WireProblem(where, "The picture " + href + " is outside the folder of the item's file.");
        try {
            if (Files.size(p) > MAX_BYTES) throw tooLarge(where);
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new WireProblem(where, "The picture file " + href + " cannot be read (" + e.getMessage() + ").");
        }
    }

    private byte[] download(URI uri, String where) throws WireProblem {
        URI at = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            try {
                AddressGuard.host(at);
            } catch (AddressGuard.Refused e) {
                throw new WireProblem(where, "The picture's URL " + at + " is refused: " + e.getMessage());
            }
            InputStreamResponseListener answer = new InputStreamResponseListener();
            Response r;
            try {
                client().newRequest(at)
                        .timeout(30, TimeUnit.SECONDS)
                        .headers(h -> h.put("Accept", "image/jpeg, image/png, image/webp"))
                        .send(answer);
                r = answer.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WireProblem(where, "Fetching the picture at " + at + " was interrupted.");
            } catch (ExecutionException e) {
                for (Throwable c = e.getCause(); c != null; c = c.getCause())
                    if (c instanceof AddressGuard.Refused refused)
                        throw new WireProblem(where, "The picture's URL is refused: " + refused.getMessage() + ".");
                throw new WireProblem(
                        where, "The picture at " + at + " could not be fetched (" + message(e.getCause()) + ").");
            } catch (Exception e) {
                throw new WireProblem(where, "The picture at " + at + " could not be fetched (" + message(e) + ").");
            }
            try (InputStream body = answer.getInputStream()) {
                int status = r.getStatus();
                String location = r.getHeaders().get("Location");
                if (status >= 300 && status < 400 && location != null) {
                    at = at.resolve(location);
                    String s = at.getScheme() == null ? "" : at.getScheme().toLowerCase(Locale.ROOT);
                    if (!s.equals("http") && !s.equals("https"))
                        throw new WireProblem(where, "The picture's URL redirects to " + at + ", not an http(s) URL.");
                    continue;
                }
                if (status != 200)
                    throw new WireProblem(where, "The picture at " + at + " answered " + status + ", not 200.");
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) throw tooLarge(where);
                return bytes;
            } catch (IOException e) {
                throw new WireProblem(where, "The picture at " + at + " broke off (" + e.getMessage() + ").");
            }
        }
        throw new WireProblem(where, "The picture's URL redirects more than " + MAX_REDIRECTS + " times.");
    }

    private static String message(Throwable e) {
        return e == null || e.getMessage() == null ? "no answer" : e.getMessage();
    }

    private static WireProblem tooLarge(String where) {
        return new WireProblem(where, "The picture is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
    }
}
