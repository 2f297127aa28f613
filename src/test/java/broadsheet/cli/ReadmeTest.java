package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README a newcomer reads first: it links only inside the repository, and its first command shows progress. */
class ReadmeTest {

    static final Path README = Path.of("README.md");

    @Test
    void linksStayInsideTheRepository() throws IOException {
        String text = Files.readString(README);
        String prose = text.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\\n]*`", "");
        List<String> problems = new ArrayList<>();
        Matcher link = Pattern.compile("\\]\\(([^)\\s]+)\\)|<(https?://[^>]+)>|(https?://\\S+)")
                .matcher(prose);
        while (link.find()) {
            String target =
                    link.group(1) != null ? link.group(1) : link.group(2) != null ? link.group(2) : link.group(3);
            if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) problems.add(target + " leads outside the repository");
            else if (!target.startsWith("#") && !Files.exists(Path.of(target.replaceAll("#.*", ""))))
                problems.add(target + " is not a file in the repository");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theFirstCommandIsNotSilentWhileDependenciesDownload() throws IOException {
        String first = Files.readString(README)
                .lines()
                .filter(l -> l.startsWith("mvn "))
                .findFirst()
                .orElseThrow();
        assertThat(first).contains("exec:exec").doesNotContain(" -q ").contains("-ntp");
        // the build the README starts treats a stop by Ctrl+C or SIGTERM as success, not a Maven ERROR
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<successCode>130</successCode>")
                .contains("<successCode>143</successCode>");
    }
}
