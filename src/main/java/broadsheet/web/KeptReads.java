package broadsheet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Database reads that pages render from and that stay the same until content changes (a front's stories,
 * a list's first page, a topic by its slug), kept per key on this node and shared by every reader. Made by
 * {@link PageCache#keptReads}, and dropped whenever the page cache drops anything (every change the change
 * log announces, on every node), whether or not the page cache itself is on: a page rendered afresh is
 * rendered from what is in the database as of the last change heard of, as a cached page is. A read that
 * began before a drop is never kept after it, and nothing is kept longer than {@link #LIFETIME}.
 */
public final class KeptReads<K, V> {

    /** The longest anything is kept, as a cached article page's read-next blocks. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private record Kept<V>(long generation, V value, Instant until) {}

    private final AtomicLong generation = new AtomicLong();
    private final Cache<K, Kept<V>> kept;

    KeptReads(long maximumSize) {
        this.kept = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(LIFETIME)
                .build();
    }

    /**
     * What was kept for this key, or {@code read} of it now (kept unless something was dropped meanwhile).
     *
     * @param until when a value read now stops being true by itself (a breaking banner's end), or null
     */
    public V get(K key, Function<K, V> read, Function<V, Instant> until) {
        return get(key, read, until, v -> true);
    }

    /** The same, reading now also when what was kept is not {@code usable} (another version than asked for). */
    public V get(K key, Function<K, V> read, Function<V, Instant> until, Predicate<V> usable) {
        long g = generation.get();
        Kept<V> k = kept.getIfPresent(key);
        if (k != null
                && k.generation() == g
                && (k.until() == null || Instant.now().isBefore(k.until()))
                && usable.test(k.value())) return k.value();
        V v = read.apply(key);
        if (generation.get() == g) kept.put(key, new Kept<>(g, v, until.apply(v)));
        return v;
    }

    /** The same, for values that stay true until content changes. */
    public V get(K key, Function<K, V> read) {
        return get(key, read, v -> null);
    }

    void forget() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }
}
