package broadsheet.testing;

import java.lang.management.ManagementFactory;
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
     * most of their CPU. On a busy machine (a load average above twice the processors when the classes are
     * found, before any of them runs) they take turns: all three classes at once missed CrashRestartTest's
     * 25 s for a restart at a load average of 20 from other builds (7 December). On a quiet one they run
     * side by side too.
     */
    public static final class OwnPostgres extends ServerProcessClasses {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            Set<Lock> locks = super.provideForClass(testClass);
            if (!locks.isEmpty()) return locks;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            int processors = Runtime.getRuntime().availableProcessors();
            boolean busy = load < 0 || load > 2 * processors; // negative: not known
            LOG.warn(
                    "{}: load average {} on {} processors, {}",
                    testClass.getSimpleName(),
                    load,
                    processors,
                    busy ? "taking turns with the other classes that run their own PostgreSQL" : "side by side");
            return busy ? Set.of(new Lock(OWN_POSTGRES)) : Set.of();
        }
    }
}
