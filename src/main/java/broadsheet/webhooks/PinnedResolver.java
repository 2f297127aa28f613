package broadsheet.webhooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The delivery client's only way from a host name to an address: each new connection resolves the name once
 * through {@link AddressGuard#addresses}, which checks every address it found, and the client connects to
 * those very addresses. There is no second lookup between the check and the connection for a DNS answer
 * to change (DNS rebinding), and a connection opened for a redirect goes through here too.
 */
final class PinnedResolver implements SocketAddressResolver {

    private final AddressGuard guard;

    PinnedResolver(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> checked;
        try {
            checked = guard.addresses(bare);
        } catch (AddressGuard.Refused e) {
            promise.failed(e);
            return;
        }
        promise.succeeded(
                checked.stream().map(a -> new InetSocketAddress(a, port)).toList());
    }
}
