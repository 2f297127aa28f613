package broadsheet.testing;

import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The test classes that start whole {@code serve} processes and hold them to time bounds (a restart within
 * 25 s, an answer within 3 s while the database hangs, a drain of a few seconds) run apart from the other
 * classes, which would load the machine under them. A class of this kind carries
 *
 * <pre>{@code
 * @Tag(ServerProcessClasses.TAG)
 * @ResourceLock(providers = ServerProcessClasses.class)
 * }</pre>
 *
 * {@code mvn test} runs these classes in a JVM of their own after all the others (surefire's
 * {@code server-processes} execution in pom.xml, which runs only this tag and which the first run leaves
 * out), and there they run beside one another: that JVM sets the system property {@link #APART}, and the
 * classes then take no lock. They used to be {@code @Isolated} in the one run, so they ran one after
 * another at its end, each mostly waiting for a process to start or stop. Run any other way (an IDE, a
 * launcher without the property) each class is isolated, as before: {@link Resources#GLOBAL} for reading
 * and writing is what {@code @Isolated} takes.
 */
public final class ServerProcessClasses implements ResourceLocksProvider {

    /** The JUnit tag of these classes (surefire's {@code groups} and {@code excludedGroups}). */
    public static final String TAG = "server-processes";

    /**
     * Taken (for writing) by the classes whose {@code serve} runs its own embedded PostgreSQL, from
     * {@code initdb} on, which is most of the CPU of these classes: two at once missed CrashRestartTest's
     * 25 s for a restart at a load average of 20 (7 December), so they take turns while the others run beside.
     */
    public static final String OWN_POSTGRES = "serve with its own embedded PostgreSQL";

    /** Set (to {@code true}) by the surefire execution that runs these classes and nothing else. */
    static final String APART = "broadsheet.tests.server-processes-apart";

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        if (Boolean.getBoolean(APART)) return Set.of();
        return Set.of(new Lock(Resources.GLOBAL, ResourceAccessMode.READ_WRITE));
    }
}
