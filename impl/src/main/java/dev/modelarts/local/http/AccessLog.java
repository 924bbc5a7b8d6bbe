package dev.modelarts.local.http;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.modelarts.local.requestid.RequestId;

/**
 * One line per request, once the response is written: method, path with query, status and time
 * in milliseconds (the log pattern adds the request id). Headers are never logged (they carry
 * credentials).
 */
public final class AccessLog implements ApplicationEventListener {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to log for the application's own life cycle
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long startNanos = System.nanoTime();
        return event -> {
            if (event.getType() != RequestEvent.Type.FINISHED) {
                return;
            }
            try {
                if (LOG.isInfoEnabled()) {
                    ContainerRequest request = event.getContainerRequest();
                    ContainerResponse response = event.getContainerResponse();
                    int status = response == null ? 500 : response.getStatus();
                    String query = request.getRequestUri().getRawQuery();
                    String path = "/" + request.getPath(false) + (query == null ? "" : "?" + query);
                    // tenths of a millisecond, without String.format's cost on every request
                    long tenths = (System.nanoTime() - startNanos + 50_000) / 100_000;
                    // the request id is in the MDC, which the log pattern prints
                    LOG.info("{} {} {} {}.{} ms", request.getMethod(), path, status, tenths / 10, tenths % 10);
                }
            } finally {
                MDC.remove(RequestId.MDC_KEY);
            }
        };
    }
}
