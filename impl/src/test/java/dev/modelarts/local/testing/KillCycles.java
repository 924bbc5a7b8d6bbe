package dev.modelarts.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Starts a server, loads it with the {@link KillProbe}, SIGKILLs it at a random moment, starts it
 * again on the same data and checks that it holds what it acknowledged; again and again. Prints
 * one line per cycle. How many cycles and for how long: the system properties
 * {@code kill.cycles} (20) and {@code kill.seconds} (90), whichever ends first; {@code kill.seed}
 * repeats a run's moments of killing; {@code kill.minMs} and {@code kill.maxMs} bound them
 * (200 and 2,000 ms of load).
 */
public final class KillCycles {

    private static final int WRITERS = 16;
    private static final int DELETERS = 2;
    /** The load runs this long (a random time between the two) before the kill. */
    private static final long KILL_MIN_MS = Long.getLong("kill.minMs", 200);
    private static final long KILL_MAX_MS = Long.getLong("kill.maxMs", 2_000);

    private KillCycles() {
    }

    /** The totals of a run. */
    public record Totals(int cycles, long registrations, long deletes, long restartMillisMax) {
    }

    public static Totals run(String label, Supplier<ServerProcess> start) throws InterruptedException {
        return run(label, start, cycle -> {
        });
    }

    /** As {@link #run(String, Supplier)}, calling {@code afterKill} with the cycle's number after each kill. */
    public static Totals run(String label, Supplier<ServerProcess> start, IntConsumer afterKill)
            throws InterruptedException {
        int cycles = Integer.getInteger("kill.cycles", 20);
        Duration budget = Duration.ofSeconds(Long.getLong("kill.seconds", 90));
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("%s: kill cycles with seed %d (-Dkill.seed=%d repeats the moments)%n", label, seed, seed);
        KillProbe probe = new KillProbe();
        long begin = System.nanoTime();
        long registrations = 0;
        long deletes = 0;
        long restartMax = 0;
        ServerProcess server = start.get();
        int cycle = 0;
        try {
            while (cycle < cycles && System.nanoTime() - begin < budget.toNanos()) {
                cycle++;
                long killAfter = KillProbe.between(random, KILL_MIN_MS, KILL_MAX_MS);
                AtomicBoolean stop = new AtomicBoolean();
                ServerProcess victim = server;
                CompletableFuture<KillProbe.Load> load = CompletableFuture.supplyAsync(() -> {
                    try {
                        return probe.run(victim.base(), WRITERS, DELETERS, stop, answer -> false);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(killAfter);
                victim.kill();
                stop.set(true);
                KillProbe.Load done = load.join();
                afterKill.accept(cycle);

                server = start.get();
                long listening = server.millisSinceStart();
                KillProbe.Answer first = probe.send(server.base(), "GET", "/v1/dev-project/images/group?limit=1", null);
                long firstAnswer = server.millisSinceStart();
                assertThat(first.status()).as("the first answer after a restart").isEqualTo(200);
                restartMax = Math.max(restartMax, firstAnswer);
                StoredImages.Check check = StoredImages.check(probe, server.base());
                registrations += done.registered();
                deletes += done.deleted();
                System.out.printf("%s cycle %2d: killed after %4d ms; acknowledged %5d registrations, %4d deletes"
                                + " (%d unanswered); restart: listening %4d ms, first answer %4d ms; holds %6d images"
                                + " in %d groups; problems %d%n",
                        label, cycle, killAfter, done.registered(), done.deleted(), check.settled(), listening,
                        firstAnswer, check.images(), check.groups(), check.problems().size());
                assertThat(done.unexpected()).as("answers during the load").isEmpty();
                assertThat(check.problems()).as("cycle %d (seed %d)", cycle, seed).isEmpty();
            }
        } finally {
            server.close();
        }
        System.out.printf("%s: %d cycles, %d registrations and %d deletes acknowledged, lost 0;"
                + " slowest restart to the first answer %d ms%n", label, cycle, registrations, deletes, restartMax);
        assertThat(cycle).as("cycles run").isGreaterThanOrEqualTo(Math.min(cycles, 10));
        return new Totals(cycle, registrations, deletes, restartMax);
    }
}
