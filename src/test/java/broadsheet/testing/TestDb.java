package broadsheet.testing;

import broadsheet.accounts.Passwords;
import broadsheet.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                try (Connection c = server.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("create database template_broadsheet");
                }
                Database.migrate(server.getDatabase("postgres", "template_broadsheet"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
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
