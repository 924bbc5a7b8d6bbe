package dev.modelarts.local.errors;

import jakarta.ws.rs.core.Response.Status;

/**
 * The error codes this server answers with, as the real service and its gateway spell them
 * (reference §5).
 */
public enum ErrorCode {
    /** A query, path or body parameter is invalid. */
    PARAMETER_ERROR("ModelArts.0104", Status.BAD_REQUEST),
    /** The request body is not valid JSON. */
    INVALID_JSON("ModelArts.4105", Status.BAD_REQUEST),
    /** No API at this path and method: the API gateway's answer. */
    API_NOT_FOUND("APIG.0101", Status.NOT_FOUND),
    /** Any error of the server itself; the message carries the request id. */
    INTERNAL_ERROR("ModelArts.0010", Status.INTERNAL_SERVER_ERROR);

    private final String code;
    private final Status status;

    ErrorCode(String code, Status status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public Status status() {
        return status;
    }
}
