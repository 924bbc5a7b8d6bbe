package dev.modelarts.local.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jdbi.v3.core.JdbiException;

/**
 * What Jersey's exception mappers answer to an exception a resource method throws, for the
 * answers given past Jersey (the edge's hot writes): the mapper Jersey would choose, the nearest
 * by type among those {@code ApiApplication} registers that such an exception can reach (a
 * refusal, a database failure, a web exception, anything else: logged once, a 500).
 */
public final class ResourceFailures {

    private static final ApiExceptionMapper REFUSALS = new ApiExceptionMapper();
    private static final DatabaseExceptionMapper DATABASE = new DatabaseExceptionMapper();
    private static final WebApplicationExceptionMapper WEB = new WebApplicationExceptionMapper();
    private static final UnhandledExceptionMapper UNHANDLED = new UnhandledExceptionMapper();

    private ResourceFailures() {
    }

    public static Response answer(Throwable e) {
        if (e instanceof ApiException refusal) {
            return REFUSALS.toResponse(refusal);
        }
        if (e instanceof JdbiException database) {
            return DATABASE.toResponse(database);
        }
        if (e instanceof WebApplicationException web) {
            return WEB.toResponse(web);
        }
        return UNHANDLED.toResponse(e);
    }
}
