package dev.modelarts.local.server;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.auth.IamActions;

/**
 * The steps of the start that depend on no setting, begun on a thread of their own before the
 * settings are known: the spec parsed (YAML and Jackson) and the metrics registry made
 * (Micrometer). Both are mostly cold classes loaded and run once; on a second core they overlap
 * the command line's parsing (picocli) and its checks instead of following them.
 *
 * <p>Nothing here opens a file, a port or the database, so a start that then fails on a setting
 * has only the registry to close ({@link #abandon}).
 */
final class StartAhead {

    private final CompletableFuture<JsonNode> spec;
    private final CompletableFuture<ServerMetrics> metrics;

    private StartAhead(CompletableFuture<JsonNode> spec, CompletableFuture<ServerMetrics> metrics) {
        this.spec = spec;
        this.metrics = metrics;
    }

    /**
     * Begins both steps on a daemon thread, which never keeps the JVM running once {@code main}
     * has ended ({@code main} does not begin them for {@code --help} or {@code --version}).
     */
    static StartAhead begin() {
        CompletableFuture<JsonNode> spec = CompletableFuture.supplyAsync(IamActions::readSpec, runnable -> {
            Thread thread = new Thread(runnable, "modelarts-start-ahead");
            thread.setDaemon(true);
            thread.start();
        });
        // the same thread, after the spec: the registry is the smaller step and is needed later
        return new StartAhead(spec, spec.thenApply(parsed -> new ServerMetrics()));
    }

    /** The spec, parsed once at start for everything that reads it. */
    JsonNode spec() {
        return StartSteps.await(spec);
    }

    /** The server's metrics; from here the caller closes them. */
    ServerMetrics metrics() {
        return StartSteps.await(metrics);
    }

    /** Closes the registry of a start that failed before it took the metrics. */
    void abandon() {
        StartSteps.awaitQuietly(metrics.thenAccept(ServerMetrics::close));
    }
}
