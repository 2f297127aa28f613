package broadsheet.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The migrations this jar carries, from the list that pins their checksums
 * ({@code db/migration-checksums.txt}, kept true by MigrationChecksumsTest), and which of them a
 * database has applied, read from Flyway's own history table in one statement. A start on an
 * up-to-date database asks only this, and leaves Flyway (its class-path scan and validation, a few
 * hundred milliseconds of a start) for the start that has something to apply.
 */
final class Migrations {

    private static final List<String> VERSIONS = versions();

    private Migrations() {}

    /** How many of this jar's migrations the database has not applied; all of them when it has no history yet. */
    static int pending(DataSource ds) {
        Set<String> applied = new HashSet<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            if (!historyExists(s)) return VERSIONS.size();
            try (ResultSet rs = s.executeQuery("select version from flyway_schema_history where success")) {
                while (rs.next()) applied.add(rs.getString("version"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration history: " + e.getMessage(), e);
        }
        return (int) VERSIONS.stream().filter(v -> !applied.contains(v)).count();
    }

    private static boolean historyExists(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('flyway_schema_history') is not null as present")) {
            return rs.next() && rs.getBoolean("present");
        }
    }

    /** "V30__article_related.sql" is version "30", as Flyway writes it ("V1_2__x.sql" is "1.2"). */
    static String version(String fileName) {
        return fileName.substring(1, fileName.indexOf("__")).replace('_', '.');
    }

    private static List<String> versions() {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration-checksums.txt")) {
            if (in == null) throw new IllegalStateException("db/migration-checksums.txt is not on the class path");
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String file = line.substring(line.lastIndexOf(' ') + 1).replaceFirst("^\\*", "");
                out.add(version(file.substring(file.lastIndexOf('/') + 1)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
