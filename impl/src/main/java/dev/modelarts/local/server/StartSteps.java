package dev.modelarts.local.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting on the steps of the start that run on threads of their own. */
final class StartSteps {

    private StartSteps() {
    }

    /** Waits for a step (the database, Jersey, the spec); its failure becomes the start's failure. */
    static <T> T await(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Lets a failed start's other steps end before what they use is closed under them. */
    static void awaitQuietly(CompletableFuture<?> step) {
        try {
            step.join();
        } catch (RuntimeException ignored) {
            // the start has failed already; that failure is the one to report
        }
    }
}
