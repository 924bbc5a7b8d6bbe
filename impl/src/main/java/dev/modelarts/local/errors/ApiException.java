package dev.modelarts.local.errors;

/**
 * An error answered in the ModelArts shape: an {@link ErrorCode} (which fixes the status) and a
 * message. Thrown anywhere below the resources and rendered by {@link ApiExceptionMapper}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Object body;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param body the whole answer, when it says more than the error shape (it carries
     *        {@code error_code} and {@code error_msg} too); null for the plain error body
     */
    public ApiException(ErrorCode code, String message, Object body) {
        super(message, null, false, false);
        this.code = code;
        this.body = body;
    }

    public ErrorCode code() {
        return code;
    }

    /** The whole answer, when it is more than the error shape; null otherwise. */
    public Object body() {
        return body;
    }
}
