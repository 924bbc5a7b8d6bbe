package dev.modelarts.local.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import dev.modelarts.local.http.JsonMapperProvider;

/**
 * Checks, inside the server, every response it sends against the spec, whoever the client is
 * (a test's ApiClient, the generated client, the Pact verifier, the official SDK). Runs last
 * among the response filters, so it sees the final status and headers; the body is written with
 * the server's own JSON mapper. Problems are collected for {@link TestServer#close()} to report.
 */
@Priority(1)
public final class ResponseSpecCheck implements ContainerResponseFilter {

    private static final ObjectMapper JSON = JsonMapperProvider.createMapper();

    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile int checked;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.getStringHeaders());
        if (response.getMediaType() != null) {
            headers.put("Content-Type", List.of(response.getMediaType().toString()));
        }
        String body;
        try {
            body = response.hasEntity() ? JSON.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            problems.add(request.getMethod() + " " + request.getUriInfo().getRequestUri() + ": " + e);
            return;
        }
        String path = "/" + request.getUriInfo().getPath(false);
        List<String> found = SpecValidator.get().problems(request.getMethod(), path, response.getStatus(), headers, body);
        checked++;
        if (!found.isEmpty()) {
            problems.add(request.getMethod() + " " + path + " -> " + response.getStatus() + ": " + found + " " + body);
        }
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public int checked() {
        return checked;
    }
}
