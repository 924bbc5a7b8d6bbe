package dev.modelarts.local.hot;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Counts the requests Jersey sees, registered on a test server as a provider: a hot read
 * answered at the edge never reaches it.
 */
@PreMatching
public final class JerseyRequests implements ContainerRequestFilter {

    private final AtomicInteger seen = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
        seen.incrementAndGet();
    }

    /** How many Jersey has seen so far. */
    int count() {
        return seen.get();
    }
}
