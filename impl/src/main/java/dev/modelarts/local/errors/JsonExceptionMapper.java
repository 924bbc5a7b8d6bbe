package dev.modelarts.local.errors;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body that is not JSON (ModelArts.4105), or JSON whose field has the wrong type or an unknown
 * enum value (ModelArts.6336, naming the field), or of the wrong shape altogether (6400).
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private ResourceInfo resource;

    @Override
    public Response toResponse(JsonProcessingException e) {
        // Jackson wraps what the body stream throws, such as the body size limit's refusal
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return ErrorResponses.of(api.code(), api.getMessage());
            }
        }
        if (e instanceof StreamConstraintsException) {
            return ErrorResponses.of(ErrorCode.INVALID_PAYLOAD,
                    "Invalid request payload: the body is nested too deeply or is too long, please check.");
        }
        if (e instanceof JsonParseException || e instanceof JsonEOFException) {
            return ErrorResponses.of(ErrorCode.INVALID_JSON, "Incorrect JSON format of the input data.");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).substring(1).replace(".[", "[");
            String problem = isMissing(mapping) ? "'" + field + "' is a required property."
                    : "'" + field + "' property value is incorrect.";
            if (ParameterBodies.answering(resource)) {
                return ErrorResponses.of(ErrorCode.PARAMETER_ERROR, "Parameter error: " + problem);
            }
            return ErrorResponses.of(isMissing(mapping) ? ErrorCode.FIELD_REQUIRED : ErrorCode.FIELD_INVALID, problem);
        }
        return ErrorResponses.of(ErrorCode.INVALID_PAYLOAD,
                "Invalid request payload: expected a JSON object, please check.");
    }

    /**
     * A required field that is absent: Jackson finds that only after the whole object was read,
     * so its parser stands at the object's end (a wrong value fails on the value itself).
     */
    private static boolean isMissing(JsonMappingException e) {
        return e instanceof MismatchedInputException && e.getProcessor() instanceof JsonParser parser
                && parser.currentToken() == JsonToken.END_OBJECT;
    }
}
