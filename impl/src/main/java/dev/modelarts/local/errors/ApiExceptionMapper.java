package dev.modelarts.local.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Renders {@link ApiException} as the ModelArts error body. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return e.body() == null ? ErrorResponses.of(e.code(), e.getMessage())
                : Response.status(e.code().status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body()).build();
    }
}
