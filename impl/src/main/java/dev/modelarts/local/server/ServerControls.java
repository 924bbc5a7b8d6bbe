package dev.modelarts.local.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.JournalEntry;
import dev.modelarts.local.api.model.RequestCheck;
import dev.modelarts.local.api.model.RequestCheckFailure;
import dev.modelarts.local.core.RequestChecks;
import dev.modelarts.local.core.ServerClock;
import dev.modelarts.local.core.TestControl;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * What the JUnit extension controls in a running server, in-process and whatever credentials the
 * server takes: the test-control API's fault and transition rules, the clock, the journal's
 * verification, and a reset.
 */
public final class ServerControls {

    /** A request verification that does not hold; its message says what was found and the near misses. */
    public static final class RequestsNotAsExpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestsNotAsExpected(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TestControl control;
    private final FaultRules faults;
    private final TransitionRules transitions;
    private final ServerClock clock;
    private final RecentRequests journal;
    private final RequestChecks checks;

    ServerControls(TestControl control, FaultRules faults, TransitionRules transitions, ServerClock clock,
            RecentRequests journal) {
        this.control = control;
        this.faults = faults;
        this.transitions = transitions;
        this.clock = clock;
        this.journal = journal;
        this.checks = new RequestChecks(faults.operations());
    }

    /**
     * Adds a fault rule given as the JSON {@code POST /_modelarts/faults} takes; answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    public String addFault(String json) {
        return faults.add(ControlFiles.fault(json, faults.operations())).getId();
    }

    /**
     * Adds a status-transition rule given as the JSON {@code POST /_modelarts/transitions} takes;
     * answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    public String addTransition(String json) {
        return transitions.add(ControlFiles.transition(json)).getId();
    }

    /** Moves the server's clock forward, as {@code POST /_modelarts/clock {"advance_ms": N}} does. */
    public void advanceClock(long ms) {
        clock.apply((setting, machineMs) -> setting.advancedBy(ms));
    }

    /**
     * Checks the journal as {@code POST /_modelarts/requests/verify} does, with its JSON body;
     * answers how many requests matched.
     *
     * @throws RequestsNotAsExpected when the check does not hold
     * @throws IllegalArgumentException when the check itself is malformed
     */
    public int verifyRequests(String json) {
        RequestCheck check;
        try {
            check = JSON.readValue(json, RequestCheck.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid request check: " + e.getOriginalMessage().split("\n")[0]);
        }
        try {
            return checks.verify(checks.named(journal.entries()), check).getCount();
        } catch (ApiException e) {
            if (e.body() instanceof RequestCheckFailure failure) {
                StringBuilder message = new StringBuilder(failure.getErrorMsg());
                if (!failure.getNearMisses().isEmpty()) {
                    message.append(" Near misses:");
                    for (JournalEntry near : failure.getNearMisses()) {
                        message.append("\n  ").append(near.getMethod()).append(' ').append(near.getPath())
                                .append(" -> ").append(near.getStatus());
                    }
                }
                throw new RequestsNotAsExpected(message.toString());
            }
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** What {@code POST /_modelarts/reset} does: images, fault and transition rules gone, the clock as started. */
    public void reset() {
        control.reset();
    }
}
