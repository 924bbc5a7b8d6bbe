package dev.modelarts.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.media.Schema;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.Case.Family;
import dev.modelarts.conformance.Target.Exchange;

/**
 * Checks one answer against the spec and the case's expectation: the status (expected, and
 * documented for the operation), the body against the status's schema (unknown fields refused, so
 * a renamed field shows), the declared headers ({@code X-Request-Id}), the error family, and the
 * paging figures of a list. Each problem names the JSON path it is about.
 */
final class Checks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Schema<?> errorSchema;

    Checks(ApiSpec spec) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec.yaml()).build();
        this.schemas = new SchemaValidator(spec.api(), new MessageResolver());
        this.errorSchema = spec.api().getComponents().getSchemas().get("ErrorResponse");
    }

    /** The problems of one answer; empty when it conforms. */
    synchronized List<String> problems(Case c, Exchange answer) {
        Operation op = c.operation();
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        if (!c.expect().accepts(status)) {
            problems.add("status " + status + ", expected " + c.expect().describe() + summary(answer));
        }
        if (!op.documents(status)) {
            problems.add("status " + status + " is not documented for " + op.id());
        }
        for (String header : op.requiredHeaders(status)) {
            if (answer.header(header) == null) {
                problems.add("header " + header + " missing");
            }
        }
        boolean routed = c.request().path().split("/", -1).length == op.path().split("/", -1).length
                && !c.request().path().contains("//");
        problems.addAll(routed ? bodyProblems(op, answer) : errorBodyProblems(answer));
        JsonNode body = parse(answer.body());
        if (status >= 400 && body != null) {
            problems.addAll(familyProblems(c.expect().family(), body));
        }
        if (status == 200 && body != null) {
            problems.addAll(Paging.problems(op, c.request(), body));
        }
        return problems;
    }

    private List<String> bodyProblems(Operation op, Exchange answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        answer.headers().forEach(response::withHeader);
        if (answer.body() != null && !answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        Method method = Arrays.stream(Method.values()).filter(m -> m.name().equals(op.method())).findFirst()
                .orElseThrow();
        return errors(validator.validateResponse(answer.request().path(), method, response.build()));
    }

    /** An answer to a path the spec has no operation for: it must still be the error body. */
    private List<String> errorBodyProblems(Exchange answer) {
        if (answer.body() == null || answer.body().isEmpty()) {
            return List.of("an error answer without a body");
        }
        return errors(schemas.validate(answer.body(), errorSchema, "response.body"));
    }

    private static List<String> familyProblems(Family family, JsonNode body) {
        List<String> problems = new ArrayList<>();
        String code = body.path("error_code").asText("");
        if (!code.startsWith(family.prefix)) {
            problems.add("$.error_code is " + code + ", expected " + family.prefix + "*");
        }
        // the gateway's errors carry its request id in the body, the service's do not
        boolean gateway = code.startsWith("APIG.");
        if (gateway != body.has("request_id")) {
            problems.add(gateway ? "$.request_id missing from a gateway error" : "$.request_id in a service error");
        }
        return problems;
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> where(m) + m.getMessage())
                .toList();
    }

    /**
     * The JSON path of a schema message, from its JSON pointer: {@code $.data[0]: }; for a field
     * the schema does not have, or a required one missing, the field's own path
     * ({@code $.data[0].swr_url: }), so a renamed field is named under both its names.
     */
    private static String where(ValidationReport.Message message) {
        String at = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> jsonPath(p.getInstance())).orElse(null);
        if (at == null) {
            return "";
        }
        if (message.getKey().endsWith(".additionalProperties") || message.getKey().endsWith(".required")) {
            List<String> fields = new ArrayList<>();
            Matcher names = QUOTED.matcher(message.getMessage());
            while (names.find()) {
                fields.add(at + "." + names.group(1));
            }
            if (!fields.isEmpty()) {
                return String.join(", ", fields) + ": ";
            }
        }
        return at + ": ";
    }

    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            path.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
        }
        return path.toString();
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String summary(Exchange answer) {
        String body = answer.body() == null ? "" : answer.body();
        return body.isEmpty() ? "" : " (" + (body.length() > 200 ? body.substring(0, 200) + "..." : body) + ")";
    }
}
