package broadsheet.articles;

import java.util.List;

final class Bylines {
    private Bylines() {}

    /** "A", "A and B", "A, B and C". */
    static String join(List<String> names) {
        if (names.isEmpty()) return "";
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
