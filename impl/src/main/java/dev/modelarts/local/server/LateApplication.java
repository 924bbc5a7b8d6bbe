package dev.modelarts.local.server;

import java.util.concurrent.CompletableFuture;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey's handler, built on a thread of its own while the server starts: the port opens as soon
 * as the database is ready, the edge answers the hot reads at once, and a request that needs
 * Jersey waits on its worker thread until Jersey is built. Jersey's start (its resource model,
 * HK2, the validation) was the longest step before the first answer, and the hot reads do not
 * need it.
 */
final class LateApplication extends HttpHandler {

    private final CompletableFuture<GrizzlyHttpContainer> built;
    /** Jersey built and started; set when Grizzly starts its handlers, before any request. */
    private volatile CompletableFuture<GrizzlyHttpContainer> started;

    /** @param built completes with Jersey's container once it is built */
    LateApplication(CompletableFuture<GrizzlyHttpContainer> built) {
        super("modelarts-jersey");
        this.built = built;
        this.started = built;
    }

    /** Starts building Jersey's container for {@code config} on a new thread. */
    static LateApplication building(ResourceConfig config) {
        return new LateApplication(CompletableFuture.supplyAsync(
                () -> ContainerFactory.createContainer(GrizzlyHttpContainer.class, config),
                runnable -> new Thread(runnable, "modelarts-jersey-start").start()));
    }

    /** Completes when Jersey is built and, once Grizzly has started this handler, started. */
    CompletableFuture<GrizzlyHttpContainer> started() {
        return started;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        started.join().service(request, response);
    }

    /**
     * Grizzly starts its handlers with the server; Jersey's own start (its container listeners)
     * runs once Jersey is built, and before Jersey serves a request.
     */
    @Override
    public void start() {
        started = built.thenApply(container -> {
            container.start();
            return container;
        });
    }

    @Override
    public void destroy() {
        built.thenAccept(HttpHandler::destroy);
    }
}
