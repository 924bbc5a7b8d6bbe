package dev.modelarts.local.http;

import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 201 for the operations whose spec answers 201 on success (adding a fault rule): the generated
 * interfaces return typed bodies, which JAX-RS answers 200.
 */
public final class CreatedStatus implements ContainerResponseFilter {

    private final Set<String> creating;

    /** @param creating the operationIds (resource method names) that answer 201 */
    public CreatedStatus(Set<String> creating) {
        this.creating = Set.copyOf(creating);
    }

    /** For the operations of {@code spec} whose success is a 201 and never a 200. */
    public static CreatedStatus fromSpec(JsonNode spec) {
        Set<String> creating = new HashSet<>();
        spec.get("paths").forEach(path -> path.forEach(operation -> {
            JsonNode responses = operation.path("responses");
            if (responses.has("201") && !responses.has("200") && operation.has("operationId")) {
                creating.add(operation.get("operationId").asText());
            }
        }));
        return new CreatedStatus(creating);
    }

    /** Whether the operation answers 201 on success. */
    public boolean creates(String operationId) {
        return creating.contains(operationId);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && MatchedOperation.of(request).filter(this::creates).isPresent()) {
            response.setStatus(201);
        }
    }
}
