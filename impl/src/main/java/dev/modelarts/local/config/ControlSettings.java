package dev.modelarts.local.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What tests control, as the server starts with it: files applied at start, the clock, where
 * ids come from, the journal, and whether the test-control API is there. Immutable.
 *
 * @param clockStart        the instant the server's clock starts at, in epoch milliseconds
 * @param deterministicSeed the seed of the ids, when they come from a seeded generator
 */
public record ControlSettings(Optional<Path> seed, Optional<Path> faults, Optional<Path> transitions,
        Optional<Path> state, Optional<Long> clockStart, boolean clockFixed, OptionalLong deterministicSeed,
        boolean journalAll, boolean journalBodies, boolean controlApi) {

    /** Nothing applied at start, the machine's clock, random ids, the API's requests journaled, the API on. */
    public static final ControlSettings DEFAULTS = new ControlSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), false, OptionalLong.empty(), false, false, true);

    public ControlSettings {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(transitions, "transitions");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(deterministicSeed, "deterministicSeed");
    }
}
