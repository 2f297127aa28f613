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
 * {@link PageCache#keptReads}, and dropped whenever content changes (every change the change log announces,
 * on every node: {@link PageCache#clear} and {@link PageCache#drop}), whether or not the page cache itself is
 * on: a page rendered afresh is rendered from what is in the database as of the last change heard of, as a
 * cached page is. Drops of pages for what no read here holds (search's index taking a change in, a most
 * read list: {@link PageCache#dropPages}) leave them. A read that began before a drop of them is never kept
 * after it, and nothing is kept longer than {@link #LIFETIME}.
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

    /**
     * What was kept for each of these keys, those not kept read now in one go ({@code read} answers for
     * every key it is given; a key it leaves out is read again next time). In the order of {@code keys}.
     */
    public java.util.Map<K, V> getAll(
            java.util.Collection<K> keys, Function<java.util.Set<K>, java.util.Map<K, V>> read) {
        long g = generation.get();
        java.util.Map<K, V> out = new java.util.LinkedHashMap<>();
        java.util.Set<K> missing = new java.util.LinkedHashSet<>();
        for (K key : keys) {
            Kept<V> k = kept.getIfPresent(key);
            if (k != null && k.generation() == g && k.until() == null) out.put(key, k.value());
            else missing.add(key);
        }
        if (missing.isEmpty()) return out;
        java.util.Map<K, V> found = read.apply(missing);
        boolean keep = generation.get() == g;
        java.util.Map<K, V> all = new java.util.LinkedHashMap<>();
        for (K key : keys) {
            V v = out.containsKey(key) ? out.get(key) : found.get(key);
            if (v == null) continue;
            all.put(key, v);
            if (keep && missing.contains(key)) kept.put(key, new Kept<>(g, v, null));
        }
        return all;
    }

    void forget() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }
}
