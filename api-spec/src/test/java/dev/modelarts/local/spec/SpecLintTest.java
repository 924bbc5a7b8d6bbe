package dev.modelarts.local.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Checks on the spec that the generator's own validation does not make: types are OpenAPI types,
 * every example fits its schema, and every operation documents the responses this server sends.
 */
class SpecLintTest {

    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    @BeforeAll
    static void parse() throws IOException {
        String yaml;
        try (InputStream in = SpecLintTest.class.getResourceAsStream("/openapi/modelarts-image-api.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void parsesWithoutMessages() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getOpenapi()).startsWith("3.0.");
    }

    @Test
    void everySchemaHasAnOpenApiType() {
        List<String> bad = new ArrayList<>();
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        api.getComponents().getSchemas().forEach((name, schema) -> walk(name, schema, bad, seen));
        operations().forEach(op -> {
            for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
                walk(op.getOperationId() + "." + p.getName(), p.getSchema(), bad, seen);
            }
        });
        assertThat(bad).isEmpty();
    }

    private static void walk(String where, Schema<?> schema, List<String> bad, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, true) != null) {
            return;
        }
        if (schema.getType() != null && !TYPES.contains(schema.getType())) {
            bad.add(where + ": type " + schema.getType());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((n, s) -> walk(where + "." + n, s, bad, seen));
        }
        if (schema.getItems() != null) {
            walk(where + "[]", schema.getItems(), bad, seen);
        }
    }

    @Test
    void everyExampleFitsItsSchema() throws IOException {
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Operation op : operations()) {
            for (Map.Entry<String, ApiResponse> response : op.getResponses().entrySet()) {
                if (response.getValue().getContent() == null) {
                    continue;
                }
                for (MediaType media : response.getValue().getContent().values()) {
                    if (media.getExample() == null) {
                        continue;
                    }
                    examples++;
                    String json = JSON.writeValueAsString(media.getExample());
                    ValidationReport report = validator.validate(json, media.getSchema(), "example");
                    report.getMessages().forEach(m ->
                            problems.add(op.getOperationId() + " " + response.getKey() + ": " + m.getMessage()));
                }
            }
        }
        assertThat(examples).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsErrorsAndTheRequestIdHeader() {
        for (Operation op : operations()) {
            assertThat(op.getOperationId()).isNotBlank();
            assertThat(op.getTags()).isNotEmpty();
            assertThat(op.getResponses()).containsKey("default");
            boolean secured = op.getSecurity() == null || !op.getSecurity().isEmpty();
            if (secured) {
                assertThat(op.getResponses()).as(op.getOperationId()).containsKeys("400", "401", "403");
            }
            op.getResponses().forEach((status, response) -> assertThat(response.getHeaders())
                    .as(op.getOperationId() + " " + status).containsKey("X-Request-Id"));
        }
    }

    @Test
    void declaresBothWaysToAuthenticate() {
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("AuthToken", "AkSkSignature");
        assertThat(api.getSecurity()).hasSize(2);
    }

    private static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        api.getPaths().values().forEach(item -> ops.addAll(item.readOperations()));
        return ops;
    }
}
