package broadsheet.ops;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The database cannot be reached: the request is answered at once with a 503 page and
 * {@code Retry-After}, instead of waiting for a connection that will not come. Thrown before a
 * request starts when {@link DatabaseWatch} has seen the database go away; a request that meets a
 * lost connection on its own is answered the same way ({@link #isConnectionFailure}).
 */
public final class DatabaseAway extends RuntimeException {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseAway() {
        super("the database is not reachable", null, false, false);
    }

    /** The exception (or one of its causes) says the connection failed, not the statement. */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseAway || t instanceof SQLTransientConnectionException) return true;
            if (t instanceof org.jdbi.v3.core.ConnectionException) return true;
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) return true; // connection exceptions (SQL standard class 08)
            if (t instanceof SQLException sql && "57P01".equals(sql.getSQLState())) return true; // admin shutdown
        }
        return false;
    }
}
