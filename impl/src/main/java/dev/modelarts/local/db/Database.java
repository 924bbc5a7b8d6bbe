package dev.modelarts.local.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.threads.NoWait;

/**
 * The database: a pooled data source, migrated to the current schema by Flyway, with Jdbi on top.
 * The same migrations and queries serve the embedded H2 file and PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * The newest migration under db/migration ({@code V9__...}); a test keeps it equal to the
     * files. A database already at this version is not handed to Flyway at start, which would
     * scan the jar for migrations and validate each (about 0.3 s of every start).
     */
    static final String SCHEMA_VERSION = "9";
    /** The application name of {@link #openOwnConnection()}'s connections on PostgreSQL. */
    static final String OWN_CONNECTION_NAME = "modelarts-revision-notices";

    private final HikariDataSource dataSource;
    private final DatabaseSettings settings;
    private final Jdbi jdbi;
    /** The threads this database gives no connection to while they are marked. */
    private final NoWait noWait = new NoWait();
    /** How long opening took (the first connection: for H2, the file's open and recovery). */
    private final long openedMillis;

    private Database(HikariDataSource dataSource, DatabaseSettings settings, long openedMillis) {
        this.dataSource = dataSource;
        this.settings = settings;
        // a marked thread (an I/O thread answering a hot read) is refused before the pool can make
        // it wait; an unreachable database fails the asks of the next second at once (ConnectionGate)
        ConnectionGate gate = new ConnectionGate(dataSource::getConnection, System::nanoTime);
        this.jdbi = Jdbi.create(() -> {
            noWait.check();
            return gate.connection();
        });
        this.openedMillis = openedMillis;
    }

    /**
     * Opens the pool and migrates the schema; fails if the database cannot be reached.
     *
     * <p>Pool: at most {@code poolSize} connections (16 by default), 2 kept idle; a request
     * waits at most 3 s for a connection and a validation at most 2 s, so that a lost database
     * answers 503 quickly instead of hanging; broken connections are replaced as the database
     * comes back, with no restart.
     */
    public static Database open(DatabaseSettings settings) {
        // opened outside a server (tools, tests): the pool's meters go nowhere that is scraped
        Database database = connect(settings, new SimpleMeterRegistry());
        database.migrate();
        return database;
    }

    /**
     * Opens the pool without migrating; {@link #migrate()} must run before the first query. The
     * server starts its HTTP side meanwhile.
     */
    public static Database connect(DatabaseSettings settings, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setMetricRegistry(metrics); // hikaricp_connections_* on /metrics
        config.setPoolName("modelarts-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // fail fast rather than hang when the database is gone
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        long start = System.nanoTime();
        HikariDataSource dataSource = new HikariDataSource(config); // opens the first connection
        return new Database(dataSource, settings, (System.nanoTime() - start) / 1_000_000);
    }

    /** Migrates the schema to the current version; closes the pool if that fails. */
    public void migrate() {
        long start = System.nanoTime();
        try {
            if (!SCHEMA_VERSION.equals(appliedVersion())) {
                // several instances may start at once: Flyway takes a lock in the database
                migrate(dataSource);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Database ready: {} (opened in {} ms, schema checked in {} ms){}", settings.redactedUrl(),
                openedMillis, (System.nanoTime() - start) / 1_000_000,
                settings.isPostgres() ? "; shared reads: " + settings.sharedReads() : "");
    }

    /** The newest migration Flyway applied here, or null on a new database (no history yet). */
    private String appliedVersion() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select version from flyway_schema_history"
                        + " where success order by installed_rank desc limit 1")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException noHistoryYet) {
            return null;
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * The threads that must not wait on this database: a thread {@link NoWait#mark() marked}
     * gets no connection through {@link #jdbi()} ({@link NoWait.WouldWait} instead), nor does it
     * wait for a scope's load or the writer ({@link DataLayer}).
     */
    public NoWait noWait() {
        return noWait;
    }

    /**
     * After a commit, before its writes are answered: with {@link DatabaseSettings#fsync()} on an
     * H2 file, forces the file to the disk device; otherwise nothing (PostgreSQL's own fsync and
     * synchronous_commit decide there).
     */
    public void afterCommit() {
        if (settings.fsync() && settings.isH2() && !settings.isInMemory()) {
            jdbi.useHandle(h -> h.execute("checkpoint sync"));
        }
    }

    /**
     * A connection of its own, outside the pool, for a session that lives as long as the server
     * (the LISTEN of {@code RevisionNotices}): held from the pool, it would shrink the pool by one.
     */
    Connection openOwnConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        if (settings.isPostgres()) {
            properties.setProperty("ApplicationName", OWN_CONNECTION_NAME); // pg_stat_activity's name for it
        }
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    /** Whether PostgreSQL pushes other instances' writes to this one ({@link DatabaseSettings.SharedReads}). */
    boolean readsNotified() {
        return settings.sharedReads() == DatabaseSettings.SharedReads.notified && settings.isPostgres();
    }

    /** Whether writes notify listening instances of their scopes' revisions (PostgreSQL only). */
    boolean notifiesWrites() {
        return settings.isPostgres();
    }

    /** Whether this instance is the database's only writer (an embedded H2 file). */
    public boolean isExclusive() {
        return settings.isExclusive();
    }

    /**
     * True when the database takes a write: a statement that changes nothing, rolled back. A
     * read-only H2 file (or a PostgreSQL replica) answers, but refuses it.
     */
    public boolean isWritable() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isReadOnly()) {
                return false;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("update scope_revisions set revision = revision where scope = '-readiness-'");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The kind of database, as /version names it. */
    public String kind() {
        if (settings.isPostgres()) {
            return "postgresql";
        }
        return settings.isInMemory() ? "h2-memory" : settings.isExclusive() ? "h2-file" : "h2-server";
    }

    /** True when a connection can be had and answers within two seconds. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool; close the {@link DataLayer} first, which finishes the queued writes. */
    @Override
    public void close() {
        dataSource.close();
    }
}
