package dev.modelarts.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The operations of the OpenAPI file as the runner needs them: each one's path, parameters with
 * their limits, request body, documented statuses and the headers each answer must carry. Built
 * once from the YAML, fully resolved (no {@code $ref} left).
 */
final class ApiSpec {

    /** The spec inside the api-spec jar, the one this build serves. */
    static final String RESOURCE = "/openapi/modelarts-image-api.yaml";

    /** One parameter: where it goes, whether it is required, and its schema (limits, enum, pattern). */
    record Param(String name, String in, boolean required, Schema<?> schema, Object example) {
    }

    /**
     * One operation.
     *
     * @param statuses        the explicitly documented statuses (not {@code default})
     * @param headersByStatus the headers each documented answer declares, {@code default} under 0
     */
    record Operation(String id, String method, String path, List<String> tags, List<Param> params,
            boolean secured, Schema<?> requestBody, Object requestExample, Set<Integer> statuses,
            boolean hasDefault, Map<Integer, Set<String>> headersByStatus) {

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        boolean reads() {
            return method.equals("GET");
        }

        /** The headers an answer with this status must carry. */
        Set<String> requiredHeaders(int status) {
            return headersByStatus.getOrDefault(status, headersByStatus.getOrDefault(0, Set.of()));
        }

        boolean documents(int status) {
            return statuses.contains(status) || (hasDefault && status >= 400);
        }
    }

    private final String yaml;
    private final OpenAPI api;
    private final List<Operation> operations;

    private ApiSpec(String yaml) {
        this.yaml = yaml;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("not an OpenAPI file: " + result.getMessages());
        }
        this.api = result.getOpenAPI();
        this.operations = operations(api);
    }

    static ApiSpec of(String yaml) {
        return new ApiSpec(yaml);
    }

    /** The spec this build packages. */
    static ApiSpec bundled() {
        try (InputStream in = ApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the spec is not on the classpath: " + RESOURCE);
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String yaml() {
        return yaml;
    }

    /** The parsed spec, every {@code $ref} resolved. */
    OpenAPI api() {
        return api;
    }

    List<Operation> operations() {
        return operations;
    }

    private static List<Operation> operations(OpenAPI api) {
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        List<Operation> all = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            List<Param> params = new ArrayList<>();
            for (Parameter p : concat(item.getParameters(), op.getParameters())) {
                params.add(new Param(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()), p.getSchema(),
                        p.getExample() != null ? p.getExample() : p.getSchema().getExample()));
            }
            boolean secured = op.getSecurity() == null ? securedByDefault : !op.getSecurity().isEmpty();
            Schema<?> body = null;
            Object example = null;
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                MediaType json = op.getRequestBody().getContent().get("application/json");
                if (json != null) {
                    body = json.getSchema();
                    example = json.getExample();
                }
            }
            Set<Integer> statuses = new TreeSet<>();
            Map<Integer, Set<String>> headers = new LinkedHashMap<>();
            op.getResponses().forEach((code, response) -> {
                int status = code.equals("default") ? 0 : Integer.parseInt(code);
                if (status != 0) {
                    statuses.add(status);
                }
                headers.put(status, headerNames(response));
            });
            all.add(new Operation(op.getOperationId(), method.name(), path,
                    op.getTags() == null ? List.of() : op.getTags(), List.copyOf(params), secured, body, example,
                    statuses, op.getResponses().containsKey("default"), headers));
        }));
        return List.copyOf(all);
    }

    private static Set<String> headerNames(ApiResponse response) {
        return response.getHeaders() == null ? Set.of() : Set.copyOf(response.getHeaders().keySet());
    }

    private static List<Parameter> concat(List<Parameter> a, List<Parameter> b) {
        List<Parameter> all = new ArrayList<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }
}
