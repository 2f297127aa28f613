package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Production code (target/classes, which becomes broadsheet.jar) neither holds nor names anything of
 * the benchmark and demo tooling (src/tools, package broadsheet.tools, broadsheet-tools.jar). The
 * build already fails on a compile-time reference (the tools are compiled after, and apart from,
 * the production code); this also catches a class looked up by name and tool files left in
 * src/main.
 */
class ToolsBoundaryTest {

    @Test
    void productionClassesNeitherContainNorNameTheTools() throws Exception {
        Path classes = Path.of(
                Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("production classes").isDirectory();
        assertThat(classes.resolve("broadsheet/cli/Main.class")).exists();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("broadsheet/tools/") || name.startsWith("demo/"))
                    problems.add(name + " is tooling inside the production classes: it belongs under src/tools");
                else if (name.endsWith(".class")) {
                    // class references are "broadsheet/tools/X" in the constant pool, names looked up by
                    // reflection "broadsheet.tools.X"
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    if (text.contains("broadsheet/tools/") || text.contains("broadsheet.tools."))
                        problems.add(name + " refers to broadsheet.tools: production code must not depend on the"
                                + " benchmark and demo tooling");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theToolsJarRunsEveryProductionCommandAndItsOwn() {
        var commands = Tools.commandLine().getSubcommands().keySet();
        assertThat(commands)
                .containsAll(Main.commandLine().getSubcommands().keySet())
                .contains("bench-data", "bench-following", "bench-comments", "bench-newsletter");
        assertThat(Main.commandLine().getSubcommands().keySet()).noneMatch(c -> c.startsWith("bench-"));
        assertThat(Tools.commandLine()
                        .getSubcommands()
                        .get("serve")
                        .getCommandSpec()
                        .findOption("--demo"))
                .as("serve --demo in broadsheet-tools.jar")
                .isNotNull();
        assertThat(Main.commandLine()
                        .getSubcommands()
                        .get("serve")
                        .getCommandSpec()
                        .findOption("--demo"))
                .as("no serve --demo in broadsheet.jar")
                .isNull();
    }
}
