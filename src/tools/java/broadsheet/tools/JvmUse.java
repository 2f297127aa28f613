package broadsheet.tools;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What this JVM spent over a stretch of a benchmark: CPU time, bytes allocated and collections (count and
 * time), to say per request what the server cost, and, when the client runs in the same JVM, what it added.
 */
record JvmUse(long cpuNanos, long allocated, long collections, long collectionMillis) {

    static JvmUse now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new JvmUse(os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes(), count, millis);
    }

    /** One line for the stretch from {@code before} to this, over {@code requests} requests. */
    String since(JvmUse before, long requests, String label) {
        long n = Math.max(1, requests);
        long gcs = collections - before.collections;
        long gcMillis = collectionMillis - before.collectionMillis;
        return String.format(
                Locale.ROOT,
                "- %s: this JVM %.2f ms of CPU and %.1f KiB allocated per request; %d collections, %d ms in all"
                        + " (%.1f ms each)%n",
                label,
                (cpuNanos - before.cpuNanos) / 1e6 / n,
                (allocated - before.allocated) / 1024.0 / n,
                gcs,
                gcMillis,
                gcs == 0 ? 0.0 : (double) gcMillis / gcs);
    }
}
