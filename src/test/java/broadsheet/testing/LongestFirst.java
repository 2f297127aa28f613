package broadsheet.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the test classes that took longest first (junit-platform.properties names it), so that the
 * run does not end with one long class going on alone after the others are done: the longest classes
 * overlap the many short ones instead. The times are a surefire run's, kept in
 * {@code src/test/resources/test-class-seconds.txt} ({@code bench/test-class-seconds.sh} writes it
 * afresh); a class not in it yet counts as long, so a new class starts early. The order only changes
 * when a class starts: each class still has its own app and database, and its tests run in order.
 */
public final class LongestFirst implements ClassOrderer {

    static final String TIMES = "/test-class-seconds.txt";

    /** What a class not in the file counts as: longer than most. */
    static final double UNKNOWN = 60;

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Map<String, Double> seconds = seconds();
        context.getClassDescriptors()
                .sort(Comparator.comparingDouble((org.junit.jupiter.api.ClassDescriptor d) ->
                        -seconds.getOrDefault(d.getTestClass().getName(), UNKNOWN)));
    }

    /** Class name to seconds, from lines {@code SECONDS CLASS}. */
    static Map<String, Double> seconds() {
        Map<String, Double> seconds = new HashMap<>();
        try (InputStream in = LongestFirst.class.getResourceAsStream(TIMES)) {
            if (in == null) return seconds;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !line.startsWith("#")) seconds.put(parts[1], Double.parseDouble(parts[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seconds;
    }
}
