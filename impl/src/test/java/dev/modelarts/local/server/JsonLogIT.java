package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.testing.PackagedJar;
import dev.modelarts.local.testing.RawHttp;

/**
 * {@code MODELARTS_LOG_FORMAT=json} on the packaged jar: every line it prints is one JSON object;
 * the access lines of an answer from Jersey and of one refused at the edge carry the same fields
 * as key-value pairs, and the request id of the answer in the MDC.
 */
class JsonLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsJsonAndTheAccessLineHasItsFields() throws Exception {
        ProcessBuilder builder = PackagedJar.command("--in-memory", "--port", "0");
        builder.environment().put("MODELARTS_LOG_FORMAT", "json");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<String> baseUri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    String message = JSON.readTree(line).path("formattedMessage").asText();
                    if (message.contains("listening on ")) {
                        baseUri.complete(message.substring(message.indexOf("http://")));
                    }
                }
            } catch (Exception e) {
                baseUri.completeExceptionally(e);
            }
            baseUri.completeExceptionally(new IllegalStateException("exited: " + lines));
        });
        reader.start();
        try {
            URI base = URI.create(baseUri.get(60, TimeUnit.SECONDS));
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> listing = client.send(HttpRequest.newBuilder(base.resolve("v1/dev-project/images/group?limit=1"))
                    .header("X-Auth-Token", "dev-token").header("User-Agent", "json-log-test/1 \"quoted\"").build(),
                    HttpResponse.BodyHandlers.ofString());
            RawHttp.Answer refused = new RawHttp(base.getPort())
                    .exchange("GET /v1/%zz HTTP/1.1\r\nHost: localhost\r\nUser-Agent: raw\r\nConnection: close\r\n\r\n");
            assertThat(refused.status()).isEqualTo(400);

            process.toHandle().destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);

            List<JsonNode> events = new ArrayList<>();
            for (String line : lines) {
                events.add(JSON.readTree(line)); // throws on any line that is not JSON
            }
            assertThat(events).allSatisfy(e -> assertThat(e.isObject()).as("one object per line").isTrue());
            Map<String, String> served = access(events, listing.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(served).containsEntry("method", "GET")
                    .containsEntry("target", "/v1/dev-project/images/group?limit=1")
                    .containsEntry("status", "200")
                    .containsEntry("bytes", String.valueOf(listing.body().getBytes(StandardCharsets.UTF_8).length))
                    .containsEntry("client", "127.0.0.1")
                    .containsEntry("principal", "token dev-...(9)")
                    .containsEntry("agent", "json-log-test/1 ?quoted?");
            assertThat(served.get("ms")).matches("\\d+\\.\\d");

            Map<String, String> edge = access(events, refused.header("X-Request-Id"));
            assertThat(edge).containsEntry("status", "400").containsEntry("target", "/v1/%zz")
                    .containsEntry("principal", "-").containsEntry("client", "127.0.0.1")
                    .containsEntry("agent", "raw").containsEntry("ms", "-")
                    .containsEntry("bytes", String.valueOf(refused.body().length()));
            assertThat(edge.keySet()).isEqualTo(served.keySet());
        } finally {
            process.destroyForcibly();
        }
    }

    /** The key-value pairs of the one access line with this request id. */
    private static Map<String, String> access(List<JsonNode> events, String requestId) {
        List<JsonNode> matching = events.stream()
                .filter(e -> e.path("loggerName").asText().equals("access"))
                .filter(e -> e.path("mdc").path("requestId").asText().equals(requestId))
                .toList();
        assertThat(matching).as("one access line for " + requestId).hasSize(1);
        Map<String, String> fields = new HashMap<>();
        matching.get(0).path("kvpList").forEach(pair -> pair.fields()
                .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText())));
        return fields;
    }
}
