package broadsheet.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Gets a wire picture's bytes from its rendition's {@code href}:
 *
 * <ul>
 *   <li>a {@code data:} URI (base64) carries the picture inline, in the item itself;
 *   <li>an {@code http(s)} URL is fetched, but never from this server's own network: a host that
 *       resolves to a loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast or
 *       unspecified address is refused, checked again on every redirect, unless the operator named
 *       that host ({@code import-wire --allow-host});
 *   <li>a path (or {@code file:} URI) is read from the folder the item's file is in, and only from the
 *       command line: the Admin API has no folder, so a path there is refused.
 * </ul>
 *
 * At most {@link #MAX_BYTES} are read, as for an upload.
 */
public final class Pictures {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    private final Set<String> allowedHosts;
    private final Optional<Path> folder;
    private final HttpClient http;

    private Pictures(Set<String> allowedHosts, Optional<Path> folder) {
        this.allowedHosts = Set.copyOf(
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.folder = folder.map(f -> f.toAbsolutePath().normalize());
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
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
            refuseInternal(at, where);
            HttpResponse<InputStream> r;
            try {
                r = http.send(
                        HttpRequest.newBuilder(at)
                                .timeout(Duration.ofSeconds(30))
                                .header("Accept", "image/jpeg, image/png, image/webp")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new WireProblem(
                        where, "The picture at " + at + " could not be fetched (" + e.getMessage() + ").");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WireProblem(where, "Fetching the picture at " + at + " was interrupted.");
            }
            try (InputStream body = r.body()) {
                int status = r.statusCode();
                if (status >= 300
                        && status < 400
                        && r.headers().firstValue("Location").isPresent()) {
                    at = at.resolve(r.headers().firstValue("Location").get());
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

    /** Refuses a URL whose host resolves to an address inside a private network, unless the operator allowed it. */
    private void refuseInternal(URI uri, String where) throws WireProblem {
        String host = uri.getHost();
        if (host == null) throw new WireProblem(where, "The picture's URL " + uri + " has no host.");
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) return;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new WireProblem(where, "The picture's host " + host + " is unknown.");
        }
        for (InetAddress a : all) {
            if (internal(a))
                throw new WireProblem(
                        where,
                        "The picture's host " + host + " is on a private or local network (" + a.getHostAddress()
                                + "); pictures are fetched only from public addresses.");
        }
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF, second = b[1] & 0xFF;
            return first == 0
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) return true; // unique local fc00::/7
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static WireProblem tooLarge(String where) {
        return new WireProblem(where, "The picture is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
    }
}
