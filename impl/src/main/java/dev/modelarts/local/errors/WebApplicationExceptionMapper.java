package dev.modelarts.local.errors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own refusals (no such path, method not allowed, unsupported media type, ...) in the
 * ModelArts shape instead of Jersey's empty or HTML bodies. A response that already carries an
 * entity is the application's own and passes through unchanged.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        if (e instanceof NotFoundException) {
            return ErrorResponses.of(ErrorCode.API_NOT_FOUND,
                    "The API does not exist or has not been published in the environment.");
        }
        if (e instanceof NotAllowedException) {
            return ErrorResponses.builder(ErrorCode.METHOD_NOT_ALLOWED, "The method is not allowed for this API.")
                    .header(HttpHeaders.ALLOW, Allow.withoutOptions(original.getHeaderString(HttpHeaders.ALLOW)))
                    .build();
        }
        if (e instanceof NotSupportedException) {
            return ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Invalid Argument: the request body must be application/json.");
        }
        if (status >= 500) {
            return UnhandledExceptionMapper.internalError(e);
        }
        if (e instanceof NotAcceptableException) {
            return ErrorResponses.of(ErrorCode.NOT_ACCEPTABLE,
                    "Parameter error: Accept names no type this API answers with; it answers application/json.");
        }
        // any other refusal of Jersey's is the client's request that it cannot take
        return ErrorResponses.of(ErrorCode.MALFORMED_REQUEST,
                "Bad request: " + original.getStatusInfo().getReasonPhrase() + ".");
    }
}
