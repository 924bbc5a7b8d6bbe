package dev.modelarts.local.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope revisions that PostgreSQL pushes ({@code --shared-reads notified}): one thread
 * LISTENs on {@link ScopeRevisions#CHANNEL} on a connection of its own and keeps the highest
 * revision heard of each scope, so that a listing asks the database nothing.
 *
 * <p>Why nothing is missed while listening. After each LISTEN the thread reads every scope's
 * revision on the same connection: a commit before that read is in it, a commit after the LISTEN
 * is notified, and revisions only rise, so the highest of both is never behind the database by
 * more than the notifications still on their way. While the connection is down (found by a
 * failed wait, or by a check after two quiet seconds) {@link #known()} is null and the reads ask
 * the database as in the exact mode, until the thread has listened and read again.
 *
 * <p>The thread starts at the first read, not when this is made: the server makes the data layer
 * before the schema is migrated, and the first read comes after.
 */
final class RevisionNotices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionNotices.class);
    /** How long a wait for notifications lasts; after this much quiet the connection is checked. */
    private static final int QUIET_MILLIS = 2_000;

    /** Opens the connection to listen on (not from the pool: it is held for good). */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private final Map<String, Long> view = Collections.unmodifiableMap(known);
    private final Thread listener;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean listening;
    private volatile boolean closed;
    /** Whether the loss of the connection has been told and its return not yet (the listener's own). */
    private boolean lost;
    /** The connection being listened on, closed by {@link #close()} to end a wait at once. */
    private volatile Connection current;

    RevisionNotices(Connector connector) {
        this.connector = connector;
        this.listener = new Thread(this::listenWhileOpen, "scope-revision-notices");
        listener.setDaemon(true);
    }

    /**
     * The highest revision heard of each scope, live; null while not listening (the caller then
     * asks the database). A scope absent has had no write.
     */
    Map<String, Long> known() {
        if (listening) {
            return view;
        }
        start();
        return null;
    }

    private void start() {
        if (!started.get() && started.compareAndSet(false, true) && !closed) {
            listener.start();
        }
    }

    /** Starts listening if not yet begun and waits for it, at most {@code millis}; true if listening. */
    boolean awaitListening(long millis) throws InterruptedException {
        start();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!listening && System.nanoTime() < end && !closed) {
            Thread.sleep(5);
        }
        return listening;
    }

    private void listenWhileOpen() {
        while (!closed) {
            try (Connection connection = connector.open()) {
                current = connection;
                if (closed) {
                    break;
                }
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                if (!lost) {
                    LOG.warn("Not hearing other instances' writes ({}); reads ask the database until this"
                            + " is back", e.toString());
                }
                lost = true;
            }
            listening = false;
            pause(1_000);
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + ScopeRevisions.CHANNEL);
            try (ResultSet rows = statement.executeQuery("select scope, revision from scope_revisions")) {
                while (rows.next()) {
                    heard(rows.getString(1), rows.getLong(2));
                }
            }
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening = true;
        if (lost) {
            LOG.info("Hearing other instances' writes again");
            lost = false; // the next loss is told again
        }
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(QUIET_MILLIS);
            if (notes == null || notes.length == 0) {
                if (!closed && !connection.isValid(2)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                continue;
            }
            for (PGNotification note : notes) {
                Map.Entry<String, Long> revision = ScopeRevisions.parse(note.getParameter());
                if (revision != null) {
                    heard(revision.getKey(), revision.getValue());
                }
            }
        }
    }

    private void heard(String scope, long revision) {
        known.merge(scope, revision, Math::max);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        if (!started.compareAndSet(false, true)) {
            listener.interrupt();
        }
        Connection connection = current;
        if (connection != null) {
            try {
                connection.abort(Runnable::run); // ends a wait for notifications now, not at its timeout
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            if (listener.isAlive()) {
                listener.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
