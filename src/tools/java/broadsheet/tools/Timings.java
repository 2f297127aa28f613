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
record Timings(long[] nanos, double seconds) {

    static Timings of(long[] nanos) {
        return new Timings(nanos, 0);
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
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Step step = perThread.apply(t);
                done.add(pool.submit(() -> {
                    long[] mine = new long[1024];
                    int n = 0;
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        step.run(i);
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = System.nanoTime() - t0;
                    }
                    all.add(Arrays.copyOf(mine, n));
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        double took = (System.nanoTime() - start) / 1e9;
        return new Timings(all.stream().flatMapToLong(Arrays::stream).toArray(), took);
    }
}
