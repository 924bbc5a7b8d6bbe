package dev.modelarts.local.http;

import java.util.ArrayList;
import java.util.List;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import dev.modelarts.local.errors.Allow;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.ErrorResponses;

/**
 * OPTIONS on a path of the API is 405 with the path's methods in {@code Allow}, in the ModelArts
 * shape. Jersey would otherwise answer it with its own generated handler, which is no operation
 * of the spec (and has no IAM action). Runs before authentication: an OPTIONS needs no credential.
 */
@Priority(Priorities.AUTHENTICATION - 10)
public final class OptionsNotAllowed implements ContainerRequestFilter {

    @Context
    private ExtendedUriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        ResourceMethod matched = uriInfo.getMatchedResourceMethod();
        List<String> methods = new ArrayList<>();
        if (matched != null && matched.getParent() != null) {
            matched.getParent().getResourceMethods().forEach(m -> methods.add(m.getHttpMethod()));
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD); // Jersey answers HEAD for every GET
        }
        request.abortWith(ErrorResponses.builder(ErrorCode.METHOD_NOT_ALLOWED, "The method is not allowed for this API.")
                .header(HttpHeaders.ALLOW, Allow.withoutOptions(methods))
                .build());
    }
}
