package dev.modelarts.local.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.JournalEntry;
import dev.modelarts.local.api.model.RequestCheck;
import dev.modelarts.local.api.model.RequestCheckFailure;
import dev.modelarts.local.api.model.RequestJournal;
import dev.modelarts.local.api.model.SeedDocument;
import dev.modelarts.local.core.RequestChecks;
import dev.modelarts.local.core.ServerClock;
import dev.modelarts.local.core.TestControl;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.testkit.TestControls;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * The {@link TestControls} of a running server reached in-process, whatever credentials the
 * server takes (what the JUnit extension uses): the test-control API's fault and transition rules,
 * the clock, the journal and its verification, the seed, and a reset.
 */
public final class ServerControls implements TestControls {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** As the API writes its answers: a field without a value is left out, never null. */
    private static final ObjectMapper ANSWERS = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

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
    @Override
    public String fault(String json) {
        return faults.add(ControlFiles.fault(json, faults.operations())).getId();
    }

    /**
     * Adds a status-transition rule given as the JSON {@code POST /_modelarts/transitions} takes;
     * answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    @Override
    public String transition(String json) {
        return transitions.add(ControlFiles.transition(json)).getId();
    }

    /** Moves the server's clock forward, as {@code POST /_modelarts/clock {"advance_ms": N}} does. */
    @Override
    public void advanceClock(Duration by) {
        long ms = by.toMillis();
        clock.apply((setting, machineMs) -> setting.advancedBy(ms));
    }

    /**
     * Checks the journal as {@code POST /_modelarts/requests/verify} does, with its JSON body;
     * answers how many requests matched.
     *
     * @throws AssertionError with the count found and the near misses when the check does not hold
     * @throws IllegalArgumentException when the check itself is malformed
     */
    @Override
    public int verify(String json) {
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
                throw new AssertionError(message.toString()); // what a test framework reports as a failure
            }
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Registers images as {@code POST /_modelarts/seed} does, from its JSON (or YAML) body,
     * checked as a {@code --seed} file is; answers how many were registered.
     *
     * @throws IllegalArgumentException naming what is wrong with the document
     */
    @Override
    public int seed(String json) {
        SeedDocument document;
        try {
            document = SeedFile.parse(json, "Invalid seed");
        } catch (SeedFile.InvalidSeedFile e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        try {
            return Math.toIntExact(control.seed(document.getImages()).registered());
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage()); // an entry that breaks a rule, named
        }
    }

    /**
     * The journal as {@code GET /_modelarts/requests} answers it, as JSON, filtered by the same
     * query parameters ({@code operation=ShowImage&status=404}).
     *
     * @throws IllegalArgumentException when a filter is malformed
     */
    @Override
    public String requests(String query) {
        Map<String, String> filters = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                filters.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        try {
            RequestChecks.Criteria criteria = checks.criteria(filters.get("operation"), filters.get("project_id"),
                    filters.get("method"), number(filters.get("status"), Integer::valueOf), null,
                    number(filters.get("since"), Long::valueOf));
            List<JournalEntry> entries = checks.matching(checks.named(journal.entries()), criteria);
            return ANSWERS.writeValueAsString(new RequestJournal(journal.capacity(), entries.size(), entries));
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T number(String text, Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** What {@code POST /_modelarts/reset} does: images, fault and transition rules gone, the clock as started. */
    @Override
    public void reset() {
        control.reset();
    }
}
