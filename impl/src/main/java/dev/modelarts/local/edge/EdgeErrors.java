package dev.modelarts.local.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.glassfish.grizzly.http.server.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.ErrorResponses;
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

    /**
     * The one way the edge refuses a request: the ModelArts error body for it, with the access
     * line of the answer logged; the caller writes the bytes as its layer writes (a response, an
     * error page, the codec's content).
     */
    static byte[] refusal(EdgeRequest view, ErrorCode code, String message) {
        byte[] body = body(code, message, view.id());
        view.logAccess(code.status().getStatusCode(), body.length, null);
        return body;
    }

    /**
     * Writes {@code body} as the whole answer of a request Grizzly has parsed, {@code headers}
     * adding its own (CORS) after the reset, before the body commits the head.
     */
    static void write(Response response, ErrorCode code, byte[] body, String requestId, Consumer<Response> headers) {
        response.reset();
        response.setStatus(code.status().getStatusCode());
        response.setContentType(JSON_TYPE);
        response.setHeader(RequestId.HEADER, requestId);
        headers.accept(response);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // the client has gone; there is no one left to answer
        }
    }
}
