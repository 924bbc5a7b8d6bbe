package dev.modelarts.local.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.config.SpecFile;

/**
 * The IAM action each operation needs, read from the spec itself: its {@code x-iam-action}.
 * An operation whose {@code security} is empty (the health check) needs none.
 */
public final class IamActions {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, String> byOperation;
    private final Set<String> publicOperations;

    private IamActions(Map<String, String> byOperation, Set<String> publicOperations) {
        this.byOperation = Map.copyOf(byOperation);
        this.publicOperations = Set.copyOf(publicOperations);
    }

    public static IamActions fromSpec() {
        return from(readSpec());
    }

    /** The spec, parsed once at start for everything that reads it. */
    public static JsonNode readSpec() {
        try (InputStream in = IamActions.class.getResourceAsStream(SpecFile.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the spec is not on the classpath: " + SpecFile.RESOURCE);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IamActions from(JsonNode spec) {
        Map<String, String> actions = new HashMap<>();
        Set<String> open = new HashSet<>();
        spec.get("paths").forEach(path -> path.fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String operationId = op.getValue().path("operationId").asText();
            JsonNode security = op.getValue().get("security");
            if (security != null && security.isArray() && security.isEmpty()) {
                open.add(operationId);
            } else {
                String action = op.getValue().path("x-iam-action").asText(null);
                if (action == null) {
                    throw new IllegalStateException("operation " + operationId + " has no x-iam-action");
                }
                actions.put(operationId, action);
            }
        }));
        return new IamActions(actions, open);
    }

    /** Every action some operation needs: what a credential's action patterns may name. */
    public Set<String> actions() {
        return Set.copyOf(byOperation.values());
    }

    /**
     * The action an operation (named by its operationId, which is the resource method's name)
     * needs; empty for an operation that needs no credential.
     *
     * @throws IllegalStateException for an operation the spec does not have
     */
    public Optional<String> forOperation(String operationId) {
        if (publicOperations.contains(operationId)) {
            return Optional.empty();
        }
        String action = byOperation.get(operationId);
        if (action == null) {
            throw new IllegalStateException("no IAM action for operation " + operationId);
        }
        return Optional.of(action);
    }
}
