package dev.modelarts.local.errors;

/**
 * An error answered in the ModelArts shape. Thrown anywhere below the resources and rendered by
 * {@link ApiExceptionMapper}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    public ApiException(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public ApiException(ErrorCode code, String message) {
        this(code.status().getStatusCode(), code.code(), message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
