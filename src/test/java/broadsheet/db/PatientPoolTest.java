package broadsheet.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every connection of the pool held, as under a burst of requests or while the database is away. The
 * future's timeout below is the failure signal (a request left waiting the whole {@link
 * PatientPool#PATIENCE_MS}), not a measured time.
 */
class PatientPoolTest {

    private Database db;
    private final List<Connection> held = new ArrayList<>();

    @BeforeEach
    void holdEveryConnection() throws Exception {
        db = TestDb.fresh();
        for (int i = 0; i < db.pool().getMaximumPoolSize(); i++)
            held.add(db.pool().getConnection());
    }

    @AfterEach
    void release() throws Exception {
        for (Connection c : held) c.close();
        db.close();
    }

    @Test
    void aRequestStopsWaitingForAConnectionOnceTheDatabaseIsAway() {
        AtomicBoolean up = new AtomicBoolean(true);
        db.waitForConnectionsWhile(up::get);
        // a thread of its own, not the common pool, which other test classes may keep busy
        CompletableFuture<Connection> request = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                request.complete(db.dataSource().getConnection());
            } catch (java.sql.SQLException e) {
                request.completeExceptionally(e);
            }
        });
        up.set(false);
        assertThatThrownBy(() -> request.get(PatientPool.PATIENCE_MS - 2_000, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void whileTheDatabaseIsUpARequestWaitsLongerThanOneTurnForABusyPool() throws Exception {
        db.waitForConnectionsWhile(() -> true);
        Connection freed = held.remove(0);
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(3 * Database.CONNECTION_TIMEOUT_MS); // three turns of waiting, then one is free
                freed.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }
}
