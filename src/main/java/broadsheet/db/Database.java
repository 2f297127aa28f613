package broadsheet.db;

import broadsheet.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The one PostgreSQL the app talks to: embedded under the data dir, or external by URL. Migrated on open. */
public final class Database implements AutoCloseable {

    /**
     * Connections in the app's pool, two of them held by the listeners (content changes, search): six for
     * requests and jobs keep two cores' PostgreSQL busy now that a page reads the database in two or three
     * statements at most, and each backend holds 4-5 MB of its own (catalogue and plan caches), so a pool of
     * 16 cost some 35 MB more under load (docs/benchmarks.md, "Memory"). The default of {@code DB_POOL}: a node
     * that serves many Content API requests at once answers more of them with more (docs/benchmarks.md,
     * "bench/api.sh").
     */
    public static final int POOL = 8;

    /**
     * One turn of a request's wait for a pooled connection: after each, it goes on waiting only while the
     * database is up, {@link PatientPool#PATIENCE_MS} at most (docs/deployment.md).
     */
    public static final long CONNECTION_TIMEOUT_MS = 500;

    /**
     * The embedded PostgreSQL, sized for a small machine: connections for this app's pool and one more
     * process as large (a second node, or the benchmark's cache-off server), each with its watch's probe,
     * plus psql and maintenance;
     * shared_buffers small (every buffer a backend has touched counts in the processes' memory, and a large
     * archive touches them all), since the operating system's page cache holds the rest of the database
     * without counting against the processes' memory; work_mem for sorts of one page of rows; no parallel workers or JIT, which on two cores
     * only add start-up cost to queries that take well under a millisecond.
     */
    static java.util.Map<String, String> embeddedSettings(int pool) {
        return java.util.Map.of(
                "max_connections", String.valueOf(2 * pool + 8),
                "shared_buffers", "16MB",
                "work_mem", "4MB",
                "maintenance_work_mem", "64MB",
                "max_parallel_workers_per_gather", "0",
                "jit", "off",
                "fsync", "on");
    }

    private volatile EmbeddedPostgres embedded;
    private final Path embeddedDir;
    private final HikariDataSource pool;
    private final PatientPool patient;
    private final Jdbi jdbi;
    private final String jdbcUrl;

    private Database(EmbeddedPostgres embedded, Path embeddedDir, HikariDataSource pool, String jdbcUrl) {
        this.embedded = embedded;
        this.embeddedDir = embeddedDir;
        if (embeddedDir != null) this.postmasterPid = postmasterPid(embeddedDir);
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.patient = new PatientPool(pool, CONNECTION_TIMEOUT_MS);
        this.jdbi = configure(Jdbi.create(patient));
    }

    /** From now on a request stops waiting for a connection as soon as {@code databaseUp} says the database is away. */
    public void waitForConnectionsWhile(java.util.function.BooleanSupplier databaseUp) {
        patient.waitWhile(databaseUp);
    }

    /**
     * How a statement's text is split into SQL and named parameters: the same for every database, so one
     * parser, and its cache of parsed statements, serves every {@link Jdbi} in the process. A server has
     * one anyway; the test suite starts a hundred apps in one JVM, and each parsing every statement
     * afresh was 9 % of the suite's CPU (JFR, 8 December 2026).
     */
    private static final org.jdbi.v3.core.statement.SqlParser SQL =
            new org.jdbi.v3.core.statement.ColonPrefixSqlParser();

