package dev.modelarts.local.edge;

import java.nio.charset.StandardCharsets;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.UnhandledErrors;
import dev.modelarts.local.requestid.RequestId;

/**
 * Grizzly's error pages, as ModelArts JSON: what Grizzly itself answers after the request head
 * was read (the server stopping, a handler that failed). Grizzly's own generator writes an HTML
 * page with the Java stack trace in it.
 */
final class JsonErrorPages implements ErrorPageGenerator {

    private final RequestId requestIds;

    JsonErrorPages(RequestId requestIds) {
        this.requestIds = requestIds;
    }

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        EdgeRequest view = EdgeRequest.of(request.getRequest(), requestIds);
        String requestId = view.id();
        ErrorCode code = codeFor(status);
        String message = switch (code) {
            case SERVICE_UNAVAILABLE -> "The system is busy now: the server is stopping. Please try again later.";
            case BODY_TOO_LARGE -> "The request body is too large.";
            case INTERNAL_ERROR -> "Internal error. Request id: " + requestId + ".";
            case API_NOT_FOUND -> "The API does not exist or has not been published in the environment.";
            default -> "Bad request: " + reasonPhrase + ".";
        };
        if (status >= 500 && exception != null) {
            UnhandledErrors.log(requestId, exception);
        }
        request.getResponse().setStatus(code.status().getStatusCode());
        request.getResponse().setContentType(EdgeErrors.JSON_TYPE);
        request.getResponse().setCharacterEncoding(StandardCharsets.UTF_8.name());
        request.getResponse().setHeader(RequestId.HEADER, requestId);
        return new String(EdgeErrors.refusal(view, code, message), StandardCharsets.UTF_8);
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 404 -> ErrorCode.API_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 417 -> ErrorCode.EXPECTATION_FAILED;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }
}
