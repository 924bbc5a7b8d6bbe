package dev.modelarts.local.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.modelarts.local.api.ContractApi;
import dev.modelarts.local.config.SpecFile;

/**
 * The contract, served: the packaged OpenAPI file byte for byte; the same as JSON, as this server
 * serves it (its own address as the first server, and no {@code /_modelarts/} paths when the
 * test-control API is off); and the Swagger UI page on it (Swagger UI's own files from its
 * webjar, the page and its start script from this jar). Everything is read once, at start.
 */
public final class ContractResource implements ContractApi {

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final String CONTROL_PREFIX = "/_modelarts/";
    private static final String CONTROL_TAG = "TestControl";
    /** The packaged file's first server: the local server on its default address, replaced by the real one. */
    private static final String DEFAULT = "http://127.0.0.1:8080";
    /** Swagger UI's files the page loads; nothing else of the webjar is served. */
    private static final Set<String> SWAGGER_FILES = Set.of("swagger-ui.css", "index.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js");

    private final String yaml = text(SpecFile.RESOURCE);
    private final Map<String, Object> json;

    @Context
    private UriInfo uri;

    /** @param controlApi whether the test-control API is served: its paths stay in the JSON */
    public ContractResource(boolean controlApi) {
        Map<String, Object> spec = parse(yaml);
        if (!controlApi) {
            Map<String, Object> paths = new LinkedHashMap<>(map(spec.get("paths")));
            paths.keySet().removeIf(path -> path.startsWith(CONTROL_PREFIX));
            spec.put("paths", paths);
            List<Object> tags = new ArrayList<>(list(spec.get("tags")));
            tags.removeIf(tag -> CONTROL_TAG.equals(map(tag).get("name")));
            spec.put("tags", tags);
        }
        this.json = Collections.unmodifiableMap(spec);
    }
    private final String page = text("/docs/index.html");
    private final String initializer = text("/docs/initializer.js");
    private final String swaggerUi = WEBJAR + swaggerUiVersion() + "/";

    @Override
    public String getOpenApiYaml() {
        return yaml;
    }

    /** The spec with this server's address first among the servers: what a generator here should call. */
    @Override
    public Map<String, Object> getOpenApiJson() {
        Map<String, Object> served = new LinkedHashMap<>(json);
        List<Object> servers = new ArrayList<>();
        servers.add(Map.of("url", uri.getBaseUri().toString().replaceAll("/$", ""), "description", "this server"));
        list(json.get("servers")).stream().filter(server -> !String.valueOf(map(server).get("url")).startsWith(DEFAULT))
                .forEach(servers::add);
        served.put("servers", servers);
        return served;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @Override
    public String getDocsPage() {
        return page;
    }

    @Override
    public String getDocsFile(String file) {
        if (file.equals("initializer.js")) {
            return initializer;
        }
        if (!SWAGGER_FILES.contains(file)) {
            throw new NotFoundException();
        }
        return text(swaggerUi + file);
    }

    private static String text(String resource) {
        try (InputStream in = ContractResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String yamlText) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(yamlText, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its Maven metadata, which names its directory. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = ContractResource.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
