package dev.modelarts.local.errors;

import org.glassfish.jersey.server.ParamException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A query or path value that cannot be converted (a non-number, an unknown enum value, a boolean
 * that is neither true nor false). Jersey's own answer is an empty 404; the real service answers
 * 400 with the parameter named.
 */
public final class ParamExceptionMapper implements ExceptionMapper<ParamException> {

    @Override
    public Response toResponse(ParamException e) {
        String where = ParameterNames.kind(e.getParameterType());
        return ErrorResponses.of(ErrorCode.PARAMETER_ERROR,
                "Parameter error: " + where + " '" + e.getParameterName() + "' has an invalid value.");
    }
}
