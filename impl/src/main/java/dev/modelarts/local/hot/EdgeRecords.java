package dev.modelarts.local.hot;

import java.time.Clock;

import dev.modelarts.local.edge.EdgeRequest;
import dev.modelarts.local.http.AccessLine;
import dev.modelarts.local.http.RecentRequests;

/**
 * What the edge's shortcuts record of a request they answered, as Jersey's access log does
 * ({@code http.AccessLog}): the journal entry before the answer is written, so that a client that
 * has its answer finds it in the journal, and the access line once it is written.
 */
final class EdgeRecords {

    private final RecentRequests journal;
    private final Clock clock;

    /**
     * @param journal where answered requests are recorded; null when the control API is off
     * @param clock the machine's clock, for the journal's times
     */
    EdgeRecords(RecentRequests journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** The journal entry, before the answer is written; {@code body} as the journal keeps it, or null. */
    void journal(EdgeRequest view, int status, String principal, long nanos, String body) {
        if (journal != null && journal.records(view.rawPath().substring(1))) {
            journal.record(clock.millis(), view.method(), view.rawPath(), view.rawQuery(), status, view.id(), principal,
                    nanos, null, body);
        }
    }

    /** The access line, once the answer of {@code bytes} is written. */
    static void accessLine(EdgeRequest view, int status, long nanos, int bytes, String principal) {
        if (AccessLine.enabled()) {
            AccessLine.log(view.method(), view.target(), status, (nanos + 50_000) / 100_000, bytes, view.client(),
                    principal, view.agent(), null);
        }
    }
}
