package broadsheet.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the shared caches in front of the nodes (Varnish, a CDN) which pages changed, so that they
 * can keep pages for minutes and still show a change within a second. Fed by the change log
 * ({@code db.ContentChanges}): a change that names a surrogate key purges the pages carrying it, any
 * other change purges every page ({@link #EVERYTHING}).
 *
 * <p>Each purge is one HTTP request per configured URL: method {@code PURGE}, header
 * {@code Surrogate-Key} holding the keys separated by spaces, or {@code *} for every page. Keys heard
 * within {@link #GATHER} of each other go out together. Every node hears every change, so each cache
 * receives one purge per node; purges are idempotent, so that costs a request, never a wrong page.
 */
public final class CachePurge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CachePurge.class);
    public static final String EVERYTHING = "*";
    static final Duration GATHER = Duration.ofMillis(20);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    private final List<URI> targets;
    private final HttpClient http;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final AtomicLong failed = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    /** Sends purges to these URLs; with none, every call is a no-op and no thread runs. */
    public CachePurge(List<URI> targets) {
        this.targets = List.copyOf(targets);
        // no client without targets: building one sets up TLS, a tenth of a second of every start
        this.http = this.targets.isEmpty()
                ? null
                : HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        this.sender = this.targets.isEmpty()
                ? null
                : Thread.ofPlatform().daemon().name("cache-purge").start(this::loop); // not queued behind requests
    }

    /** Every page changed (or this node cannot tell which). */
    public void everything() {
        if (sender != null) queue.add(EVERYTHING);
    }

    /** The pages carrying this surrogate key changed. */
    public void key(String surrogateKey) {
        if (sender == null) return;
        if (KEY.matcher(surrogateKey).matches()) queue.add(surrogateKey);
        else queue.add(EVERYTHING); // a key we cannot send safely: purge more rather than less
    }

    /**
     * The pages carrying this key changed: purged now and once more after {@code again}. A cache that
     * was fetching an older answer when the first purge came stores it afterwards, and a ban does not
     * reach what is stored after it; the second purge does.
     */
    public void keyTwice(String surrogateKey, Duration again) {
        if (sender == null) return;
        key(surrogateKey);
        Thread.ofVirtual().name("cache-purge-again").start(() -> {
            try {
                Thread.sleep(again);
            } catch (InterruptedException e) {
                return;
            }
            if (running) key(surrogateKey);
        });
    }

    /** Purges that reached no cache since start (each also logged). */
    public long failures() {
        return failed.get();
    }

    private void loop() {
        while (running) {
            try {
                Set<String> keys = new LinkedHashSet<>();
                keys.add(queue.take());
                long until = System.nanoTime() + GATHER.toNanos();
                for (long left; (left = until - System.nanoTime()) > 0; ) {
                    String more = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (more == null) break;
                    keys.add(more);
                }
                String header = keys.contains(EVERYTHING) ? EVERYTHING : String.join(" ", keys);
                for (URI target : targets) send(target, header);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(URI target, String keys) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(target)
                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header("Surrogate-Key", keys)
                .timeout(Duration.ofSeconds(2))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) return;
                LOG.warn("cache purge of [{}] at {} answered {}", keys, target, r.statusCode());
            } catch (IOException e) {
                LOG.warn("cache purge of [{}] at {} failed (attempt {}): {}", keys, target, attempt, e.toString());
            }
            if (attempt == 2) {
                failed.incrementAndGet();
                return;
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        running = false;
        if (sender != null) sender.interrupt();
    }
}
