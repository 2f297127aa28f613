package broadsheet.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether an address or a URL names this machine's loopback interface, without asking any name server. */
public final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Loopback() {}

    /**
     * An address as the servlet request gives it ({@code 127.0.0.1}, {@code [0:0:0:0:0:0:0:1]},
     * {@code ::ffff:127.0.0.1}): true for 127.0.0.0/8, ::1 and IPv4-mapped 127.0.0.0/8.
     */
    public static boolean isLoopbackAddress(String address) {
        if (address == null) return false;
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        int scope = a.indexOf('%');
        if (scope >= 0) a = a.substring(0, scope);
        if (IPV4.matcher(a).matches()) {
            String[] octets = a.split("\\.");
            for (String o : octets) if (Integer.parseInt(o) > 255) return false;
            return octets[0].equals("127");
        }
        if (!a.contains(":")) return false; // a name, not an address: never looked up
        try {
            // a literal address: parsed, not resolved (IPv4-mapped IPv6 comes back as the IPv4 address)
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A URL whose host is {@code localhost} or a loopback address literal. */
    public static boolean isLoopbackUrl(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) return false;
        return host.equalsIgnoreCase("localhost") || isLoopbackAddress(host);
    }
}
