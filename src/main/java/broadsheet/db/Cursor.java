package broadsheet.db;

import java.time.Instant;
import java.util.Optional;

/**
 * A keyset position in a newest-first list: the (published_at, id) of the last item shown.
 * Written into "More" links as {@code 2026-11-30T10:15:00Z_123}.
 */
public record Cursor(Instant at, long id) {

    private static final Cursor FIRST = new Cursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

    /** A cursor past everything, for the first page (made once: parsing it was a twentieth of /following's render). */
    public static Cursor first() {
        return FIRST;
    }

    public static Optional<Cursor> parse(String s) {
        if (s == null || s.isBlank()) return Optional.of(first());
        int us = s.lastIndexOf('_');
        if (us < 0) return Optional.empty();
        try {
            return Optional.of(new Cursor(Instant.parse(s.substring(0, us)), Long.parseLong(s.substring(us + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return at + "_" + id;
    }
}
