package dev.modelarts.local.edge;

import java.io.IOException;

import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import dev.modelarts.local.threads.NoWait;

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
    Shortcut NONE = (request, response, view, inPlace) -> false;

    /**
     * {@code first}, then {@code second} when the first leaves the request; in place when either
     * may answer there (each leaves untouched what it cannot answer in place).
     */
    static Shortcut inTurn(Shortcut first, Shortcut second) {
        return new Shortcut() {
            @Override
            public boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException {
                return first.answer(request, response, view, inPlace) || second.answer(request, response, view, inPlace);
            }

            @Override
            public boolean answersInPlace() {
                return first.answersInPlace() || second.answersInPlace();
            }
        };
    }

    /**
     * True when the request was answered here, in full; false leaves it to the application.
     *
     * @param inPlace the request is on a thread that must not wait: the I/O thread that read it
     *        (see {@link #answersInPlace()}), or the one that did a step it waited for. An answer
     *        that would wait is left untouched: false (the edge asks again on a worker thread),
     *        or the {@link NoWait.WouldWait} that names a step to do first (the edge asks again,
     *        in place, once it is done)
     */
    boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException;

    /**
     * Whether the edge may ask on the I/O thread that read a request (a GET without a body, when
     * no {@link Interception} would take it): when this shortcut's answers come from memory, or
     * after a step that needs no thread waiting for it, with no handoff to a worker thread.
     */
    default boolean answersInPlace() {
        return false;
    }
}
