package dev.modelarts.local.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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

/**
 * The database: a pooled data source, migrated to the current schema by Flyway, with Jdbi on top.
 * The same migrations and queries serve the embedded H2 file and PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DatabaseSettings settings;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.jdbi = Jdbi.create(dataSource);
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
        return new Database(new HikariDataSource(config), settings);
    }

    /** Migrates the schema to the current version; closes the pool if that fails. */
    public void migrate() {
        try {
            // several instances may start at once: Flyway takes a lock in the database
            migrate(dataSource);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Database ready: {}", settings.redactedUrl());
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
     * After a commit, before its writes are answered: with {@link DatabaseSettings#fsync()} on an
     * H2 file, forces the file to the disk device; otherwise nothing (PostgreSQL's own fsync and
     * synchronous_commit decide there).
     */
    public void afterCommit() {
        if (settings.fsync() && settings.isH2() && !settings.isInMemory()) {
            jdbi.useHandle(h -> h.execute("checkpoint sync"));
        }
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
        String url = settings.jdbcUrl();
        if (url.startsWith("jdbc:postgresql:")) {
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
