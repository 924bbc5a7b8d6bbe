package dev.modelarts.local.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.errors.ErrorResponses;

/**
 * Content-Type and Accept that cannot be parsed as media types are refused here, in the ModelArts
 * shape: Jersey reads them while choosing the resource method and answers a parse failure with
 * an empty 400 of its own, which no exception mapper sees.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public final class HeaderSyntax implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getMediaType();
        } catch (RuntimeException e) {
            request.abortWith(ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Invalid Argument: the Content-Type header is not a media type; send application/json."));
            return;
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            request.abortWith(ErrorResponses.of(ErrorCode.MALFORMED_REQUEST,
                    "Bad request: the Accept header is not a list of media types."));
        }
    }
}
