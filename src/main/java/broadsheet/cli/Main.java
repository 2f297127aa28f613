package broadsheet.cli;

import broadsheet.db.StartupException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar broadsheet.jar serve|migrate|import|export|bench}. */
@Command(
        name = "broadsheet",
        mixinStandardHelpOptions = true,
        version = "Broadsheet 0.1",
        description = "Runs a newspaper's website and newsroom.",
        subcommands = {
            ServeCommand.class,
            MigrateCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            UserCommand.class,
            BenchDataCommand.class,
            BenchFollowingCommand.class,
            BenchCommentsCommand.class,
            SuppressCommand.class,
            BenchNewsletterCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (code != 0 || !ServeCommand.keepsRunning(args)) System.exit(code);
    }

    /** Runs a command; a start-up problem is one line on {@code err} and exit code 2, never a stack trace. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StartupException || e instanceof UserError) {
                cmd.getErr().println("broadsheet: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** A mistake the person at the command line can fix; printed as one line. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }
}
