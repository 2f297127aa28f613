package broadsheet.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as requests see it: a request waits for a connection in short turns, for as long as the
 * database is up and at most {@link #PATIENCE_MS} in all. A busy pool on a loaded machine may keep a
 * request waiting a few seconds and that is fine; a database that has gone away must not, so after each
 * turn the request asks whether it still is up (ops/DatabaseWatch, which pings it twice a second) and
 * fails at once, with the pool's own exception, when it is not.
 */
final class PatientPool implements DataSource {

    /** The longest a request waits for a connection while the database is up. */
    static final long PATIENCE_MS = 5_000;

    private final DataSource pool;
    private final long turnMs;
    private volatile BooleanSupplier databaseUp = () -> true;

    /** {@code pool} gives up after {@code turnMs} (Hikari's connectionTimeout). */
    PatientPool(DataSource pool, long turnMs) {
        this.pool = pool;
        this.turnMs = turnMs;
    }

    void waitWhile(BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + (PATIENCE_MS - turnMs) * 1_000_000L;
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException e) {
                if (!databaseUp.getAsBoolean() || System.nanoTime() > deadline) throw e;
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(pool) || pool.isWrapperFor(type);
    }
}
