package dev.modelarts.local.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an unhandled error is logged, whichever layer caught it (the edge, Grizzly's
 * error pages, Jersey's mappers): once per request, at ERROR, with the request id the client was
 * answered with and the stack.
 */
public final class UnhandledErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledErrors.class);

    private UnhandledErrors() {
    }

    public static void log(String requestId, Throwable error) {
        LOG.error("Unhandled error in request {}", requestId, error);
    }
}
