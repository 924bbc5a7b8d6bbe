package dev.modelarts.local.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.modelarts.local.api.model.JournalEntry;

/**
 * The last {@link #capacity()} requests this instance answered, oldest first; older ones are
 * dropped. What a client under test actually sent, for the test to look at (WireMock's request
 * journal). By default it holds the API's requests only (the ModelArts operations under
 * {@code /v1/} and IAM's under {@code /v3/}), not the probes, metrics scrapes and test-control
 * calls around them; no header, and a body only when asked ({@code --journal-bodies}, masked).
 * The principal is already masked.
 */
public final class RecentRequests {

    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final boolean everyRequest;
    private final boolean bodies;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    /**
     * @param everyRequest record every request, not only the API's ({@code --journal-all})
     * @param bodies record request bodies, secrets masked ({@code --journal-bodies})
     */
    public RecentRequests(int capacity, boolean everyRequest, boolean bodies) {
        this.capacity = capacity;
        this.everyRequest = everyRequest;
        this.bodies = bodies;
    }

    /** Whether a request to {@code path} (no leading slash) goes into the journal. */
    public boolean records(String path) {
        return everyRequest || path.startsWith("v1/") || path.startsWith("v3/");
    }

    public boolean keepsBodies() {
        return bodies;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Records an answered request, from the fields both Jersey's access log and the hot reads'
     * shortcut know.
     *
     * @param path the path as sent, with its leading slash
     * @param principal the masked credential, or null
     * @param fault the fault rule that fired on it ({@code "ID ACTION"}), or null
     * @param body the body as the journal keeps it, or null
     */
    public void record(long timeMillis, String method, String path, String query, int status, String requestId,
            Object principal, long nanos, Object fault, String body) {
        String[] rule = fault instanceof String f ? f.split(" ") : null;
        record(JournalEntry.builder()
                .time(timeMillis)
                .method(method)
                .path(path)
                .query(query)
                .status(status)
                .requestId(requestId)
                .principal(principal == null ? null : principal.toString())
                .durationMs(Math.round(nanos / 100_000.0) / 10.0)
                .faultId(rule == null ? null : rule[0])
                .faultAction(rule == null ? null : rule[1])
                .body(body)
                .build());
    }

    public synchronized void record(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** Empties the journal; returns how many entries it held. */
    public synchronized int clear() {
        int size = entries.size();
        entries.clear();
        return size;
    }
}
