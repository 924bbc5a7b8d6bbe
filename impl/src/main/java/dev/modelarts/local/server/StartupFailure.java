package dev.modelarts.local.server;

import java.sql.SQLException;
import java.util.Optional;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.config.H2Url;

/**
 * A start that cannot succeed for a reason the operator can fix: its message names the cause
 * and the fix, in one line, and the launcher prints only that (no stack trace).
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** H2: the file is held by another process. */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** H2: the user or password is not the one the database was made with. */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    /**
     * H2: a schema not found; as {@code Schema "PUBLIC"} while the file opens, the file was made
     * without DATABASE_TO_LOWER (its names in capitals), by another program or other settings.
     */
    private static final int H2_SCHEMA_NOT_FOUND = 90079;
    /** PostgreSQL SQLState insufficient_privilege, e.g. CREATE on schema public since PostgreSQL 15. */
    private static final String PG_INSUFFICIENT_PRIVILEGE = "42501";
    /** PostgreSQL SQLStates: wrong password; no such role or no pg_hba.conf entry; no such database. */
    private static final String PG_INVALID_PASSWORD = "28P01";
    private static final String PG_INVALID_AUTHORIZATION = "28000";
    private static final String PG_NO_SUCH_DATABASE = "3D000";

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The operator's version of a database failure at start; the failure itself when it is not one known. */
    static RuntimeException explained(RuntimeException failure, DatabaseSettings settings) {
        return explain(failure, settings).map(RuntimeException.class::cast).orElse(failure);
    }

    private static Optional<StartupFailure> explain(RuntimeException failure, DatabaseSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_DATABASE_IN_USE && settings.isH2()) {
                    return Optional.of(new StartupFailure("the H2 file " + h2File(settings)
                            + " is in use by another server (an H2 file takes one process); stop that server,"
                            + " give this one another --data-dir, or run several instances over PostgreSQL", failure));
                }
                if (sql.getErrorCode() == H2_WRONG_USER_OR_PASSWORD && settings.isH2()) {
                    return Optional.of(new StartupFailure("the H2 database " + h2Name(settings) + " refused user "
                            + settings.user() + ": wrong user name or password (an H2 database keeps the user it was"
                            + " made with; this server makes its files with user sa and an empty password); give"
                            + " them with --db-user and --db-password", failure));
                }
                if (sql.getErrorCode() == H2_SCHEMA_NOT_FOUND && settings.isH2()
                        && String.valueOf(sql.getMessage()).startsWith("Schema \"PUBLIC\" not found")) {
                    return Optional.of(new StartupFailure("the H2 database " + h2Name(settings) + " was not made by"
                            + " this server (its names are in capitals: made without DATABASE_TO_LOWER=TRUE, which"
                            + " this server's SQL needs); give this server a file of its own (another --data-dir, or"
                            + " another file in --db-url)",
                            failure));
                }
                if (!settings.isH2() && connection(sql, settings).isPresent()) {
                    return Optional.of(new StartupFailure(connection(sql, settings).get(), failure));
                }
                if (PG_INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState()) && !settings.isH2()) {
                    return Optional.of(new StartupFailure("PostgreSQL user " + settings.user()
                            + " may not create the schema's tables (" + sql.getMessage().lines().findFirst().orElse("")
                            + "); since PostgreSQL 15 only the database's owner may create in schema public:"
                            + " ALTER DATABASE <name> OWNER TO " + settings.user(), failure));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why PostgreSQL could not be reached or refused this server, naming the host, user or
     * database and what to change; empty for a failure that is not one of these.
     */
    private static Optional<String> connection(SQLException sql, DatabaseSettings settings) {
        PostgresUrl url = PostgresUrl.parse(settings.jdbcUrl());
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String reason = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
        if (state.equals(PG_INVALID_PASSWORD)) {
            return Optional.of("PostgreSQL at " + url.address() + " refused user " + settings.user()
                    + ": wrong password; give the right one with --db-password or MODELARTS_DB_PASSWORD");
        }
        if (state.equals(PG_INVALID_AUTHORIZATION)) {
            return Optional.of("PostgreSQL at " + url.address() + " refused user " + settings.user() + " (" + reason
                    + "); check --db-user, or the server's pg_hba.conf for this host");
        }
        if (state.equals(PG_NO_SUCH_DATABASE)) {
            return Optional.of("PostgreSQL at " + url.address() + " has no database " + url.database()
                    + "; create it (CREATE DATABASE " + url.database() + " OWNER " + settings.user()
                    + ") or name another in --db-url");
        }
        if (state.startsWith("08")) {
            for (Throwable cause = sql; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.UnknownHostException) {
                    return Optional.of("the PostgreSQL host " + url.host() + " is not known (no such name);"
                            + " check the host in --db-url");
                }
                if (cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException) {
                    return Optional.of("cannot connect to PostgreSQL at " + url.address() + " (" + cause.getMessage()
                            + "); is PostgreSQL running and listening there? check the host and port in --db-url");
                }
            }
            return Optional.of("cannot connect to PostgreSQL at " + url.address() + " (" + reason
                    + "); check the host and port in --db-url");
        }
        return Optional.empty();
    }

    /**
     * The file of an embedded H2 URL, a database in memory by its name, or a server's URL without
     * its settings (which may hold a password).
     */
    private static String h2Name(DatabaseSettings settings) {
        String url = withoutSettings(settings.jdbcUrl());
        if (settings.isInMemory()) {
            return "in memory " + url;
        }
        return H2Url.isRemote(url) ? url : h2File(settings);
    }

    /** The file an H2 URL names ({@code jdbc:h2:file:/data/modelarts;...} is /data/modelarts.mv.db). */
    private static String h2File(DatabaseSettings settings) {
        return withoutSettings(settings.jdbcUrl()).replaceFirst("^jdbc:h2:(file:)?", "") + ".mv.db";
    }

    /** An H2 URL up to its first {@code ;KEY=VALUE} setting. */
    private static String withoutSettings(String url) {
        int options = url.indexOf(';');
        return options < 0 ? url : url.substring(0, options);
    }
}
