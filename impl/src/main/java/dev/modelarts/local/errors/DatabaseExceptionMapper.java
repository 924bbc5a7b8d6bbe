package dev.modelarts.local.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A database that cannot be reached (no connection within the pool's timeout, a connection lost:
 * SQLState class 08, or a server shutting down or starting: 57P01 to 57P03) is 503 with Retry-After, in the ModelArts shape; the server recovers
 * by itself when the database returns. Any other database error is a 500.
 */
public final class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionMapper.class);

    @Override
    public Response toResponse(JdbiException e) {
        if (isUnavailable(e)) {
            LOG.warn("Database unavailable: {}", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return ErrorResponses.builder(ErrorCode.SERVICE_UNAVAILABLE,
                            "The system is busy now: the database is unavailable. Please try again later.")
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        return UnhandledExceptionMapper.internalError(e);
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08: connection exception; 57P01-03: the server is shutting down or starting
                return true;
            }
        }
        return false;
    }
}
