package broadsheet.testing;

import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test classes that start whole {@code serve} processes and hold them to time bounds (a restart within
 * 25 s, an answer within 3 s while the database hangs, a drain of a few seconds) run apart from the other
 * classes, which would load the machine under them. A class of this kind carries
 *
 * <pre>{@code
 * @Tag(ServerProcessClasses.TAG)
 * @ResourceLock(providers = ServerProcessClasses.class) // or ServerProcessClasses.OwnPostgres.class
 * }</pre>
 *
 * {@code mvn test} runs these classes in a JVM of their own before all the others (surefire's
 * {@code server-processes} execution in pom.xml, which runs only this tag and which the main run leaves
 * out), and there they run beside one another: that JVM sets the system property {@link #APART}, and the
 * classes then take no lock. They used to be {@code @Isolated} in the one run, so they ran one after
 * another at its end, each mostly waiting for a process to start or stop. Run any other way (an IDE, a
 * launcher without the property) each class is isolated, as before: {@link Resources#GLOBAL} for reading
 * and writing is what {@code @Isolated} takes.
 */
public class ServerProcessClasses implements ResourceLocksProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcessClasses.class);

    /** The JUnit tag of these classes (surefire's {@code groups} and {@code excludedGroups}). */
    public static final String TAG = "server-processes";

    /** Set (to {@code true}) by the surefire execution that runs these classes and nothing else. */
    static final String APART = "broadsheet.tests.server-processes-apart";

    /** Taken in turn by the {@link OwnPostgres} classes while the machine is busy. */
    static final String OWN_POSTGRES = "serve with its own embedded PostgreSQL";

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        if (Boolean.getBoolean(APART)) return Set.of();
        return Set.of(new Lock(Resources.GLOBAL, ResourceAccessMode.READ_WRITE));
    }

    /**
     * For the classes whose {@code serve} runs its own embedded PostgreSQL, from {@code initdb} on, which is
     * most of their CPU. On a busy machine (more than one and a half of two cores in use by others while
     * the classes are found, before any of them runs) they take turns: all three classes at once missed
     * CrashRestartTest's 25 s for a restart at a load average of 20 from other builds (7 December). On a
     * quiet one they run side by side too. The cores in use are measured over a quarter of a second
     * ({@code /proc/stat}), not read from the load average, which still counts a run that has just ended for
     * a minute or more: a second {@code mvn test} right after a first took turns, 15 s longer, on an idle
     * machine.
     */
    public static final class OwnPostgres extends ServerProcessClasses {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            Set<Lock> locks = super.provideForClass(testClass);
            if (!locks.isEmpty()) return locks;
            int processors = Runtime.getRuntime().availableProcessors();
            double inUse = coresInUse();
            boolean busy = inUse < 0 || inUse > 0.75 * processors; // negative: not known
            LOG.warn(
                    "{}: {} of {} cores in use, {}",
                    testClass.getSimpleName(),
                    String.format(java.util.Locale.ROOT, "%.2f", inUse),
                    processors,
                    busy ? "taking turns with the other classes that run their own PostgreSQL" : "side by side");
            return busy ? Set.of(new Lock(OWN_POSTGRES)) : Set.of();
        }
    }

    private static volatile double coresInUse = Double.NaN;

    /** Cores busy over a quarter of a second, measured once for the run; negative when unknown. */
    static double coresInUse() {
        double known = coresInUse;
        if (!Double.isNaN(known)) return known;
        synchronized (ServerProcessClasses.class) {
            if (Double.isNaN(coresInUse)) {
                long[] a = cpuTicks();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long[] b = cpuTicks();
                coresInUse = a == null || b == null || b[0] == a[0]
                        ? -1
                        : (double) (b[1] - a[1])
                                / (b[0] - a[0])
                                * Runtime.getRuntime().availableProcessors();
            }
            return coresInUse;
        }
    }

    /** All and busy (not idle or waiting for I/O) ticks of the machine's CPUs, or null off Linux. */
    private static long[] cpuTicks() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .getFirst()
                    .trim()
                    .split("\\s+");
            long all = 0;
            for (int i = 1; i < f.length; i++) all += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {all, all - idle};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
