package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapCheckTest {

    private static final long MIB = 1024 * 1024;
    /** What the JVM reports as its maximum with -Xmx128m and Serial GC (one survivor space less). */
    private static final long XMX_128 = 123 * MIB + 512 * 1024;

    @Test
    void aMillionVersionsFitTheLaunchersHeap() {
        assertThat(new HeapCheck(1_000_000, XMX_128).neededMib()).isEqualTo(54);
        assertThat(new HeapCheck(1_000_000, XMX_128).warning()).isEmpty();
        assertThat(new HeapCheck(0, XMX_128).warning()).isEmpty();
    }

    @Test
    void twoMillionVersionsAreToldToRaiseTheHeap() {
        assertThat(new HeapCheck(2_000_000, XMX_128).warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("at most 123 MiB", "2,000,000 image versions", "about 87 MiB", "-Xmx160m"));
    }

    @Test
    void theSuggestedHeapPassesTheCheck() {
        for (long versions = 0; versions <= 20_000_000; versions += 250_000) {
            HeapCheck check = new HeapCheck(versions, XMX_128);
            String suggested = check.warning().map(w -> w.replaceAll("(?s).*-Xmx(\\d+)m.*", "$1")).orElse(null);
            if (suggested != null) {
                // less one survivor space, as the JVM reports it with Serial GC
                long reported = Long.parseLong(suggested) * MIB * 29 / 30;
                assertThat(new HeapCheck(versions, reported).warning()).as("%d versions, -Xmx%sm", versions, suggested)
                        .isEmpty();
            }
        }
    }

    @Test
    void theLimitIsSixtyPercentOfTheHeap() {
        long needed = new HeapCheck(1_500_000, 0).neededMib();
        long justEnough = (long) Math.ceil(needed / HeapCheck.SHARE) * MIB;
        assertThat(new HeapCheck(1_500_000, justEnough).warning()).isEmpty();
        assertThat(new HeapCheck(1_500_000, justEnough - 2 * MIB).warning()).isPresent();
    }
}
