package broadsheet.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A committed migration is never edited: a database that already ran it would not run it again
 * (and Flyway refuses to start on a changed checksum). Every src/main/resources/db/migration/V*.sql
 * has its SHA-256 pinned in src/main/resources/db/migration-checksums.txt; a change is a new
 * migration, appended to the list.
 */
class MigrationChecksumsTest {

    private static final String PINS = "src/main/resources/db/migration-checksums.txt";

    @Test
    void everyCommittedMigrationIsPinnedAndUnchanged() throws Exception {
        Map<String, String> pinned = pinned();
        Map<String, String> actual = migrations();
        List<String> problems = new ArrayList<>();
        pinned.forEach((name, sum) -> {
            String now = actual.get(name);
            if (now == null)
                problems.add(name + " is pinned in " + PINS + " but no longer exists: a committed migration"
                        + " is never removed or renamed");
            else if (!now.equals(sum))
                problems.add(name + " changed after it was committed (SHA-256 now " + now + ", pinned " + sum
                        + "): never edit a committed migration; put the change in a new one");
        });
        actual.forEach((name, sum) -> {
            if (!pinned.containsKey(name))
                problems.add(name + " has no pinned checksum: append the line \"" + sum + "  " + name + "\" to " + PINS
                        + " (new migrations are appended; old ones are never edited)");
        });
        assertThat(problems).as("migration checksums").isEmpty();
    }

    /** File name to SHA-256, from lines as {@code sha256sum} writes them: "HEX  V1__name.sql". */
    private static Map<String, String> pinned() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var in = MigrationChecksumsTest.class.getResourceAsStream("/db/migration-checksums.txt")) {
            assertThat(in).as(PINS).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\s+", 2);
                assertThat(parts).as("a line of %s: %s", PINS, line).hasSize(2);
                String name =
                        Path.of(parts[1].replaceFirst("^\\*", "")).getFileName().toString();
                assertThat(out.put(name, parts[0].toLowerCase()))
                        .as("%s is pinned twice in %s", name, PINS)
                        .isNull();
            }
        }
        return out;
    }

    /** The migrations in the build (target/classes/db/migration), file name to SHA-256. */
    private static Map<String, String> migrations() throws IOException, URISyntaxException {
        var url = Database.class.getResource("/db/migration");
        assertThat(url).as("db/migration on the class path").isNotNull();
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("V.*\\.sql")) out.put(name, sha256(Files.readAllBytes(f)));
            }
        }
        assertThat(out).as("migrations found").isNotEmpty();
        return out;
    }

    /** SHA-256 of the file with CRLF read as LF, so a Windows checkout hashes as the committed file does. */
    private static String sha256(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
