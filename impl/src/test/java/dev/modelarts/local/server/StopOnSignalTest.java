package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The stop signal's hook, with a stand-in server (a name), and no signal: its thread is run. */
class StopOnSignalTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final StopOnSignal<String> onSignal = new StopOnSignal<>(server -> steps.add("stopped " + server),
            () -> steps.add("flushed"), Duration.ofSeconds(30));

    @Test
    void aSignalAfterTheStartStopsTheServer() throws Exception {
        onSignal.started("server");
        runHook(onSignal);
        assertThat(steps).containsExactly("stopped server", "flushed");
    }

    @Test
    void aSignalDuringTheStartStopsTheServerOnceTheStartHasEnded() throws Exception {
        Thread hook = onSignal.hook();
        hook.start();
        hook.join(200);
        assertThat(hook.isAlive()).as("the hook waits for the start").isTrue();
        assertThat(steps).isEmpty();

        onSignal.started("server");
        hook.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(hook.isAlive()).isFalse();
        assertThat(steps).containsExactly("stopped server", "flushed");
    }

    @Test
    void aSignalDuringAStartThatFailsOnlyFlushes() throws Exception {
        Thread hook = onSignal.hook();
        hook.start();
        onSignal.startFailed();
        hook.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(hook.isAlive()).isFalse();
        assertThat(steps).containsExactly("flushed");
    }

    @Test
    void aStartThatDoesNotEndDoesNotHoldTheStopForLongerThanItsWait() throws Exception {
        StopOnSignal<String> brief = new StopOnSignal<>(server -> steps.add("stopped " + server),
                () -> steps.add("flushed"), Duration.ofMillis(100));
        runHook(brief);
        assertThat(steps).containsExactly("flushed");
        brief.started("late"); // after the hook has given up: nothing more happens
        assertThat(steps).containsExactly("flushed");
    }

    @Test
    void mainWaitsUntilTheStopHasRun() throws Exception {
        onSignal.started("server");
        Thread main = new Thread(() -> {
            try {
                onSignal.awaitStopped();
                steps.add("main returns");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.start();
        main.join(100);
        assertThat(main.isAlive()).isTrue();
        runHook(onSignal);
        main.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(steps).containsExactly("stopped server", "flushed", "main returns");
    }

    private static void runHook(StopOnSignal<String> onSignal) throws InterruptedException {
        Thread hook = onSignal.hook();
        hook.start();
        hook.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(hook.isAlive()).isFalse();
    }
}
