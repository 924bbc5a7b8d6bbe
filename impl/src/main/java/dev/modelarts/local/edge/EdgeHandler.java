package dev.modelarts.local.edge;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.threadpool.Threads;
import org.slf4j.MDC;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.UnhandledErrors;
import dev.modelarts.local.http.RequestTarget;
import dev.modelarts.local.requestid.RequestId;
import dev.modelarts.local.threads.NoWait;

/**
 * The first handler every parsed request meets, in front of the application (Jersey). It gives
 * the request its id, refuses what Jersey would fail on (a target or Host that
 * {@link RequestTarget} rejects, an Expect it cannot meet) with a ModelArts answer, answers CORS
 * preflights, lets the {@link Interception} take the request, then the {@link Shortcut} answer
 * it (the hot reads), and turns anything the
 * application throws past its own error handling into a logged 500 with the request id, never
 * Grizzly's HTML page.
 *
 * <p>Where a request is served. Grizzly reads and parses requests on its I/O (selector)
 * threads and, by default, hands each to a worker thread. A GET without a body that the
 * shortcut may answer from memory ({@link Shortcut#answersInPlace()}), while no interception
 * would take anything, stays on the I/O thread: the handoff (a queue, a wake-up, a second
 * thread's caches) cost as much as the answer itself (BENCHMARKS.md, "The hot reads on the I/O
 * thread"). If the shortcut leaves it there, having found it would wait, the request is
 * suspended and served on a worker thread as any other; if what it would wait for needs no
 * thread waiting (PostgreSQL's scope revisions, read for many requests at once), it is asked
 * again, still in place, on its own I/O thread once that step is done ({@link ConnectionThread}).
 */
final class EdgeHandler extends HttpHandler {

    private final HttpHandler application;
    private final Cors cors;
    private final Interception interception;
    private final Shortcut shortcut;
    private final RequestId requestIds;
    /**
     * No executor (the I/O thread) for a request answered in place, Grizzly's workers for the
     * rest. Grizzly asks on the thread that parsed the request, which is not always an I/O
     * thread: a request pipelined behind one a worker answered is parsed when that worker resumes
     * the response, and must not be taken for one on the I/O thread. (Grizzly's own
     * WorkerThreadProvider names no executor to such a thread.)
     */
    private final RequestExecutorProvider executors =
            request -> Threads.isService() && inPlace(request) ? null : workerPool(request);

    EdgeHandler(HttpHandler application, Cors cors, Interception interception, Shortcut shortcut,
            RequestId requestIds) {
        super("modelarts-edge");
        this.application = application;
        this.cors = cors;
        this.interception = interception;
        this.shortcut = shortcut;
        this.requestIds = requestIds;
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
    }

    /** A GET with no body that the shortcut may answer from memory and nothing would intercept. */
    private boolean inPlace(Request request) {
        return request.getMethod() == Method.GET && request.getContentLengthLong() <= 0 && !request.getRequest().isChunked()
                && shortcut.answersInPlace() && interception.idle();
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
        boolean inPlace = Threads.isService(); // only a request that inPlace() let stay
        MDC.put(RequestId.MDC_KEY, view.id());
        try {
            Optional<RequestTarget.Problem> problem = RequestTarget.checkHost(request.getHeaders(Header.Host.toString()),
                    request.getScheme(), () -> new RequestTarget.Authority(request.getServerName(), request.getServerPort()))
                    .or(() -> RequestTarget.check(view.rawPath(), view.rawQuery()));
            if (problem.isPresent()) {
                refuse(request, response, view, problem.get().code(), problem.get().message());
            } else if (cors.answerPreflight(request, response)) {
                response.setHeader(RequestId.HEADER, view.id());
                view.logAccess(204, 0, null);
            } else {
                cors.decorate(request, response);
                if (interception.intercept(request, response, view, () -> serveLater(request, response, view, false))) {
                    return;
                }
                if (!inPlace) {
                    if (!shortcut.answer(request, response, view, false)) {
                        application.service(request, response);
                    }
                    return;
                }
                NoWait.Later later = null;
                try {
                    if (shortcut.answer(request, response, view, true)) {
                        return;
                    }
                } catch (NoWait.WouldWait wait) {
                    later = wait.later();
                }
                response.suspend();
                Executor connectionThread = later == null ? null : ConnectionThread.of(request);
                if (connectionThread != null) {
                    later.then(() -> answerAfter(request, response, view), connectionThread);
                } else {
                    handOff(request, response, view);
                }
            }
        } catch (Exception e) {
            unhandled(response, view.id(), e);
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    /**
     * A suspended request whose answer waited for a step done without a thread waiting for it,
     * asked again on its I/O thread (or, if that one has stopped, the thread that did the step),
     * which must not wait either; handed to a worker thread if it still would.
     */
    private void answerAfter(Request request, Response response, EdgeRequest view) {
        MDC.put(RequestId.MDC_KEY, view.id());
        try {
            if (shortcut.answer(request, response, view, true)) {
                response.resume();
                return;
            }
        } catch (NoWait.WouldWait stillWould) {
            // a second step (a scope's load, a row not kept): a worker waits for it
        } catch (Exception e) {
            unhandled(response, view.id(), e);
            response.resume();
            return;
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
        handOff(request, response, view);
    }

    /** A suspended request the shortcut left: a worker thread asks it again, then the application. */
    private void handOff(Request request, Response response, EdgeRequest view) {
        try {
            workerPool(request).execute(() -> serveLater(request, response, view, true));
        } catch (RuntimeException e) { // the pool refused it: shut down
            unhandled(response, view.id(), e);
            response.resume();
        }
    }

    /** The worker threads of the request's transport, from whichever thread asks. */
    private static Executor workerPool(Request request) {
        return request.getContext().getConnection().getTransport().getWorkerThreadPool();
    }

    /**
     * A suspended request, served now on a worker thread by the application (Jersey's container
     * resumes the response): one the interception delayed, whose access line names the fault
     * rule, or one the shortcut left on the I/O thread ({@code shortcutFirst}), which it is asked
     * for again.
     */
    private void serveLater(Request request, Response response, EdgeRequest view, boolean shortcutFirst) {
        String requestId = view.id();
        MDC.put(RequestId.MDC_KEY, requestId);
        try {
            if (shortcutFirst && shortcut.answer(request, response, view, false)) {
                response.resume();
            } else {
                application.service(request, response);
            }
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
            ErrorCode code = ErrorCode.INTERNAL_ERROR;
            EdgeErrors.write(response, code, EdgeErrors.body(code, "Internal error. Request id: " + requestId + ".", requestId),
                    requestId, r -> { });
        }
    }

    /**
     * Grizzly asks before reading a body sent with {@code Expect}; only 100-continue is met.
     * (An override: Grizzly's hook for this is this method only.)
     */
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
        EdgeErrors.write(response, code, EdgeErrors.refusal(view, code, message), view.id(), r -> cors.decorate(request, r));
    }
}
