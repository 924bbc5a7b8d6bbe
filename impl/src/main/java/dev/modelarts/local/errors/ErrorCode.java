package dev.modelarts.local.errors;

import jakarta.ws.rs.core.Response.Status;

/**
 * Every error this server answers with: the code as the real service and its gateway spell it,
 * and the status that goes with it (docs/api-reference.md, "Errors"). Nothing names an error
 * any other way.
 */
public enum ErrorCode {
    /** A query, path or body parameter is invalid. */
    PARAMETER_ERROR("ModelArts.0104", Status.BAD_REQUEST),
    /** The request body is not valid JSON. */
    INVALID_JSON("ModelArts.4105", Status.BAD_REQUEST),
    /** The body as a whole is not what the operation takes (missing, or not an object). */
    INVALID_PAYLOAD("ModelArts.6400", Status.BAD_REQUEST),
    /** A required body field is missing. */
    FIELD_REQUIRED("ModelArts.6335", Status.BAD_REQUEST),
    /** A body field has a wrong type, an unknown enum value or breaks its rule. */
    FIELD_INVALID("ModelArts.6336", Status.BAD_REQUEST),
    /** The Content-Type is not JSON, or cannot be read. */
    UNSUPPORTED_MEDIA_TYPE("ModelArts.0101", Status.UNSUPPORTED_MEDIA_TYPE),
    /** Accept names no type this server writes (it writes JSON). */
    NOT_ACCEPTABLE("ModelArts.0104", Status.NOT_ACCEPTABLE),
    /** The body is larger than the server takes. */
    BODY_TOO_LARGE("ModelArts.4104", Status.REQUEST_ENTITY_TOO_LARGE),
    /** ListImage's sort_key names a field that does not sort. */
    SORT_NOT_SUPPORTED("ModelArts.6303", Status.BAD_REQUEST),
    /** No such image or group for this project: the real service answers 400, not 404. */
    NOT_FOUND("ModelArts.6404", Status.BAD_REQUEST),
    /** The image already has this tag. */
    DUPLICATE_TAG("ModelArts.6737", Status.BAD_REQUEST),
    /** The operation is not allowed on this resource (BUILD_IN images), or for this credential. */
    NOT_AUTHORIZED("ModelArts.0108", Status.FORBIDDEN),
    /** No credential at all. */
    NO_CREDENTIAL("ModelArts.0201", Status.UNAUTHORIZED),
    /** An unknown token. */
    TOKEN_INVALID("ModelArts.0203", Status.UNAUTHORIZED),
    /** A token that cannot be a token. */
    TOKEN_MALFORMED("ModelArts.0204", Status.UNAUTHORIZED),
    /** An AK/SK signature that does not verify (unknown AK, bad signature, missing or stale date). */
    SIGNATURE_REFUSED("APIG.0301", Status.UNAUTHORIZED),
    /** The credential is not bound to the path's project. */
    PROJECT_MISMATCH("ModelArts.0210", Status.FORBIDDEN),
    /** No API at this path: the API gateway's answer. */
    API_NOT_FOUND("APIG.0101", Status.NOT_FOUND),
    /** The path exists, the method does not (with Allow): the gateway's code, the HTTP status. */
    METHOD_NOT_ALLOWED("APIG.0101", Status.METHOD_NOT_ALLOWED),
    /**
     * A request the gateway cannot take: a malformed request line or header, a request target
     * that is not valid percent-encoded UTF-8, a bad Host. The gateway's "API request error".
     */
    MALFORMED_REQUEST("APIG.0201", Status.BAD_REQUEST),
    /** The request line is longer than the server reads. */
    REQUEST_LINE_TOO_LONG("APIG.0201", Status.REQUEST_URI_TOO_LONG),
    /** The header section is larger, or has more fields, than the server reads. */
    HEADERS_TOO_LARGE("APIG.0201", Status.REQUEST_HEADER_FIELDS_TOO_LARGE),
    /** An Expect header other than 100-continue. */
    EXPECTATION_FAILED("APIG.0201", Status.EXPECTATION_FAILED),
    /** The database does not answer, or the server is stopping: try again later. */
    SERVICE_UNAVAILABLE("ModelArts.6101", Status.SERVICE_UNAVAILABLE),
    /**
     * A request verification of the test-control API that does not hold: this server's own code
     * ({@code /_modelarts/} is not the real service's), the answer carrying what was found.
     */
    VERIFICATION_FAILED("ModelArts.0409", Status.CONFLICT),
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

    /** The API gateway's codes ({@code APIG.*}), whose bodies also carry the request id. */
    public boolean isGateways() {
        return code.startsWith("APIG.");
    }
}
