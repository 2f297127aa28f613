package broadsheet.testing;

import broadsheet.cli.Main;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a whole server process started by a test ({@code serve} from the test class
 * path), as the tests that stop, kill and restart servers need.
 */
public final class ServerProcess {
    private ServerProcess() {}

    /**
     * {@code java OPTIONS -cp (the tests' class path) broadsheet.cli.Main ARGS}, on the JIT settings of
     * the test JVM itself: C1 only and the serial collector. A start that runs once is class loading and
     * cold code, which C2 would spend CPU compiling for nothing: about half the CPU of each start, on a
     * machine the other test classes keep busy meanwhile. (A class archive, CDS, would take more off, but
     * the JVM archives classes from jars only, and ours are in target/classes.)
     */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
