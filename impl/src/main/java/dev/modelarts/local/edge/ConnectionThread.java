package dev.modelarts.local.edge;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.nio.NIOConnection;
import org.glassfish.grizzly.nio.NIOTransport;
import org.glassfish.grizzly.nio.SelectorHandler;
import org.glassfish.grizzly.nio.SelectorRunner;

/**
 * Runs tasks on the I/O (selector) thread that reads a request's connection, as Grizzly runs its
 * own work there: queued, with one wake-up for every task queued while the thread was busy or
 * asleep. A request answered there after a step done elsewhere (the revision reader's) is
 * written and its connection read again by that thread, without a second thread's wake-up for
 * each request. A task the thread will not run (it has stopped: the server is stopping) runs on
 * the caller's thread instead.
 */
final class ConnectionThread implements Executor {

    private final NIOConnection connection;
    private final SelectorHandler selectors;

    private ConnectionThread(NIOConnection connection, SelectorHandler selectors) {
        this.connection = connection;
        this.selectors = selectors;
    }

    /** The thread of the request's connection; null if the transport is not Grizzly's NIO one. */
    static Executor of(Request request) {
        return request.getContext().getConnection() instanceof NIOConnection nio
                && nio.getTransport() instanceof NIOTransport transport
                        ? new ConnectionThread(nio, transport.getSelectorHandler()) : null;
    }

    @Override
    public void execute(Runnable task) {
        SelectorRunner runner = connection.getSelectorRunner();
        if (runner == null) {
            throw new RejectedExecutionException("the connection has no I/O thread");
        }
        selectors.enque(runner, () -> {
            task.run();
            return true; // the thread goes on with its other tasks
        }, new EmptyCompletionHandler<>() {
            @Override
            public void cancelled() {
                task.run();
            }
        });
    }
}
