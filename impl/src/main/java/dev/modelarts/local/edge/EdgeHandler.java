package dev.modelarts.local.edge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.MDC;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.UnhandledErrors;
import dev.modelarts.local.requestid.RequestId;

/**
 * The first handler every parsed request meets, in front of the application (Jersey). It gives
 * the request its id, refuses what Jersey would fail on (a request target that is not valid
 * percent-encoded UTF-8 as RFC 3986 spells it, a bad or repeated Host, an Expect it cannot meet)
 * with a ModelArts answer, and turns anything the application throws past its own error
 * handling into a logged 500 with the request id, never Grizzly's HTML page.
 */
final class EdgeHandler extends HttpHandler {

    private final HttpHandler application;
    private final Cors cors;
    private final FaultActions faults;
    private final RequestId requestIds;

    EdgeHandler(HttpHandler application, Cors cors, FaultActions faults, RequestId requestIds) {
        super("modelarts-edge");
        this.application = application;
        this.cors = cors;
        this.faults = faults;
        this.requestIds = requestIds;
    }

    @Override
    public void start() {
        application.start();
    }

    @Override
    public void destroy() {
        application.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String requestId = requestId(request);
        MDC.put(RequestId.MDC_KEY, requestId);
        try {
            Optional<RequestTarget.Problem> problem = check(request);
            if (problem.isPresent()) {
                refuse(request, response, problem.get().code(), problem.get().message(), requestId);
                return;
            }
            if (cors.answerPreflight(request, response)) {
                response.setHeader(RequestId.HEADER, requestId);
                EdgeErrors.logAccess(request.getRequest(), "OPTIONS", rawTarget(request.getRequest()), 204, 0, requestId);
                return;
            }
            cors.decorate(request, response);
            request.setAttribute(RequestId.CLIENT_ATTRIBUTE, request.getRemoteAddr());
            if (faults.apply(request, response, requestId, () -> serveLater(request, response, requestId))) {
                return;
            }
            application.service(request, response);
        } catch (Exception e) {
            unhandled(response, requestId, e);
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    /** A request a fault rule delayed, served now on a worker thread; Jersey resumes the response. */
    private void serveLater(Request request, Response response, String requestId) {
        MDC.put(RequestId.MDC_KEY, requestId);
        try {
            application.service(request, response);
        } catch (Exception e) {
            unhandled(response, requestId, e);
            if (response.isSuspended()) {
                response.resume();
            }
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    private static void unhandled(Response response, String requestId, Exception e) {
        UnhandledErrors.log(requestId, e);
        if (!response.isCommitted()) {
            EdgeErrors.write(response, ErrorCode.INTERNAL_ERROR, "Internal error. Request id: " + requestId + ".", requestId);
        }
    }

    /** Grizzly asks before reading a body sent with {@code Expect}; only 100-continue is met. */
    @Override
    protected boolean sendAcknowledgment(Request request, Response response) throws IOException {
        if ("100-continue".equalsIgnoreCase(request.getHeader(Header.Expect))) {
            return super.sendAcknowledgment(request, response);
        }
        refuse(request, response, ErrorCode.EXPECTATION_FAILED,
                "Expectation failed: only 'Expect: 100-continue' is supported.", requestId(request));
        return false;
    }

    private String requestId(Request request) {
        if (request.getAttribute(RequestId.ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = requestIds.from(request.getHeader(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, id);
        return id;
    }

    private void refuse(Request request, Response response, ErrorCode code, String message, String requestId) {
        int bytes = EdgeErrors.write(response, code, message, requestId, r -> cors.decorate(request, r));
        EdgeErrors.logAccess(request.getRequest(), request.getMethod().getMethodString(), rawTarget(request.getRequest()),
                code.status().getStatusCode(), bytes, requestId);
    }

    private static Optional<RequestTarget.Problem> check(Request request) {
        HttpRequestPacket packet = request.getRequest();
        Optional<RequestTarget.Problem> host = checkHost(request);
        if (host.isPresent()) {
            return host;
        }
        String rawPath = packet.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1);
        String rawQuery = packet.getQueryStringDC().isNull() ? null
                : packet.getQueryStringDC().toString(StandardCharsets.ISO_8859_1);
        return RequestTarget.check(rawPath, rawQuery);
    }

    /**
     * One Host, naming a host the way a URI can (RFC 9112, section 3.2); Jersey builds the request's
     * base URI from it and fails with a 500 on anything else.
     */
    private static Optional<RequestTarget.Problem> checkHost(Request request) {
        Iterator<String> hosts = request.getHeaders(Header.Host.toString()).iterator();
        if (!hosts.hasNext()) {
            return Optional.empty(); // HTTP/1.0; HTTP/1.1 without Host never gets here
        }
        String host = hosts.next();
        if (hosts.hasNext()) {
            return badHost("Bad request: the request has more than one Host header.");
        }
        if (host.isEmpty()) {
            return badHost("Bad request: the Host header is empty.");
        }
        try {
            new URI(request.getScheme(), null, request.getServerName(), request.getServerPort(), "/", null, null)
                    .parseServerAuthority();
            if (request.getServerName() == null || request.getServerName().isEmpty()) {
                return badHost("Bad request: the Host header names no host.");
            }
        } catch (URISyntaxException | RuntimeException e) {
            return badHost("Bad request: the Host header is not a valid host[:port].");
        }
        return Optional.empty();
    }

    private static Optional<RequestTarget.Problem> badHost(String message) {
        return Optional.of(new RequestTarget.Problem(ErrorCode.MALFORMED_REQUEST, message));
    }

    private static String rawTarget(HttpRequestPacket packet) {
        String path = packet.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1);
        return packet.getQueryStringDC().isNull() ? path
                : path + "?" + packet.getQueryStringDC().toString(StandardCharsets.ISO_8859_1);
    }
}
