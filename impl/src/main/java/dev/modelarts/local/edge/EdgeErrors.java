package dev.modelarts.local.edge;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.ErrorResponses;
import dev.modelarts.local.http.AccessLine;
import dev.modelarts.local.http.JsonMapperProvider;
import dev.modelarts.local.requestid.RequestId;

/**
 * The ModelArts error body for the layers below JAX-RS: the same JSON, the same headers and the
 * same access line as Jersey's answers, so a client cannot tell which layer refused it.
 */
final class EdgeErrors {

    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = JsonMapperProvider.createMapper();

    private EdgeErrors() {
    }

    static byte[] body(ErrorCode code, String message, String requestId) {
        try {
            return JSON.writeValueAsBytes(ErrorResponses.body(code, message, requestId));
        } catch (JsonProcessingException e) {
            // a two-string object always serialises; keep the answer JSON whatever happens
            return ("{\"error_code\":\"" + code.code() + "\",\"error_msg\":\"Internal error.\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Writes the error as the whole answer of a request that Grizzly has parsed. */
    static int write(Response response, ErrorCode code, String message, String requestId) {
        return write(response, code, message, requestId, r -> { });
    }

    /**
     * The same, with {@code headers} adding its own (CORS) after the reset, before the body
     * commits the head; returns the body's length, for the access line.
     */
    static int write(Response response, ErrorCode code, String message, String requestId, Consumer<Response> headers) {
        byte[] body = body(code, message, requestId);
        response.reset();
        response.setStatus(code.status().getStatusCode());
        response.setContentType(JSON_TYPE);
        response.setHeader(RequestId.HEADER, requestId);
        headers.accept(response);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (java.io.IOException e) {
            // the client has gone; there is no one left to answer
        }
        return body.length;
    }

    /**
     * The access line of an answer that never reached Jersey (which logs its own), with the same
     * fields; its time is not measured ("-") and it has no principal.
     */
    static void logAccess(HttpRequestPacket request, String method, String target, int status, long bytes,
            String requestId) {
        logAccess(request, method, target, status, bytes, requestId, null);
    }

    /** The same, naming the fault rule that fired on the request ({@code "ID ACTION"}). */
    static void logAccess(HttpRequestPacket request, String method, String target, int status, long bytes,
            String requestId, Object fault) {
        if (AccessLine.enabled()) {
            String outer = MDC.get(RequestId.MDC_KEY);
            MDC.put(RequestId.MDC_KEY, requestId);
            try {
                AccessLine.log(method, target, status, -1, bytes, request.getRemoteAddress(),
                        null, request.getHeader(Header.UserAgent), fault);
            } finally {
                if (outer == null) {
                    MDC.remove(RequestId.MDC_KEY);
                } else {
                    MDC.put(RequestId.MDC_KEY, outer);
                }
            }
        }
    }
}
