package broadsheet.paywall;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search engines' crawlers, verified as their operators describe (Google's guidance for paywalled
 * content): a request that says it is Googlebot or Bingbot is believed only when the reverse DNS name
 * of its address is in the operator's domain and that name resolves back to the same address. A user
 * agent alone proves nothing; each address is looked up once a day.
 */
final class Crawlers {
    private static final Logger LOG = LoggerFactory.getLogger(Crawlers.class);

    /** A crawler's name in its user agent, and the domains its addresses' reverse names end in. */
    private record Known(String agent, List<String> domains) {}

    private static final List<Known> KNOWN = List.of(
            new Known("googlebot", List.of(".googlebot.com", ".google.com", ".googleusercontent.com")),
            new Known("bingbot", List.of(".search.msn.com")));

    /** DNS as the verification needs it: an address's reverse name, and a name's addresses. */
    interface Dns {
        String reverse(String address) throws UnknownHostException;

        List<String> forward(String name) throws UnknownHostException;
    }

    static Dns system() {
        return new Dns() {
            @Override
            public String reverse(String address) throws UnknownHostException {
                return InetAddress.getByName(address).getCanonicalHostName();
            }

            @Override
            public List<String> forward(String name) throws UnknownHostException {
                return java.util.Arrays.stream(InetAddress.getAllByName(name))
                        .map(InetAddress::getHostAddress)
                        .toList();
            }
        };
    }

    private final Dns dns;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(1))
            .build();

    Crawlers(Dns dns) {
        this.dns = dns;
    }

    /** Whether a request from this address with this user agent comes from a verified search engine crawler. */
    boolean verified(String address, String userAgent) {
        if (userAgent == null || address == null) return false;
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (Known k : KNOWN) {
            if (ua.contains(k.agent())) return verified.get(k.agent() + " " + address, key -> check(k, address));
        }
        return false;
    }

    private boolean check(Known k, String address) {
        try {
            String name = dns.reverse(address).toLowerCase(Locale.ROOT);
            if (k.domains().stream().noneMatch(name::endsWith)) return false;
            return dns.forward(name).stream().anyMatch(address::equals);
        } catch (UnknownHostException e) {
            LOG.debug("could not verify {} at {}: {}", k.agent(), address, e.getMessage());
            return false;
        }
    }
}
