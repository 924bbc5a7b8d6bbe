package dev.modelarts.local.model;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * New image, group and rule ids: UUIDs, as the real service's are, of version 7 (RFC 9562): the
 * time comes first, so ids made one after another sort one after another. Each insert then adds
 * to the end of the id indexes instead of to a random page of them, which on a large catalog
 * decides how much every commit writes (BENCHMARKS.md). Clients see the same 36-character form.
 *
 * <p>{@link #seeded} makes them from a seeded generator and the server's clock instead
 * ({@code --deterministic SEED}): two servers given the same seed, clock and requests make the
 * same ids.
 */
public final class Ids {

    private final Supplier<UUID> source;

    private Ids(Supplier<UUID> source) {
        this.source = source;
    }

    /** Time-ordered ids from the machine's clock and a random generator. */
    public static Ids random() {
        TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();
        return new Ids(generator::generate);
    }

    /**
     * Version-7 layout from {@code clock}'s milliseconds and bits drawn from {@code seed}: the
     * same seed, the same clock readings and the same order of calls give the same ids.
     */
    public static Ids seeded(long seed, Clock clock) {
        Random random = new Random(seed);
        return new Ids(() -> {
            synchronized (random) {
                long msb = (clock.millis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
                long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                return new UUID(msb, lsb);
            }
        });
    }

    public String next() {
        return source.get().toString();
    }

    /** 32 hex characters (a request id's form), from the same source. */
    public String hex() {
        return next().replace("-", "");
    }
}
