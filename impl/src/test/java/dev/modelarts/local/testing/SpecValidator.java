package dev.modelarts.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import dev.modelarts.local.config.SpecFile;

/**
 * Checks responses against the project's OpenAPI file (the one packaged by api-spec). A response
 * to a path or method the spec does not have (404/405) is checked against the ErrorResponse
 * schema, since every error the server sends has that shape.
 */
public final class SpecValidator {


    private static final SpecValidator INSTANCE = new SpecValidator(readSpec());

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemaValidator;
    private final Schema<?> errorSchema;

    private SpecValidator(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
        this.schemaValidator = new SchemaValidator(api, new MessageResolver());
        this.errorSchema = api.getComponents().getSchemas().get("ErrorResponse");
    }

    public static SpecValidator get() {
        return INSTANCE;
    }

    public static String readSpec() {
        try (InputStream in = SpecValidator.class.getResourceAsStream(SpecFile.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("spec not on the classpath: " + SpecFile.RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates one response; returns the problems found, empty when it conforms.
     *
     * @param path the request path without query
     */
    public synchronized List<String> problems(String method, String path, int status,
            Map<String, List<String>> headers,
            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        Request.Method known = Arrays.stream(Request.Method.values())
                .filter(m -> m.name().equals(method)).findFirst().orElse(null);
        ValidationReport report = known == null ? null : validator.validateResponse(path, known, response.build());
        boolean unknownOperation = report == null || report.getMessages().stream().anyMatch(m ->
                m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
        if (unknownOperation && status == 204 && "OPTIONS".equals(method) && headers.keySet().stream()
                .anyMatch("Access-Control-Allow-Origin"::equalsIgnoreCase)) {
            // a CORS preflight, which the spec's conventions describe rather than each path
            return body == null || body.isEmpty() ? List.of() : List.of("a CORS preflight answer with a body");
        }
        if (unknownOperation) {
            // 404/405 by routing; any other 4xx by a check that runs before routing (a
            // malformed header, say): an error either way, never a success
            if (status < 400 || status >= 500) {
                return List.of("a " + status + " answer to an operation the spec does not have: "
                        + method + " " + path);
            }
            return errorBodyProblems(body);
        }
        return errors(report);
    }

    /** Problems of a body that must be the ModelArts error body (ErrorResponse). */
    public synchronized List<String> errorBodyProblems(String body) {
        if (body == null || body.isEmpty()) {
            return List.of("an error answer without a body");
        }
        return errors(schemaValidator.validate(body, errorSchema, "response.body"));
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
