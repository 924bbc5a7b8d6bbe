package dev.modelarts.local.http;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/** The operation Jersey routed a request to: its resource method's name, the spec's operationId. */
public final class MatchedOperation {

    private MatchedOperation() {
    }

    /**
     * Read from the request itself: a {@code @Context ResourceInfo} is a proxy that looks the
     * request up in HK2 on every call, on every request's path. Empty before routing, or when no
     * resource method matched.
     */
    public static Optional<String> of(ContainerRequestContext request) {
        ResourceMethod matched = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
        return matched == null ? Optional.empty() : Optional.of(matched.getInvocable().getHandlingMethod().getName());
    }
}
