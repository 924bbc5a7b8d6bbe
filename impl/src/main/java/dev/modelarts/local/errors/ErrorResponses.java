package dev.modelarts.local.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.modelarts.local.api.model.ErrorResponse;

/** Builds the ModelArts error body: {@code {"error_code": "...", "error_msg": "..."}}. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, String errorCode, String message) {
        return builder(status, errorCode, message).build();
    }

    public static Response of(ErrorCode code, String message) {
        return of(code.status().getStatusCode(), code.code(), message);
    }

    /** A builder with the body and type set, for callers that add headers. */
    public static Response.ResponseBuilder builder(int status, String errorCode, String message) {
        ErrorResponse body = new ErrorResponse(errorCode, message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
