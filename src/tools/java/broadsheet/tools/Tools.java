package broadsheet.tools;

import broadsheet.cli.Main;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The main class of target/broadsheet-tools.jar: every production command of broadsheet.jar, plus
 * the benchmark commands (bench-data, bench-following, bench-comments, bench-newsletter) and
 * {@code serve --demo}, which loads the demo newspaper into an empty database before serving.
 * None of this is in broadsheet.jar; this jar puts broadsheet.jar on its class path (manifest
 * Class-Path), so the two must sit in the same folder.
 */
public final class Tools {

    private Tools() {}

    public static void main(String[] args) {
        Main.run(commandLine(), args);
    }

    /** Runs a command as {@code java -jar broadsheet-tools.jar ARGS} would; for tests. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return Main.execute(commandLine(), out, err, args);
    }

    static CommandLine commandLine() {
        CommandLine cli = Main.commandLine();
        for (Object command : List.of(
                new BenchDataCommand(),
                new BenchFollowingCommand(),
                new BenchCommentsCommand(),
                new BenchNewsletterCommand(),
                new BenchSearchCommand(),
                new BenchReaderCommand(),
                new BenchWebhooksCommand(),
                new BenchClusterCommand(),
                new BenchApiCommand(),
                new BenchSuggestCommand())) cli.addSubcommand(command);
        DemoOption demo = new DemoOption();
        cli.getSubcommands().get("serve").addMixin("demo", demo);
        Main.configureServe(cli, config -> demo.load ? DemoContent.withDevMail(config) : config);
        Main.beforeServing(cli, (db, config) -> {
            if (demo.load) DemoContent.loadIfEmpty(db, config);
        });
        return cli;
    }

    /** {@code serve --demo}. */
    static final class DemoOption {
        @Option(names = "--demo", description = "Load the demo newspaper if the database has no articles yet.")
        boolean load;
    }
}
