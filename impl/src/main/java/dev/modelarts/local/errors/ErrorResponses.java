package dev.modelarts.local.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.slf4j.MDC;

import dev.modelarts.local.api.model.ErrorResponse;
import dev.modelarts.local.requestid.RequestId;

/**
 * Builds the ModelArts error body: {@code {"error_code": "...", "error_msg": "..."}}, plus the
 * {@code request_id} that the API gateway's own errors ({@code APIG.*}) carry.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(ErrorCode code, String message) {
        return builder(code, message).build();
    }

    /** A builder with the status, body and type set, for callers that add headers. */
    public static Response.ResponseBuilder builder(ErrorCode code, String message) {
        ErrorResponse body = body(code, message, MDC.get(RequestId.MDC_KEY));
        return Response.status(code.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }

    /** The body alone, for the layers below JAX-RS (the HTTP codec, the edge handler). */
    public static ErrorResponse body(ErrorCode code, String message, String requestId) {
        ErrorResponse body = new ErrorResponse(code.code(), message);
        if (code.isGateways()) {
            // the API gateway's errors carry the request id in the body too
            body.setRequestId(requestId);
        }
        return body;
    }
}
