package dev.modelarts.local.db;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Asks for connections, and, once the database could not be reached, fails the asks of the next
 * second at once instead of letting each wait the pool's timeout (3 s) again.
 *
 * <p>Why: one request may ask more than once. A hot read over PostgreSQL asks for the scope
 * revisions on the revision reader, then again on a worker thread, and a read that failed at
 * the edge is read once more by Jersey: with the database down, that was three timeouts, 9 s, for
 * one 503 (DatabaseOutageIT). Now it is one, and every other request of that second is answered
 * at once rather than holding a thread for 3 s.
 *
 * <p>Only a database that cannot be reached opens the gate (the pool's timeout caused by a
 * refused or broken connection: SQLState class 08, a server shutting down or starting, a refused
 * socket); a pool that is merely busy, whose timeout has no such cause, does not. The gate
 * closes at the first connection had after its second.
 */
final class ConnectionGate {

    /** How long after a failed ask the next ones fail without asking. */
    static final long CLOSED_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Where connections come from (the pool). */
    @FunctionalInterface
    interface Source {
        Connection get() throws SQLException;
    }

    private final Source source;
    private final LongSupplier nanoTime;
    /** When an ask last found the database unreachable; valid while {@link #unreachable}. */
    private volatile long failedAt;
    private volatile boolean unreachable;

    /** @param nanoTime the machine's monotonic time ({@code System::nanoTime}; a test's own) */
    ConnectionGate(Source source, LongSupplier nanoTime) {
        this.source = source;
        this.nanoTime = nanoTime;
    }

    Connection connection() throws SQLException {
        if (unreachable) {
            long since = nanoTime.getAsLong() - failedAt;
            if (since < CLOSED_NANOS) {
                throw new SQLTransientConnectionException("The database could not be reached "
                        + TimeUnit.NANOSECONDS.toMillis(since) + " ms ago; not asked again yet", "08001");
            }
        }
        try {
            Connection connection = source.get();
            unreachable = false;
            return connection;
        } catch (SQLException e) {
            if (unreachable(e)) {
                failedAt = nanoTime.getAsLong();
                unreachable = true;
            }
            throw e;
        }
    }

    /** Whether the failure, or what caused it, says the database cannot be reached. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
