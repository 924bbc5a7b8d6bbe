package dev.modelarts.local.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stop signal (SIGTERM, SIGINT) does to the standalone server: a graceful stop, however
 * early it comes. Its hook is registered before the start begins, because the port opens and
 * the hot reads answer before the start has ended (Jersey is still being built then): a client
 * may have had its answers and sent the signal by that time. A hook registered after the start,
 * as it was, was refused then ("Shutdown in progress"), so such a run ended without closing its
 * database or writing its class archive or AOT cache.
 *
 * <p>A signal during the start waits for the start to end (at most {@code startWait}) and then
 * stops the server it made; after a start that failed there is nothing to stop. Either way the
 * last step (the log's flush) runs.
 *
 * @param <S> the server (a type of its own so that the tests can give a stand-in)
 */
final class StopOnSignal<S> {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

    private final CompletableFuture<S> start = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Consumer<S> stop;
    private final Runnable last;
    private final Duration startWait;

    /**
     * @param stop      stops a started server
     * @param last      runs after it, or alone when there was no server to stop
     * @param startWait how long a signal during the start waits for it to end
     */
    StopOnSignal(Consumer<S> stop, Runnable last, Duration startWait) {
        this.stop = stop;
        this.last = last;
        this.startWait = startWait;
    }

    /** The thread to register with {@code Runtime.addShutdownHook} before the start begins. */
    Thread hook() {
        return new Thread(this::run, "shutdown");
    }

    /** The start ended with this server. */
    void started(S server) {
        start.complete(server);
    }

    /** The start failed: a signal finds nothing to stop. */
    void startFailed() {
        start.complete(null);
    }

    /** Returns once a signal's stop has run. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    void run() {
        try {
            S server = start.isDone() ? start.getNow(null) : duringStart();
            if (server != null) {
                LOG.info("Stopping (signal received)");
                stop.accept(server);
            }
        } finally {
            last.run();
            stopped.countDown();
        }
    }

    private S duringStart() {
        LOG.info("Stop signal received while starting: stopping once the start has ended");
        try {
            return start.get(startWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("The start did not end within {} s of the stop signal: stopping without closing",
                    startWait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // not completed exceptionally: started or startFailed
        }
        return null;
    }
}
