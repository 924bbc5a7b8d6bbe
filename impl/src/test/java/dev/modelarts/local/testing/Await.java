package dev.modelarts.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what becomes true by itself, later (a notification heard, say), polling every 5 ms. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it has not within {@code limit}. */
    public static void until(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s, within %s", what, limit).isLessThan(end);
            Thread.sleep(5);
        }
    }
}
