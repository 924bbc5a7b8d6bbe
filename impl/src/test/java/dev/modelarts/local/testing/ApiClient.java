package dev.modelarts.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for tests that checks every response it receives against the OpenAPI file
 * and fails the test on any mismatch, so no test can forget to.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Map<String, String> defaultHeaders;
    private final SpecValidator spec = SpecValidator.get();

    /** A client that sends no credential. */
    public ApiClient(URI base) {
        this(base, Map.of());
    }

    /** A client that adds {@code defaultHeaders} (a credential, say) to every request. */
    public ApiClient(URI base, Map<String, String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
    }

    /** A client with a token: {@code X-Auth-Token}. */
    public static ApiClient withToken(URI base, String token) {
        return new ApiClient(base, Map.of("X-Auth-Token", token));
    }

    public URI base() {
        return base;
    }

    /** A response, its body parsed when it is JSON. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }
    }

    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    public Reply get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    /** A request with a JSON body, sent as the SDK sends it. */
    public Reply json(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body, Map.of("Content-Type", "application/json;charset=UTF-8"));
    }

    public Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null, Map.of());
    }

    public Reply send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        defaultHeaders.forEach((name, value) -> {
            if (headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                request.header(name, value);
            }
        });
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        String path = URI.create(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery).getRawPath();
        List<String> problems = spec.problems(method, path, reply.status(), reply.headers(), reply.body());
        if (!problems.isEmpty()) {
            throw new AssertionError("response to " + method + " " + pathAndQuery + " breaks the spec: "
                    + problems + "\nstatus " + reply.status() + ", body: " + reply.body());
        }
        return reply;
    }
}
