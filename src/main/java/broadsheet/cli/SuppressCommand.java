package broadsheet.cli;

import broadsheet.db.Database;
import broadsheet.newsletters.Suppressions;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Feeds bounces and complaints back: the addresses go on the suppression list, and no newsletter is sent to them again. */
@Command(
        name = "suppress",
        description =
                "Put addresses that bounced or complained on the suppression list: no newsletter is sent to them again.")
final class SuppressCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "EMAIL", arity = "0..*", description = "Addresses to suppress.")
    List<String> emails = new ArrayList<>();

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description =
                    "Also read addresses from this file, one a line (- for standard input); lines starting with # are skipped.")
    String file;

    @Option(
            names = "--reason",
            defaultValue = "bounce",
            description = "bounce, complaint or manual (default ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--note", defaultValue = "", description = "What the mail provider said, kept with each address.")
    String note;

    @Override
    public Integer call() throws IOException {
        if (!Suppressions.REASONS.contains(reason))
            throw new Main.UserError("--reason must be bounce, complaint or manual, not " + reason);
        List<String> all = new ArrayList<>(emails);
        if (file != null) {
            List<String> lines = file.equals("-")
                    ? new java.io.BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .lines()
                            .toList()
                    : readFile(Path.of(file));
            lines.stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(all::add);
        }
        if (all.isEmpty()) throw new Main.UserError("give at least one address, or --file FILE");
        try (Database db = Database.open(common.config())) {
            Suppressions.Added a =
                    new Suppressions(new broadsheet.newsletters.SuppressionDao(db.jdbi())).add(all, reason, note);
            System.out.println("Suppressed " + a.added() + " new address(es); " + a.already() + " already were.");
            if (!a.rejected().isEmpty()) {
                System.err.println("Not email addresses, skipped: " + String.join(", ", a.rejected()));
                return 1;
            }
        }
        return 0;
    }

    private static List<String> readFile(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Main.UserError("cannot read " + p + ": " + e.getMessage());
        }
    }
}
