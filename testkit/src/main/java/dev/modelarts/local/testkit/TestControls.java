package dev.modelarts.local.testkit;

import java.time.Duration;

/**
 * The test controls of a running server ({@code /_modelarts/}): in-process for the JUnit
 * extension, over HTTP ({@link HttpControls}) for a server in another process.
 */
public interface TestControls {

    /**
     * Forgets every DEDICATED image and group (the built-in catalog stays), every fault and
     * transition rule, and sets the clock back to how the server started, as
     * {@code POST /_modelarts/reset} does: call it from {@code @BeforeEach} to isolate tests.
     */
    void reset();

    /**
     * Registers images as {@code POST /_modelarts/seed} does, from its JSON body
     * ({@code {"images": [{"swr_path": ..., "project_id": ...}]}}); answers how many were registered.
     *
     * @throws IllegalArgumentException naming what is wrong with the body
     */
    int seed(String json);

    /**
     * Adds a fault rule given as the JSON {@code POST /_modelarts/faults} takes, e.g.
     * {@code {"operation": "ListImage", "action": "error", "status": 429, "error_code": "APIG.0308", "times": 2}};
     * answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    String fault(String json);

    /**
     * Adds a status-transition rule given as the JSON {@code POST /_modelarts/transitions} takes,
     * e.g. {@code {"swr_path": "*slow*", "path": ["CREATING", "ACTIVE"], "polls": 2}}; answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    String transition(String json);

    /** Moves the server's clock forward, as {@code POST /_modelarts/clock {"advance_ms": N}} does. */
    void advanceClock(Duration by);

    /**
     * The journal as {@code GET /_modelarts/requests} answers it (JSON), filtered by
     * {@code query}, e.g. {@code operation=ShowImage&status=404}; {@code ""} for everything.
     */
    String requests(String query);

    /**
     * Checks what clients sent, as WireMock's {@code verify} does: {@code check} is the JSON of
     * {@code POST /_modelarts/requests/verify}, e.g. {@code {"operation": "ShowImage", "count": 4}}
     * or with {@code at_least} / {@code at_most}. Answers how many requests matched.
     *
     * @throws AssertionError with the count found and the near misses when the check does not hold
     * @throws IllegalArgumentException when the check itself is malformed
     */
    int verify(String check);
}
