package dev.modelarts.local.edge;

import java.io.IOException;

import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * What may take a request before the application sees it, after the edge has checked it (the
 * server's fault rules). The edge knows only this hook, so the features behind it depend on the
 * edge and never the other way.
 */
@FunctionalInterface
public interface Interception {

    /** Takes no request. */
    Interception NONE = new Interception() {
        @Override
        public boolean intercept(Request request, Response response, EdgeRequest view, Runnable serve) {
            return false;
        }

        @Override
        public boolean idle() {
            return true;
        }
    };

    /**
     * True when the request is taken care of here: answered, broken, or suspended to go on with
     * {@code serve} later, on any thread.
     */
    boolean intercept(Request request, Response response, EdgeRequest view, Runnable serve) throws IOException;

    /**
     * True when no request would be taken now, without asking anything that may wait: the edge
     * then may answer a request on the I/O thread that read it ({@link Shortcut#answersInPlace()}).
     */
    default boolean idle() {
        return false;
    }
}
