package dev.modelarts.local.server;

import java.util.Optional;

/**
 * Whether the JVM's heap fits the data it will hold. The server keeps the group listing of every
 * scope that has been listed in memory, so the heap it needs grows with the versions stored. The
 * launcher's heap (-Xmx128m) holds up to about 1.5 million versions; a larger database is told at
 * start to give the JVM more, rather than finding out from a slow or failing server later.
 *
 * <p>The figures are the live heap after a full collection with every scope of the benchmark's
 * data listed (BENCHMARKS.md, "The resident size"): 24.5 MiB at 100,000 versions and 53.8 MiB at
 * 1,000,000, so about 21 MiB plus 33 MiB per million versions. Serial GC keeps a third of the
 * heap for new objects; the live set should leave some room in the other two thirds.
 */
record HeapCheck(long versions, long maxHeapBytes) {

    private static final long MIB = 1024 * 1024;
    static final long BASE_MIB = 21;
    static final long MIB_PER_MILLION = 33;
    /** The share of the heap the live set may fill before a warning: 90 % of the old generation's. */
    static final double SHARE = 0.6;

    /** The live heap, in MiB, of a server with this many versions once every scope has been listed. */
    long neededMib() {
        return BASE_MIB + (versions * MIB_PER_MILLION + 999_999) / 1_000_000;
    }

    /** A warning for the log when the heap is too small for the data, with what to do. */
    Optional<String> warning() {
        long maxMib = maxHeapBytes / MIB;
        if (neededMib() <= SHARE * maxMib) {
            return Optional.empty();
        }
        // the JVM reports one survivor space (a thirtieth of -Xmx with Serial GC) less than -Xmx
        long suggested = roundUp((long) Math.ceil(neededMib() / SHARE * 30 / 29), 32);
        return Optional.of(String.format("The heap (at most %d MiB) is small for %,d image versions: the server"
                + " holds about %d MiB in it once every scope has been listed. Give the JVM more,"
                + " for example JAVA_OPTS=\"-Xmx%dm -XX:+UseSerialGC\" (about %d MiB per million versions;"
                + " docs/operating.md, JVM settings).", maxMib, versions, neededMib(), suggested, MIB_PER_MILLION));
    }

    private static long roundUp(long value, long step) {
        return (value + step - 1) / step * step;
    }
}
