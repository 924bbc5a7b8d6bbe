package dev.modelarts.local.http;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.MDC;

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
    private final Clock clock;

    /**
     * @param journal where every answered request is also recorded; null for none
     * @param clock the machine's clock, for the journal's times
     */
    public AccessLog(RecentRequests journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to log for the application's own life cycle
    }

    /**
     * The line's fields are read when the response filters are done, before the answer is
     * written: a response a fault rule parked (a delay) is finished by Grizzly as soon as Jersey
     * commits it, and its request may no longer be read by the time Jersey says it finished.
     */
    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long startNanos = System.nanoTime();
        return new RequestEventListener() {
            private Object[] fields;
            private AtomicLong bytes;

            @Override
            public void onEvent(RequestEvent event) {
                if (event.getType() == RequestEvent.Type.RESP_FILTERS_FINISHED) {
                    // before the answer is written, so a client that has it finds it in the journal
                    record(event, System.nanoTime() - startNanos);
                    fields = fields(event.getContainerRequest());
                    bytes = new AtomicLong();
                    event.getContainerRequest().setProperty(BodyBytes.PROPERTY, bytes);
                } else if (event.getType() == RequestEvent.Type.FINISHED) {
                    finished(event, fields == null ? fields(event.getContainerRequest()) : fields,
                            bytes == null ? 0 : bytes.get(), startNanos);
                }
            }
        };
    }

    /** Method, target, client, principal, user agent, fault. */
    private static Object[] fields(ContainerRequest request) {
        String query = request.getRequestUri().getRawQuery();
        return new Object[] {request.getMethod(), "/" + request.getPath(false) + (query == null ? "" : "?" + query),
            request.getProperty(RequestId.CLIENT_ATTRIBUTE), request.getProperty(RequestId.PRINCIPAL_ATTRIBUTE),
            request.getHeaderString("User-Agent"), request.getProperty(RequestId.FAULT_ATTRIBUTE)};
    }

    private static void finished(RequestEvent event, Object[] fields, long bytes, long startNanos) {
        try {
            if (AccessLine.enabled()) {
                AccessLine.log((String) fields[0], (String) fields[1], status(event),
                        (System.nanoTime() - startNanos + 50_000) / 100_000, bytes, fields[2], fields[3],
                        (String) fields[4], fields[5]);
            }
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    private static int status(RequestEvent event) {
        ContainerResponse response = event.getContainerResponse();
        return response == null ? 500 : response.getStatus();
    }

    private void record(RequestEvent event, long nanos) {
        ContainerRequest request = event.getContainerRequest();
        String path = request.getPath(false);
        if (journal == null || path.startsWith(JOURNAL_PATH) || !journal.records(path)) {
            return;
        }
        journal.record(clock.millis(), request.getMethod(), "/" + path,
                request.getRequestUri().getRawQuery(), status(event), RequestIds.of(request),
                request.getProperty(RequestId.PRINCIPAL_ATTRIBUTE), nanos, request.getProperty(RequestId.FAULT_ATTRIBUTE),
                request.getProperty(JournalBodies.PROPERTY) instanceof String body ? body : null);
    }
}
