package broadsheet.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps webhooks out of the server's own network: a URL's host is resolved and every address it has must be
 * public. Loopback, unspecified, private (RFC 1918), link-local (which holds the cloud metadata address
 * 169.254.169.254), unique-local IPv6, carrier-grade NAT (100.64.0.0/10), multicast and reserved ranges are
 * refused, as are IPv6 forms that embed such an IPv4 address. Hosts the operator names
 * ({@code WEBHOOK_ALLOW_HOSTS}) are let through whatever they resolve to.
 */
public final class AddressGuard {

    /** Why a URL may not be delivered to; the message names the address and its kind. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Finds a host's addresses: the system's resolver, or a stand-in in tests. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Lookup lookup;
    private final String rule;

    public AddressGuard(List<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public AddressGuard(List<String> allowedHosts, Lookup lookup) {
        this(allowedHosts, lookup, "webhooks go only to public addresses");
    }

    /** @param rule what a refusal ends with, saying what is allowed ("webhooks go only to public addresses") */
    public AddressGuard(List<String> allowedHosts, Lookup lookup, String rule) {
        this.allowedHosts = Set.copyOf(
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.lookup = lookup;
        this.rule = rule;
    }

    /** Refuses a URL that is not http(s) with a host, or whose host resolves to any address that is not public. */
    public void check(URI url) throws Refused {
        addresses(host(url));
    }

    /** The URL's host (without brackets), or why the URL may never be delivered to, whatever its host resolves to. */
    public static String host(URI url) throws Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https"))
            throw new Refused("The address must start with https:// or http://.");
        String host = url.getHost();
        if (host == null || host.isEmpty()) throw new Refused("The address has no host name.");
        if (url.getRawUserInfo() != null) throw new Refused("The address may not hold a user name or password.");
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Resolves the host once and returns its addresses, all of them checked (a host the operator named passes
     * whatever it resolves to). Delivery connects to exactly these ({@link PinnedResolver}), so a name that
     * resolves again differently between the check and the connection (DNS rebinding) cannot get past.
     */
    public List<InetAddress> addresses(String host) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = lookup.addresses(host);
        } catch (UnknownHostException e) {
            throw new Refused("The host " + host + " could not be found.");
        }
        if (addresses == null || addresses.length == 0) throw new Refused("The host " + host + " could not be found.");
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) return List.of(addresses);
        for (InetAddress a : addresses) {
            Optional<String> kind = internal(a);
            if (kind.isPresent())
                throw new Refused(host + " is " + a.getHostAddress() + ", " + kind.get() + "; " + rule);
        }
        return List.of(addresses);
    }

    /** What kind of internal address this is, or empty for a public one. */
    static Optional<String> internal(InetAddress a) {
        if (a.isLoopbackAddress()) return Optional.of("a loopback address");
        if (a.isAnyLocalAddress()) return Optional.of("an unspecified address");
        if (a.isLinkLocalAddress()) return Optional.of("a link-local address (cloud metadata lives there)");
        if (a.isSiteLocalAddress()) return Optional.of("a private address");
        if (a.isMulticastAddress()) return Optional.of("a multicast address");
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return internal4(b);
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return Optional.of("a unique-local address");
            // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address
            if (allZero(b, 0, 12)) return embedded(b, 12);
            if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12))
                return embedded(b, 12);
            if (first == 0x20 && b[1] == 0x02) return embedded(b, 2);
            if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8)
                return Optional.of("a documentation address");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from) {
        try {
            InetAddress v4 = InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4));
            return internal(v4).map(kind -> kind + " inside an IPv6 address");
        } catch (UnknownHostException e) {
            return Optional.of("an unreadable address");
        }
    }

    private static Optional<String> internal4(byte[] b) {
        int x = b[0] & 0xff;
        int y = b[1] & 0xff;
        if (x == 0) return Optional.of("an unspecified address");
        if (x == 100 && y >= 64 && y <= 127) return Optional.of("a carrier-grade NAT address");
        if (x == 192 && y == 0 && (b[2] & 0xff) == 0) return Optional.of("a protocol-assignment address");
        if (x == 198 && (y == 18 || y == 19)) return Optional.of("a benchmarking address");
        if (x >= 240) return Optional.of("a reserved address");
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
