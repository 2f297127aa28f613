package broadsheet.contentapi;

import broadsheet.jobs.Repeating;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The Content API's per-key limit for all nodes together, counted in this node's memory and added to
 * PostgreSQL ({@code api_rate_windows}, one row per key and minute of the database's clock) in one statement
 * every {@link #FLUSH_EVERY}, which reads every key's total for all nodes back. A key also goes to PostgreSQL
 * at once, with the request that makes it so, when this node holds {@link #step(int)} of its requests not yet
 * added (1% of its limit; every request for a limit under 200 a minute, which then holds exactly).
 *
 * <p>Tolerance: a node admits a request when the total it last read plus its own unsent requests is under the
 * limit, and never holds more than a step unsent, so in one minute a key gets at most its limit plus fewer
 * than a step per node beyond it (with 2 nodes and a limit of 100,000: at most 101,998).
 */
public final class RateCounter implements AutoCloseable {

    /** How often each node adds its counts to PostgreSQL and reads the totals back. */
    public static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    /** A request's verdict: admitted, or refused with the seconds to the next minute. */
    public record Verdict(boolean admitted, int retryAfter) {}

    /** The minute's totals for all nodes, in the order asked, and the database's clock (ms since the epoch). */
    public record Totals(int[] totals, long nowMillis) {}

    /** Where the counts of every node meet (PostgreSQL: {@link ApiKeyDao#add}). */
    public interface Store {
        /** Adds {@code counts[i]} to key {@code keys[i]} in minute {@code minutes[i]}, in one statement. */
        Totals add(long[] keys, long[] minutes, int[] counts);
    }

    /** One key's minute on this node. */
    private static final class Window {
        long minute;
        int total; // the total for all nodes as last read from PostgreSQL
        int sending; // taken to PostgreSQL, not yet answered
        int pending; // admitted here, not yet taken
        boolean gone; // left the map (its minute is over): a request that still holds it looks again
    }

    private final Store store;
    private final LongSupplier localMillis;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private volatile long offsetMillis; // the database's clock minus this node's
    private volatile boolean clockKnown;
    private final Repeating timer = new Repeating("api-rate-counts", this::flush);

    public RateCounter(Store store, LongSupplier localMillis) {
        this.store = store;
        this.localMillis = localMillis;
    }

    public RateCounter start() {
        timer.start(FLUSH_EVERY, FLUSH_EVERY);
        return this;
    }

    /** How many requests a node may hold for a key before it adds them to PostgreSQL: 1% of the limit, at least 1. */
    static int step(int perMinute) {
        return Math.max(1, perMinute / 100);
    }

    /** Counts one request for the key, limited to {@code perMinute} a minute across every node. */
    public Verdict count(long keyId, int perMinute) {
        if (!clockKnown) add(new long[0], new long[0], new int[0]);
        long now = localMillis.getAsLong() + offsetMillis;
        int retry = (int) Math.max(1, 60 - Math.floorMod(now, 60_000L) / 1000);
        while (true) {
            Verdict v = count(keyId, perMinute, windows.computeIfAbsent(keyId, k -> new Window()), now, retry);
            if (v != null) return v;
        }
    }

    /** The verdict, or null when the window left the map meanwhile. */
    private Verdict count(long keyId, int perMinute, Window w, long now, int retry) {
        long minute;
        int send;
        synchronized (w) {
            if (w.gone) return null;
            // a new estimate of the database's clock may step back a little: such a request counts in the later minute
            minute = Math.max(w.minute, Math.floorDiv(now, 60_000L));
            if (w.minute != minute) { // what is unsent of a minute gone by no longer matters to any limit
                w.minute = minute;
                w.total = 0;
                w.sending = 0;
                w.pending = 0;
            }
            if (w.total + w.sending + w.pending >= perMinute) return new Verdict(false, retry);
            w.pending++;
            if (w.pending < step(perMinute)) return new Verdict(true, retry);
            send = w.pending;
            w.pending = 0;
            w.sending += send;
        }
        int total = send(keyId, w, minute, send);
        return new Verdict(total <= perMinute, retry);
    }

    /** Adds this node's unsent counts for every key to PostgreSQL in one statement and reads the totals back. */
    public void flush() {
        List<Long> keys = new ArrayList<>();
        List<Window> ws = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        long minuteNow = Math.floorDiv(localMillis.getAsLong() + offsetMillis, 60_000L);
        for (var e : windows.entrySet()) {
            Window w = e.getValue();
            synchronized (w) {
                if (w.pending == 0) {
                    if (w.sending == 0 && w.minute < minuteNow) {
                        w.gone = true;
                        windows.remove(e.getKey(), w);
                    }
                    continue;
                }
                keys.add(e.getKey());
                ws.add(w);
                minutes.add(w.minute);
                counts.add(w.pending);
                w.sending += w.pending;
                w.pending = 0;
            }
        }
        if (keys.isEmpty()) return;
        long[] k = keys.stream().mapToLong(Long::longValue).toArray();
        long[] m = minutes.stream().mapToLong(Long::longValue).toArray();
        int[] c = counts.stream().mapToInt(Integer::intValue).toArray();
        int[] totals;
        try {
            totals = add(k, m, c);
        } catch (RuntimeException e) {
            for (int i = 0; i < k.length; i++) giveBack(ws.get(i), m[i], c[i]);
            throw e;
        }
        for (int i = 0; i < k.length; i++) settle(ws.get(i), m[i], c[i], totals[i]);
    }

    private int send(long keyId, Window w, long minute, int n) {
        int total;
        try {
            total = add(new long[] {keyId}, new long[] {minute}, new int[] {n})[0];
        } catch (RuntimeException e) {
            giveBack(w, minute, n);
            throw e;
        }
        settle(w, minute, n, total);
        return total;
    }

    /** Adds the counts and notes the database's clock (the round trip's midpoint against this node's). */
    private int[] add(long[] keys, long[] minutes, int[] counts) {
        long before = localMillis.getAsLong();
        Totals t = store.add(keys, minutes, counts);
        long after = localMillis.getAsLong();
        offsetMillis = t.nowMillis() - (before + after) / 2;
        clockKnown = true;
        return t.totals();
    }

    private static void settle(Window w, long minute, int sent, int total) {
        synchronized (w) {
            if (w.minute != minute) return;
            w.sending -= sent;
            w.total = Math.max(w.total, total);
        }
    }

    /** PostgreSQL did not take the counts: keep them for the next flush. */
    private static void giveBack(Window w, long minute, int n) {
        synchronized (w) {
            if (w.minute != minute) return;
            w.sending -= n;
            w.pending += n;
        }
    }

    /** Stops the timer and adds what this node still holds. */
    @Override
    public void close() {
        timer.close();
        try {
            flush();
        } catch (RuntimeException e) {
            // the database is going away too: a node's last second of counts is all that is lost
        }
    }
}
