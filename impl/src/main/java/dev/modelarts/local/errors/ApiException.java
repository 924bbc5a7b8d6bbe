package dev.modelarts.local.errors;

/**
 * An error answered in the ModelArts shape: an {@link ErrorCode} (which fixes the status) and a
 * message. Thrown anywhere below the resources and rendered by {@link ApiExceptionMapper}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
