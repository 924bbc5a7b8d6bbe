package dev.modelarts.local.model;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * New image and group ids: UUIDs, as the real service's are, of version 7 (RFC 9562): the
 * time comes first, so ids made one after another sort one after another. Each insert then adds
 * to the end of the id indexes instead of to a random page of them, which on a large catalog
 * decides how much every commit writes (BENCHMARKS.md). Clients see the same 36-character form.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
