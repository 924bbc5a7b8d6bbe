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

import dev.modelarts.local.api.model.JournalEntry;

import dev.modelarts.local.requestid.RequestId;

/**
 * One line per request, once the response is written: method, path with query, status, time in
 * milliseconds, body bytes (counted by {@link BodyBytes}), client address, principal
 * (masked token or access key, "-" before authentication) and user agent; the log pattern adds
 * the request id. No other header is logged (they carry credentials).
 */
public final class AccessLog implements ApplicationEventListener {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    /** The journal's own path: reading the journal is not recorded in it. */
    private static final String JOURNAL_PATH = "_modelarts/requests";
    private static final int MAX_AGENT = 128;

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
                if (LOG.isInfoEnabled()) {
                    ContainerRequest request = event.getContainerRequest();
                    String query = request.getRequestUri().getRawQuery();
                    // tenths of a millisecond, without String.format's cost on every request;
                    // the request id is in the MDC, which the log pattern prints
                    long tenths = (System.nanoTime() - startNanos + 50_000) / 100_000;
                    Object bytes = request.getProperty(BodyBytes.PROPERTY);
                    LOG.info("{} /{}{} {} {}.{} ms {} B client={} principal={} agent=\"{}\"", request.getMethod(),
                            request.getPath(false), query == null ? "" : "?" + query, status(event), tenths / 10,
                            tenths % 10, bytes == null ? 0 : bytes, orDash(request.getProperty(RequestId.CLIENT_ATTRIBUTE)),
                            orDash(request.getProperty(RequestId.PRINCIPAL_ATTRIBUTE)),
                            printable(request.getHeaderString("User-Agent")));
                }
            } finally {
                MDC.remove(RequestId.MDC_KEY);
            }
        };
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }

    /**
     * The user agent as the client sent it, cut to 128 characters, with anything that could
     * forge a line or a field (control characters, quotes, backslashes) replaced by '?'.
     */
    static String printable(String agent) {
        if (agent == null) {
            return "-";
        }
        String cut = agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent;
        StringBuilder out = new StringBuilder(cut.length());
        cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f || c == '"' || c == '\\' ? '?' : (char) c));
        return out.toString();
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
