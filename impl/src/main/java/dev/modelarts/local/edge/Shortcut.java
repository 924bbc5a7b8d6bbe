package dev.modelarts.local.edge;

import java.io.IOException;

import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * What may answer a request in full before the application (Jersey) sees it, once the edge has
 * checked it and no {@link Interception} took it: the server's hot reads. The edge knows only
 * this hook, as it knows only {@link Interception}.
 *
 * <p>An implementation answers only what it can answer exactly as the application would, and
 * leaves everything else untouched (nothing written, nothing set on the response) for the
 * application, which then answers as it always does.
 */
@FunctionalInterface
public interface Shortcut {

    /** Answers nothing: every request goes to the application. */
    Shortcut NONE = (request, response, view) -> false;

    /** True when the request was answered here, in full; false leaves it to the application. */
    boolean answer(Request request, Response response, EdgeRequest view) throws IOException;
}
