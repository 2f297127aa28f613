package broadsheet.db;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationsTest {

    @Test
    void anEmptyDatabaseLacksEveryMigrationUntilItIsMigrated() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestDb.emptyDatabaseUrl());
        ds.setUser("postgres");
        long files;
        try (Stream<Path> all =
                Files.list(Path.of(Database.class.getResource("/db/migration").toURI()))) {
            files = all.filter(f -> f.getFileName().toString().matches("V.*__.*\\.sql"))
                    .count();
        }
        assertThat(Migrations.pending(ds)).isEqualTo(files).isGreaterThan(20);

        Database.migrate(ds);

        assertThat(Migrations.pending(ds)).isZero();
        try (var c = ds.getConnection();
                var rs = c.createStatement().executeQuery("select count(*) from articles")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void aMigratedDatabaseHasNothingPending() {
        try (Database db = TestDb.fresh()) {
            assertThat(db.pendingMigrations()).isZero();
        }
    }

    @Test
    void versionsAreReadAsFlywayWritesThem() {
        assertThat(Migrations.version("V30__article_related.sql")).isEqualTo("30");
        assertThat(Migrations.version("V1_2__a_fix.sql")).isEqualTo("1.2");
    }
}
