package dev.modelarts.local.http;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.MDC;

import dev.modelarts.local.api.model.JournalEntry;

import dev.modelarts.local.requestid.RequestId;

/**
 * One {@link AccessLine} per request, once the response is written, with the body bytes counted
 * by {@link BodyBytes}; and the request in the journal. No other header than the user agent is
 * logged (they carry credentials).
 */
public final class AccessLog implements ApplicationEventListener {

    /** The journal's own path: reading the journal is not recorded in it. */
    private static final String JOURNAL_PATH = "_modelarts/requests";

    private final RecentRequests journal;

    /** @param journal where every answered request is also recorded; null for none */
    public AccessLog(RecentRequests journal) {
        this.journal = journal;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to log for the application's own life cycle
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long startNanos = System.nanoTime();
        return event -> {
            if (event.getType() == RequestEvent.Type.RESP_FILTERS_FINISHED) {
                // before the answer is written, so a client that has it finds it in the journal
                record(event, System.nanoTime() - startNanos);
                return;
            }
            if (event.getType() != RequestEvent.Type.FINISHED) {
                return;
            }
            try {
                if (AccessLine.enabled()) {
                    ContainerRequest request = event.getContainerRequest();
                    String query = request.getRequestUri().getRawQuery();
                    Object bytes = request.getProperty(BodyBytes.PROPERTY);
                    AccessLine.log(request.getMethod(), "/" + request.getPath(false) + (query == null ? "" : "?" + query),
                            status(event), (System.nanoTime() - startNanos + 50_000) / 100_000,
                            bytes instanceof Long count ? count : 0, request.getProperty(RequestId.CLIENT_ATTRIBUTE),
                            request.getProperty(RequestId.PRINCIPAL_ATTRIBUTE), request.getHeaderString("User-Agent"));
                }
            } finally {
                MDC.remove(RequestId.MDC_KEY);
            }
        };
    }

    private static int status(RequestEvent event) {
        ContainerResponse response = event.getContainerResponse();
        return response == null ? 500 : response.getStatus();
    }

    private void record(RequestEvent event, long nanos) {
        ContainerRequest request = event.getContainerRequest();
        if (journal == null || JOURNAL_PATH.equals(request.getPath(false))) {
            return;
        }
        Object principal = request.getProperty(RequestId.PRINCIPAL_ATTRIBUTE);
        journal.record(JournalEntry.builder()
                .time(System.currentTimeMillis())
                .method(request.getMethod())
                .path("/" + request.getPath(false))
                .query(request.getRequestUri().getRawQuery())
                .status(status(event))
                .requestId(RequestIds.of(request))
                .principal(principal == null ? null : principal.toString())
                .durationMs(Math.round(nanos / 100_000.0) / 10.0)
                .build());
    }
}
