package broadsheet.webhooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The delivery client's only way from a host name to an address: each new connection resolves the name once
 * through {@link AddressGuard#addresses}, which checks every address it found, and the client connects to
 * those very addresses. There is no second lookup between the check and the connection for a DNS answer
 * to change (DNS rebinding), and a connection opened for a redirect goes through here too.
 */
public final class PinnedResolver implements SocketAddressResolver {

    private final AddressGuard guard;

    public PinnedResolver(AddressGuard guard) {
        this.guard = guard;
    }

    /**
     * A Jetty HTTP client (not yet started) whose only resolver is this guard's, which follows no redirect by
     * itself (a caller that follows one makes a new request, whose new connection is checked again), on daemon
     * threads named {@code name}.
     */
    public static HttpClient client(AddressGuard guard, String name, Duration connectTimeout) {
        HttpClient http = new HttpClient();
        http.setSocketAddressResolver(new PinnedResolver(guard));
        http.setFollowRedirects(false);
        http.setConnectTimeout(connectTimeout.toMillis());
        http.setUserAgentField(null);
        http.setName(name);
        // daemon threads: a client a command line or a test never stops does not keep the JVM alive
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(name);
        threads.setDaemon(true);
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler(name + "-timer", true));
        return http;
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
