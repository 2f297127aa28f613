package broadsheet.content;

import java.util.List;

/**
 * A content file that was not imported, and why. Each problem is one line of the form
 * {@code content.json: articles[3].section: unknown section "sport"}; the message is all of them.
 */
public final class ImportException extends Exception {

    private final List<String> problems;

    public ImportException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ImportException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