    /** PostgreSQL types, and every {@link DbValue} enum bound and read as its text value. */
    public static Jdbi configure(Jdbi jdbi) {
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setSqlParser(SQL);
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new DbValueMapper.Binder());
        jdbi.registerColumnMapper(new DbValueMapper());
        return jdbi;
    }

    /** Opens (starting the embedded server if configured) and migrates. Throws {@link StartupException} with a one-line reason. */
    public static Database open(Config config) {
        EmbeddedPostgres embedded = null;
        String url;
        String user = null;
        String password = null;
        if (config.embeddedDatabase()) {
            embedded = startEmbedded(
                    config.dataDir().resolve("postgres"), 0, config.ops().dbPool());
            url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
            user = "postgres";
        } else {
            JdbcUrl parsed = JdbcUrl.parse(config.databaseUrl());
            url = parsed.url();
            user = parsed.user();
            password = parsed.password();
        }
        try {
            Database db = connect(embedded, url, user, password, config.ops().dbPool());
            return embedded == null
                    ? db
                    : new Database(embedded, config.dataDir().resolve("postgres"), db.pool, url);
        } catch (RuntimeException e) {
            if (embedded != null) closeQuietly(embedded);
            throw e;
        }
    }

    /** Connects to an existing database (used by tests and tools) and migrates it. */
    public static Database connect(EmbeddedPostgres embedded, String url, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(2);
        hc.setPoolName("broadsheet");
        hc.setInitializationFailTimeout(5_000);
        // One turn of a request's wait for a connection (PatientPool waits more turns while the database is up).
        // When the database is away, new requests do not wait at all: ops/DatabaseWatch notices within about a
        // second and they get a 503 page at once.
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        hc.setValidationTimeout(250); // the check of a connection that sat idle: it must fit in one turn
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StartupException("cannot reach the database at " + redact(url) + ": " + rootMessage(e));
        }
        migrate(pool);
        return new Database(embedded, null, pool, url);
    }

    private java.sql.Connection probe;

    /**
     * Asks the database {@code select 1} on a connection of its own, outside the pool, so that a busy pool
     * never looks like a database that is away; gives up after {@code timeoutMs} without an answer. Throws
     * when the database cannot be reached (the connection is then opened afresh next time).
     */
    public synchronized void ping(java.util.concurrent.Executor timeouts, int timeoutMs) throws java.sql.SQLException {
        try {
            if (probe == null || probe.isClosed()) {
                java.util.Properties props = new java.util.Properties();
                if (pool.getUsername() != null) props.setProperty("user", pool.getUsername());
                if (pool.getPassword() != null) props.setProperty("password", pool.getPassword());
                props.setProperty("connectTimeout", String.valueOf(Math.max(1, timeoutMs / 1000)));
                props.setProperty("ApplicationName", "broadsheet-watch");
                probe = java.sql.DriverManager.getConnection(jdbcUrl, props);
            }
            probe.setNetworkTimeout(timeouts, timeoutMs);
            try (var st = probe.createStatement()) {
                st.execute("select 1");
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            closeProbe();
            throw e;
        }
    }

    private synchronized void closeProbe() {
        if (probe == null) return;
        try {
            probe.close();
        } catch (java.sql.SQLException ignored) {
            // broken already
        }
        probe = null;
    }

    /** Migrations on the class path that this database has not applied (0 after a start; more if another node's jar is newer). */
    public int pendingMigrations() {
        return Migrations.pending(pool);
    }

    /** Applies what this jar carries and the database lacks; on an up-to-date database, one statement (see {@link Migrations}). */
    public static void migrate(DataSource ds) {
        if (Migrations.pending(ds) == 0) return;
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * Whether this app started its own PostgreSQL, and that server's postmaster has gone (killed, crashed):
     * the process named by the {@code postmaster.pid} it wrote when it started (one that is stopped, say
     * by SIGSTOP, is still alive: it is waited for, not replaced).
     */
    public boolean embeddedDied() {
        if (embedded == null || embeddedDir == null) return false;
        long pid = postmasterPid;
        return pid <= 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private volatile long postmasterPid = -1;

    /** How long a restarted embedded PostgreSQL may take to accept connections (crash recovery runs first). */
    private static final java.time.Duration RESTART_WAIT = java.time.Duration.ofSeconds(60);

    private static long postmasterPid(Path dir) {
        try {
            return Long.parseLong(
                    Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Starts the embedded PostgreSQL again on the same directory and port, after {@link #embeddedDied()};
     * the pool's connections to the old one fail and are replaced by new ones. Throws {@link StartupException}
     * when it cannot start yet (the old server's sessions may still be going away): the caller tries again.
     */
    public synchronized void restartEmbedded() {
        EmbeddedPostgres old = embedded;
        if (!embeddedDied() || jvmStopping()) return;
        closeQuietly(old); // releases its hold on the directory (epg-lock)
        embedded = startEmbedded(embeddedDir, old.getPort(), pool.getMaximumPoolSize());
        postmasterPid = postmasterPid(embeddedDir);
    }

    /**
     * Whether the JVM is running its shutdown hooks: the embedded PostgreSQL's own hook stops it then,
     * and starting it again would leave a server running after this process has exited.
     */
    public static boolean jvmStopping() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static EmbeddedPostgres startEmbedded(Path dir, int port, int poolSize) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) throw new IOException("not writable");
        } catch (IOException | SecurityException e) {
            throw new StartupException(
                    "the data directory " + dir.toAbsolutePath() + " is not writable (" + e.getMessage() + ")");
        }
        OrphanPostgres.clear(dir);
        try {
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false);
            if (port != 0) builder.setPort(port).setPGStartupWait(RESTART_WAIT); // a restart, maybe on a busy machine
            embeddedSettings(poolSize).forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StartupException(
                    "cannot start the embedded PostgreSQL in " + dir.toAbsolutePath() + ": " + rootMessage(e));
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Connections as requests get them (see {@link PatientPool}). */
    public DataSource dataSource() {
        return patient;
    }

    /** The pool itself, for its figures on {@code /metrics}. */
    public HikariDataSource pool() {
        return pool;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        closeProbe();
        pool.close();
        if (embedded != null) closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException ignored) {
            // the process is going away anyway (or is gone already)
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    /** A JDBC URL with its credentials, from either a jdbc: URL or a postgres:// URL. */
    record JdbcUrl(String url, String user, String password) {
        static JdbcUrl parse(String raw) {
            if (raw.startsWith("jdbc:postgresql:")) return new JdbcUrl(raw, null, null);
            if (raw.startsWith("postgres://") || raw.startsWith("postgresql://")) {
                URI u = URI.create(raw);
                String user = null;
                String password = null;
                if (u.getUserInfo() != null) {
                    String[] parts = u.getUserInfo().split(":", 2);
                    user = parts[0];
                    password = parts.length > 1 ? parts[1] : null;
                }
                int port = u.getPort() < 0 ? 5432 : u.getPort();
                String query = u.getQuery() == null ? "" : "?" + u.getQuery();
                return new JdbcUrl(
                        "jdbc:postgresql://" + u.getHost() + ":" + port + u.getPath() + query, user, password);
            }
            throw new StartupException("DATABASE_URL must start with jdbc:postgresql: or postgres://, got: " + raw);
        }
    }
}
