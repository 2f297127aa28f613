package broadsheet.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Latencies of a benchmark step, their percentiles, and a way to run a step from many threads at once. */
record Timings(long[] nanos, double seconds, long[] starts, long startMillis) {

    Timings(long[] nanos, double seconds) {
        this(nanos, seconds, new long[0], 0);
    }

    static Timings of(long[] nanos) {
        return new Timings(nanos, 0);
    }

    /**
     * The run second by second in slices of {@code sliceMs}: when each slice began (wall clock), how many steps
     * started in it, their p50 and slowest (ms). Slow steps in a few slices are pauses; spread evenly, queueing.
     */
    String timeline(int sliceMs) {
        int slices = (int) Math.ceil(seconds * 1000 / sliceMs) + 1;
        List<List<Long>> by = new ArrayList<>();
        for (int i = 0; i < slices; i++) by.add(new ArrayList<>());
        for (int i = 0; i < starts.length; i++)
            by.get((int) Math.min(slices - 1, starts[i] / 1_000_000 / sliceMs)).add(nanos[i]);
        StringBuilder out = new StringBuilder("slice_start_utc,started,p50_ms,max_ms,over_25ms\n");
        for (int i = 0; i < slices; i++) {
            long[] s = by.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            if (s.length == 0) continue;
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%.1f,%.1f,%d%n",
                    java.time.Instant.ofEpochMilli(startMillis + (long) i * sliceMs),
                    s.length,
                    s[s.length / 2] / 1e6,
                    s[s.length - 1] / 1e6,
                    Arrays.stream(s).filter(n -> n > 25_000_000L).count()));
        }
        return out.toString();
    }

    int count() {
        return nanos.length;
    }

    /** The p-th percentile in milliseconds (nearest rank). */
    double ms(double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
    }

    /** Completed steps per second over the whole run (0 when the run was not timed as a whole). */
    double perSecond() {
        return seconds <= 0 ? 0 : nanos.length / seconds;
    }

    String row(String label) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %.1f | %.1f | %.1f |%n",
                label,
                count(),
                seconds > 0 ? String.format(Locale.ROOT, "%,.0f", perSecond()) : "",
                ms(0.50),
                ms(0.99),
                ms(1.0));
    }

    static String header(String what) {
        return "| " + what + " | done | per s | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n";
    }

    /** What one thread does once: its {@code i}-th step (any exception ends the run). */
    interface Step {
        void run(int i) throws Exception;
    }

    /** {@code threads} threads each running steps back to back for {@code seconds}; every step's latency. */
    static Timings together(int threads, int seconds, IntFunction<Step> perThread) throws Exception {
        ConcurrentLinkedQueue<long[][]> all = new ConcurrentLinkedQueue<>();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Step step = perThread.apply(t);
                done.add(pool.submit(() -> {
                    long[] mine = new long[1024];
                    long[] began = new long[1024];
                    int n = 0;
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        step.run(i);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                            began = Arrays.copyOf(began, n * 2);
                        }
                        began[n] = t0 - start;
                        mine[n++] = System.nanoTime() - t0;
                    }
                    all.add(new long[][] {Arrays.copyOf(mine, n), Arrays.copyOf(began, n)});
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        double took = (System.nanoTime() - start) / 1e9;
        return new Timings(
                all.stream().flatMapToLong(a -> Arrays.stream(a[0])).toArray(),
                took,
                all.stream().flatMapToLong(a -> Arrays.stream(a[1])).toArray(),
                startMillis);
    }
}
