package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.testing.JarRun;
import dev.modelarts.local.testing.RawHttp;
import dev.modelarts.local.testing.ServerProcess;

/**
 * {@code MODELARTS_LOG_FORMAT=json} on the packaged jar: every line it prints is one JSON object;
 * the access lines of an answer from Jersey and of one refused at the edge carry the same flat
 * fields, numbers as numbers, with the answer's request id.
 */
class JsonLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsJsonAndTheAccessLineHasItsFields() throws Exception {
        try (ServerProcess server = ServerProcess.start(
                JarRun.command(Map.of("MODELARTS_LOG_FORMAT", "json"), "--in-memory", "--port", "0"))) {
            URI base = server.base();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> listing = client.send(HttpRequest.newBuilder(base.resolve("v1/dev-project/images/group?limit=1"))
                    .header("X-Auth-Token", "dev-token").header("User-Agent", "json-log-test/1 \"quoted\"").build(),
                    HttpResponse.BodyHandlers.ofString());
            RawHttp.Answer refused = new RawHttp(base.getPort())
                    .exchange("GET /v1/%zz HTTP/1.1\r\nHost: localhost\r\nUser-Agent: raw\r\nConnection: close\r\n\r\n");
            assertThat(refused.status()).isEqualTo(400);

            server.stop();
            List<String> lines = server.output();

            List<JsonNode> events = new ArrayList<>();
            for (String line : lines) {
                events.add(JSON.readTree(line)); // throws on any line that is not JSON
            }
            assertThat(events).allSatisfy(e -> assertThat(e.isObject()).as("one object per line").isTrue());
            JsonNode served = access(events, listing.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(served.path("method").asText()).isEqualTo("GET");
            assertThat(served.path("target").asText()).isEqualTo("/v1/dev-project/images/group?limit=1");
            assertThat(served.path("status").isInt()).as("a number, for jq's select(.status >= 500)").isTrue();
            assertThat(served.path("status").asInt()).isEqualTo(200);
            assertThat(served.path("bytes").asLong()).isEqualTo(listing.body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(served.path("ms").isNumber()).isTrue();
            assertThat(served.path("client").asText()).isEqualTo("127.0.0.1");
            assertThat(served.path("principal").asText()).isEqualTo("token dev-...(9)");
            assertThat(served.path("agent").asText()).isEqualTo("json-log-test/1 %22quoted%22");
            assertThat(served.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

            JsonNode edge = access(events, refused.header("X-Request-Id"));
            assertThat(edge.path("status").asInt()).isEqualTo(400);
            assertThat(edge.path("target").asText()).isEqualTo("/v1/%zz");
            assertThat(edge.path("principal").asText()).isEqualTo("-");
            assertThat(edge.path("agent").asText()).isEqualTo("raw");
            assertThat(edge.path("ms").isNull()).as("not measured at the edge").isTrue();
            assertThat(edge.path("bytes").asLong()).isEqualTo(refused.body().length());
            assertThat(fieldNames(edge)).isEqualTo(fieldNames(served));
            assertThat(events.stream().filter(e -> e.path("status").asInt() >= 400)).hasSize(1);
        }
    }

    /** The one access line with this request id. */
    private static JsonNode access(List<JsonNode> events, String requestId) {
        List<JsonNode> matching = events.stream()
                .filter(e -> e.path("logger").asText().equals("access"))
                .filter(e -> e.path("request_id").asText().equals(requestId))
                .toList();
        assertThat(matching).as("one access line for " + requestId).hasSize(1);
        return matching.get(0);
    }

    private static Set<String> fieldNames(JsonNode event) {
        Set<String> names = new TreeSet<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
