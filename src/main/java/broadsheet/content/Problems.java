package broadsheet.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Problems found in one content file, each reported as "file: path: message" in the file's own order. */
final class Problems {

    private static final int SHOWN = 100;
    private static final List<String> FIELDS =
            List.of("format", "site", "sections", "authors", "topics", "photos", "newsletters", "articles", "fronts");
    private static final Pattern TOP = Pattern.compile("([a-zA-Z]+)(?:\\[(\\d+)])?");

    private record Problem(String path, String message) {}

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    /** Throws if anything was found; a long list is cut short so the message stays readable. */
    void throwIfAny() throws ImportException {
        if (found.isEmpty()) return;
        // Checks run in several passes (references last); sort back into file order, stable within an item.
        List<String> lines = found.stream()
                .sorted(Comparator.comparingInt((Problem p) -> rank(p.path())).thenComparingInt(p -> index(p.path())))
                .map(p -> file + ": " + p.path() + ": " + p.message())
                .limit(SHOWN)
                .toList();
        if (found.size() > SHOWN) {
            lines = new ArrayList<>(lines);
            lines.add(file + ": ... and " + (found.size() - SHOWN) + " more problems");
        }
        throw new ImportException(lines);
    }

    private static int rank(String path) {
        Matcher m = TOP.matcher(path);
        int i = m.lookingAt() ? FIELDS.indexOf(m.group(1)) : -1;
        return i < 0 ? FIELDS.size() : i;
    }

    private static int index(String path) {
        Matcher m = TOP.matcher(path);
        return m.lookingAt() && m.group(2) != null ? Integer.parseInt(m.group(2)) : -1;
    }
}
