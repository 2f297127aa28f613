package broadsheet.cli;

import broadsheet.Config;
import broadsheet.db.Database;
import broadsheet.db.StartupException;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code java -jar broadsheet.jar serve|migrate|import|import-wire|export|user|suppress}.
 * broadsheet-tools.jar (src/tools/java) builds on {@link #commandLine()}: it adds the benchmark
 * commands and {@code serve --demo}; nothing here knows about it.
 */
@Command(
        name = "broadsheet",
        mixinStandardHelpOptions = true,
        version = "Broadsheet 0.1",
        description = "Runs a newspaper's website and newsroom.",
        subcommands = {
            ServeCommand.class,
            MigrateCommand.class,
            ImportCommand.class,
            ImportWireCommand.class,
            ExportCommand.class,
            UserCommand.class,
            SuppressCommand.class,
            ReindexCommand.class,
            SuggestTopicsCommand.class
        })
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        run(commandLine(), args);
    }

    /** Runs a command and exits with its code, unless it started the site (whose threads keep the process up). */
    public static void run(CommandLine cli, String[] args) {
        int code = execute(cli, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (code != 0 || !ServeCommand.keepsRunning(args)) System.exit(code);
    }

    /** The production commands; a distribution may add subcommands, or options to {@code serve}, before running it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /** Has {@code serve} change its configuration with {@code change} before it opens the database. */
    public static void configureServe(CommandLine cli, java.util.function.UnaryOperator<Config> change) {
        ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).configure.add(change);
    }

    /** Has {@code serve} run {@code step} on the migrated database before it starts the site. */
    public static void beforeServing(CommandLine cli, BiConsumer<Database, Config> step) {
        ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).beforeServing.add(step);
    }

    /** Runs a production command; a start-up problem is one line on {@code err} and exit code 2, never a stack trace. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(), out, err, args);
    }

    /** Runs a command of {@code cli}, with the same error handling as {@link #execute(PrintWriter, PrintWriter, String...)}. */
    public static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
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
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A mistake the person at the command line can fix; printed as one line. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }
}
