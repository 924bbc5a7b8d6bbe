package dev.modelarts.local.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The mark is the current thread's alone, and only while it is held. */
class NoWaitTest {

    private final NoWait noWait = new NoWait();

    @Test
    void aMarkedThreadIsRefusedAWaitUntilTheMarkIsClosed() {
        noWait.check(); // unmarked: nothing happens
        try (NoWait.Marked mark = noWait.mark()) {
            assertThat(noWait.marked()).isTrue();
            assertThatThrownBy(noWait::check).isInstanceOf(NoWait.WouldWait.class)
                    .hasMessage("this thread must not wait");
        }
        assertThat(noWait.marked()).isFalse();
        noWait.check();
    }

    @Test
    void markingOneThreadLeavesTheOthersFreeToWait() throws Exception {
        try (NoWait.Marked mark = noWait.mark()) {
            boolean otherMarked = CompletableFuture.supplyAsync(() -> {
                noWait.check();
                return noWait.marked();
            }).get();
            assertThat(otherMarked).isFalse();
        }
    }

    @Test
    void anotherInstanceKnowsNothingOfThisOnesMarks() {
        try (NoWait.Marked mark = noWait.mark()) {
            new NoWait().check();
        }
    }

    @Test
    void theRefusalCarriesNoStackTrace() {
        try (NoWait.Marked mark = noWait.mark()) {
            assertThatThrownBy(noWait::check).satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        }
    }
}
