package dev.modelarts.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.Case.Expect;
import dev.modelarts.conformance.Case.Family;
import dev.modelarts.conformance.Target.Request;

/**
 * Request bodies the spec refuses: not JSON, a required field left out, a field of the wrong
 * type. Each must be a 400 from the service ({@code ModelArts.*}).
 */
final class Bodies {

    private Bodies() {
    }

    /**
     * @param base the request the bodies go in (its own body is ignored)
     */
    static List<Case> invalid(Operation op, Request base) {
        Schema<?> schema = op.requestBody();
        List<Case> cases = new ArrayList<>();
        cases.add(refused(op, base, "a body that is not JSON", "{\"unclosed\": "));
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        if (schema.getRequired() != null) {
            for (String field : schema.getRequired()) {
                cases.add(refused(op, base, "body without required " + field, "{}"));
            }
        }
        properties.forEach((field, property) -> cases.add(
                refused(op, base, "body field " + field + " of the wrong type", "{\"" + field + "\": " + wrongType(property) + "}")));
        return cases;
    }

    /** A JSON value of another type than the schema's. */
    static String wrongType(Schema<?> property) {
        String type = property.getType();
        if (type == null && property.getTypes() != null && !property.getTypes().isEmpty()) {
            type = property.getTypes().iterator().next();
        }
        if (type == null) {
            return "[[]]";
        }
        return switch (type) {
            case "string" -> "[\"a\"]";
            case "array" -> "\"not an array\"";
            case "object" -> "\"not an object\"";
            case "boolean" -> "\"not a boolean\"";
            default -> "\"not a number\"";
        };
    }

    private static Case refused(Operation op, Request base, String name, String body) {
        return new Case(op, name, new Request(base.method(), base.path(), base.query(), body, base.auth()),
                Expect.error(400, Family.MODELARTS));
    }
}
