package dev.modelarts.local.server;

import java.sql.SQLException;
import java.util.Optional;

import dev.modelarts.local.config.DatabaseSettings;

/**
 * A start that cannot succeed for a reason the operator can fix: its message names the cause
 * and the fix, in one line, and the launcher prints only that (no stack trace).
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** H2: the file is held by another process. */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** PostgreSQL SQLState insufficient_privilege, e.g. CREATE on schema public since PostgreSQL 15. */
    private static final String PG_INSUFFICIENT_PRIVILEGE = "42501";

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

    /** The file an H2 URL names ({@code jdbc:h2:file:/data/modelarts;...} is /data/modelarts.mv.db). */
    private static String h2File(DatabaseSettings settings) {
        String path = settings.jdbcUrl().replaceFirst("^jdbc:h2:(file:)?", "");
        int options = path.indexOf(';');
        return (options < 0 ? path : path.substring(0, options)) + ".mv.db";
    }
}
