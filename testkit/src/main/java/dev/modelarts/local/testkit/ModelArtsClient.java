package dev.modelarts.local.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A plain HTTP client for the server, with the test credential's token on every request: the
 * quickest way to call an operation or the test-control API without a generated client.
 *
 * <pre>{@code
 * ModelArtsClient.Reply groups = server.client().get(server.client().projectPath("images/group?limit=10"));
 * assertEquals(200, groups.status());
 * }</pre>
 *
 * Paths are relative to the server's endpoint, with or without a leading slash, and already
 * encoded (as they go on the wire). Thread-safe; one {@link HttpClient} per instance, HTTP/1.1.
 */
public final class ModelArtsClient {

    /** One answer: the status, the body as text, the headers. */
    public record Reply(int status, String body, HttpHeaders headers) {

        /** The {@code X-Request-Id} the server answered with, or {@code null}. */
        public String requestId() {
            return headers.firstValue("X-Request-Id").orElse(null);
        }
    }

    private final HttpClient http;
    private final URI endpoint;
    private final TestCredential credential;

    /**
     * @param endpoint   the server's base address, {@code http://host:port/}
     * @param credential sends its token; a credential without one makes requests without
     *                   {@code X-Auth-Token} (use the official SDK with its access key instead)
     */
    public ModelArtsClient(URI endpoint, TestCredential credential) {
        this.endpoint = withTrailingSlash(Objects.requireNonNull(endpoint, "endpoint"));
        this.credential = Objects.requireNonNull(credential, "credential");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** {@code v1/{project_id}/} followed by {@code rest}: the credential's project's path. */
    public String projectPath(String rest) {
        return "v1/" + credential.projectId() + "/" + (rest.startsWith("/") ? rest.substring(1) : rest);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    /**
     * Sends one request and waits for its answer.
     *
     * @param json the body, sent as {@code application/json}; {@code null} for none
     * @throws UncheckedIOException when the server cannot be reached
     */
    public Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential.token() != null) {
            request.header("X-Auth-Token", credential.token());
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(answer.statusCode(), answer.body(), answer.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + method + " " + path, e);
        }
    }

    /** The server's base address, ending in a slash. */
    public URI endpoint() {
        return endpoint;
    }

    private URI resolve(String path) {
        return endpoint.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }
}
