package dev.modelarts.local.edge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Optional;

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
        EdgeRequest view = view(request);
        MDC.put(RequestId.MDC_KEY, view.id());
        try {
            Optional<RequestTarget.Problem> problem = check(request, view);
            if (problem.isPresent()) {
                refuse(request, response, view, problem.get().code(), problem.get().message());
                return;
            }
            if (cors.answerPreflight(request, response)) {
                response.setHeader(RequestId.HEADER, view.id());
                EdgeErrors.logAccess(view, 204, 0, null);
                return;
            }
            cors.decorate(request, response);
            if (faults.apply(request, response, view, () -> serveLater(request, response, view.id()))) {
                return;
            }
            application.service(request, response);
        } catch (Exception e) {
            unhandled(response, view.id(), e);
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
        refuse(request, response, view(request), ErrorCode.EXPECTATION_FAILED,
                "Expectation failed: only 'Expect: 100-continue' is supported.");
        return false;
    }

    /** The edge's view of the request, and what Jersey's filters read of it: the id and the client. */
    private EdgeRequest view(Request request) {
        EdgeRequest view = EdgeRequest.of(request.getRequest(), requestIds);
        request.setAttribute(RequestId.ATTRIBUTE, view.id());
        request.setAttribute(RequestId.CLIENT_ATTRIBUTE, view.client());
        return view;
    }

    private void refuse(Request request, Response response, EdgeRequest view, ErrorCode code, String message) {
        byte[] body = EdgeErrors.refusal(view, code, message);
        EdgeErrors.write(response, code, body, view.id(), r -> cors.decorate(request, r));
    }

    private static Optional<RequestTarget.Problem> check(Request request, EdgeRequest view) {
        Optional<RequestTarget.Problem> host = checkHost(request);
        if (host.isPresent()) {
            return host;
        }
        return RequestTarget.check(view.rawPath(), view.rawQuery());
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
}
