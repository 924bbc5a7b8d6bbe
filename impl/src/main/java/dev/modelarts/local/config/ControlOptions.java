package dev.modelarts.local.config;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

import picocli.CommandLine.Option;

/**
 * The options of what tests control (a picocli mixin of {@link ServerConfig}): files applied at
 * start, the clock, where ids come from, the journal, and whether the test-control API is there.
 */
public final class ControlOptions {

    @Option(names = "--seed", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_SEED}",
            description = "JSON or YAML file of images to register at start, as POST /_modelarts/seed takes them"
                    + " (MODELARTS_SEED); idempotent.")
    private Path seed;

    @Option(names = "--faults", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_FAULTS}",
            description = "JSON or YAML file of fault rules to apply from the start, as POST /_modelarts/faults takes them"
                    + " (MODELARTS_FAULTS).")
    private Path faults;

    @Option(names = "--transitions", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_TRANSITIONS}",
            description = "JSON or YAML file of status-transition rules, as POST /_modelarts/transitions takes them"
                    + " (MODELARTS_TRANSITIONS).")
    private Path transitions;

    @Option(names = "--state", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_STATE}",
            description = "JSON or YAML state document, as GET /_modelarts/state answers it, to replace every project's"
                    + " images with at start (MODELARTS_STATE).")
    private Path state;

    @Option(names = "--clock", paramLabel = "INSTANT",
            defaultValue = "${env:MODELARTS_CLOCK}",
            description = "Start the server's clock at this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z; it runs on from"
                    + " there (MODELARTS_CLOCK). Default: the machine's clock.")
    private String clock;

    @Option(names = "--clock-fixed",
            defaultValue = "${env:MODELARTS_CLOCK_FIXED:-false}",
            description = "The server's clock stands still (at --clock, or at the start) until POST /_modelarts/clock"
                    + " moves it (MODELARTS_CLOCK_FIXED=true).")
    private boolean clockFixed;

    @Option(names = "--deterministic", paramLabel = "SEED",
            defaultValue = "${env:MODELARTS_DETERMINISTIC}",
            description = "Make image, group and request ids from a generator seeded with SEED: the same seed, clock and"
                    + " requests give the same ids (MODELARTS_DETERMINISTIC).")
    private Long deterministic;

    @Option(names = "--journal-all",
            defaultValue = "${env:MODELARTS_JOURNAL_ALL:-false}",
            description = "Record every request in the journal (GET /_modelarts/requests), health probes and test control"
                    + " included; by default only the API's (MODELARTS_JOURNAL_ALL=true).")
    private boolean journalAll;

    @Option(names = "--journal-bodies",
            defaultValue = "${env:MODELARTS_JOURNAL_BODIES:-false}",
            description = "Record request bodies in the journal, the values of keys that name secrets masked"
                    + " (MODELARTS_JOURNAL_BODIES=true).")
    private boolean journalBodies;

    @Option(names = "--no-control-api",
            defaultValue = "${env:MODELARTS_NO_CONTROL_API:-false}",
            description = "Leave out the test-control API (/_modelarts/: reset, seed, provider states, request journal),"
                    + " for shared deployments (MODELARTS_NO_CONTROL_API=true). It is on by default.")
    private boolean noControlApi;

    public Optional<Path> seed() {
        return Optional.ofNullable(seed);
    }

    public Optional<Path> faults() {
        return Optional.ofNullable(faults);
    }

    public Optional<Path> transitions() {
        return Optional.ofNullable(transitions);
    }

    public Optional<Path> state() {
        return Optional.ofNullable(state);
    }

    /** {@code --clock}, as epoch milliseconds. */
    public Optional<Long> clockStart() {
        return clock == null || clock.isBlank() ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(clock.trim()).toInstant().toEpochMilli());
    }

    /** Why {@code --clock} cannot be read, if it cannot. */
    Optional<String> clockProblem() {
        if (clock == null || clock.isBlank()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime.parse(clock.trim()).toInstant().toEpochMilli();
            return Optional.empty();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.of(clock + " is not an ISO-8601 instant with an offset, such as 2026-01-01T00:00:00Z");
        }
    }

    public boolean clockFixed() {
        return clockFixed;
    }

    public OptionalLong deterministicSeed() {
        return deterministic == null ? OptionalLong.empty() : OptionalLong.of(deterministic);
    }

    public boolean journalAll() {
        return journalAll;
    }

    public boolean journalBodies() {
        return journalBodies;
    }

    public boolean controlApi() {
        return !noControlApi;
    }
}
