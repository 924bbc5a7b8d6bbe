package dev.modelarts.local.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.testing.SpecValidator;

/**
 * The operations of the spec as the hostile tests need them: each parameter's rule and each
 * body field's type, read from the OpenAPI file itself, so a new operation or parameter is
 * attacked without a change here.
 */
final class SpecOperations {

    /** A schema reduced to what the generators use. */
    record Schema(String type, Pattern pattern, List<String> enumValues, Long minimum, Long maximum,
            Integer minLength, Integer maxLength, Schema items) {

        /** Whether the server must accept {@code value} for this schema (a string rule only). */
        boolean accepts(String value) {
            if (!enumValues.isEmpty()) {
                return enumValues.contains(value);
            }
            if (pattern != null && !pattern.matcher(value).matches()) {
                return false;
            }
            int length = value.codePointCount(0, value.length());
            return (minLength == null || length >= minLength) && (maxLength == null || length <= maxLength);
        }
    }

    record Param(String name, String in, Schema schema) {
    }

    record Body(Map<String, Schema> properties, List<String> required, boolean mandatory) {
    }

    record Operation(String id, String method, String path, List<Param> params, Optional<Body> body, boolean secured) {

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private static final List<Operation> OPERATIONS = load();

    private SpecOperations() {
    }

    static List<Operation> all() {
        return OPERATIONS;
    }

    private static List<Operation> load() {
        JsonNode spec;
        try {
            spec = new ObjectMapper(new YAMLFactory()).readTree(SpecValidator.readSpec());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                return;
            }
            JsonNode node = op.getValue();
            List<Param> params = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                JsonNode param = resolve(spec, p);
                params.add(new Param(param.get("name").asText(), param.get("in").asText(), schema(spec, param.get("schema"))));
            }
            Optional<Body> body = Optional.empty();
            JsonNode content = node.path("requestBody").path("content").path("application/json").path("schema");
            if (!content.isMissingNode()) {
                JsonNode schema = resolve(spec, content);
                Map<String, Schema> properties = new java.util.LinkedHashMap<>();
                schema.path("properties").fields().forEachRemaining(f -> properties.put(f.getKey(), schema(spec, f.getValue())));
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                body = Optional.of(new Body(properties, required, node.path("requestBody").path("required").asBoolean(false)));
            }
            boolean secured = !(node.has("security") && node.get("security").isEmpty());
            operations.add(new Operation(node.get("operationId").asText(), op.getKey().toUpperCase(), path.getKey(),
                    params, body, secured));
        }));
        return List.copyOf(operations);
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = spec;
            for (String part : parts) {
                target = target.get(part);
            }
            node = target;
        }
        return node;
    }

    private static Schema schema(JsonNode spec, JsonNode raw) {
        JsonNode s = resolve(spec, raw);
        List<String> values = new ArrayList<>();
        s.path("enum").forEach(v -> values.add(v.asText()));
        return new Schema(
                s.path("type").asText("string"),
                s.has("pattern") ? Pattern.compile(s.get("pattern").asText()) : null,
                List.copyOf(values),
                s.has("minimum") ? s.get("minimum").asLong() : null,
                s.has("maximum") ? s.get("maximum").asLong() : null,
                s.has("minLength") ? s.get("minLength").asInt() : null,
                s.has("maxLength") ? s.get("maxLength").asInt() : null,
                s.has("items") ? schema(spec, s.get("items")) : null);
    }
}
