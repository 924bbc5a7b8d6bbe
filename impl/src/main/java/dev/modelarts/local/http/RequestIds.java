package dev.modelarts.local.http;

import org.slf4j.MDC;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import dev.modelarts.local.requestid.RequestId;

/**
 * Keeps the request id that the edge gave the request (see {@link RequestId}), or gives one when
 * Jersey runs without the edge in front, and sends it back in the {@code X-Request-Id} header.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    private final RequestId requestIds;

    public RequestIds(RequestId requestIds) {
        this.requestIds = requestIds;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object given = request.getProperty(RequestId.ATTRIBUTE);
        String id = given instanceof String edgeId ? edgeId : requestIds.from(request.getHeaderString(RequestId.HEADER));
        request.setProperty(RequestId.ATTRIBUTE, id);
        MDC.put(RequestId.MDC_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestId.ATTRIBUTE);
        response.getHeaders().putSingle(RequestId.HEADER, id != null ? id : requestIds.newId());
    }

    /** The id of a request, once the filter has seen it. */
    static String of(ContainerRequestContext request) {
        Object id = request.getProperty(RequestId.ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
