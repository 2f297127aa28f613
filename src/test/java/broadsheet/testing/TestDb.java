package broadsheet.testing;

import broadsheet.accounts.Passwords;
import broadsheet.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test run, migrated once into a template database by the
 * production migrations; every {@link #fresh()} is a new empty database cloned from it.
 */
public final class TestDb {

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static {
        // every test that reaches a database comes through here; signing in test clients then costs
        // 1 ms of Argon2id instead of 0.15 s (production's parameters are unchanged: Passwords.ARGON2ID)
        Passwords.useCheapParametersInTests();
    }

    private TestDb() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("broadsheet-test-postgres");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("data"))
                        // its own shutdown hook stops the server and then deleted the run's hundred-odd
                        // databases: past surefire's 30 s limit for a JVM to exit, so every run ended with
                        // 30 s of waiting and a killed JVM. The folder is removed after the JVM instead.
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                try (Connection c = server.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("create database template_broadsheet");
                }
                Database.migrate(server.getDatabase("postgres", "template_broadsheet"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> removeAfterStop(dir), "test-postgres-remove"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /**
     * Leaves a process that waits for the server to stop (its pid file gone; the embedded PostgreSQL's own
     * shutdown hook stops it) and then deletes its folder, so that the JVM need not wait for the deletion.
     */
    private static void removeAfterStop(Path dir) {
        try {
            new ProcessBuilder(
                            "sh",
                            "-c",
                            "for i in $(seq 600); do [ -e \"$1/data/postmaster.pid\" ] || break; sleep 0.1; done;"
                                    + " rm -rf \"$1\"",
                            "remove",
                            dir.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // the folder stays in the temporary directory
        }
    }

    /** A new, migrated, empty database. Close it when done. */
    public static Database fresh() {
        EmbeddedPostgres pg = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " template template_broadsheet");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.connect(null, "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", null, 8);
    }

    /** The JDBC URL of a new database with nothing in it, not even the migrations (user postgres, no password). */
    public static String emptyDatabaseUrl() {
        EmbeddedPostgres pg = server();
        String name = "e" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    /** Another connection pool on the same database, as a second node of a cluster has. */
    public static Database another(Database db) {
        return Database.connect(null, db.jdbcUrl(), "postgres", null, 8);
    }
}
