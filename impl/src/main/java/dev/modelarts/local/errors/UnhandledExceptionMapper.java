package dev.modelarts.local.errors;

import org.slf4j.MDC;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import dev.modelarts.local.requestid.RequestId;

/**
 * Anything unexpected: logged once with its stack trace and request id, answered as a 500 whose
 * message carries the same request id so that an operator can find the log line.
 */
public final class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        return internalError(e);
    }

    /** Logs {@code e} with the request id and answers 500 with that id. */
    static Response internalError(Throwable e) {
        String requestId = MDC.get(RequestId.MDC_KEY);
        UnhandledErrors.log(requestId, e);
        return ErrorResponses.of(ErrorCode.INTERNAL_ERROR,
                "Internal error. Request id: " + requestId + ".");
    }
}
