package dev.modelarts.local.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelarts.local.testkit.TestCredential;

/**
 * Time and state through the JUnit extension, as docs/testing.md's "Time and state" shows them: a fixed
 * clock, seeded ids, a transition rule from the start and one added in a test, the clock moved;
 * reset() removes the rules (those from the start too, as with fault rules) and sets the clock
 * back to its start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeAndStateExtensionIT {

    @RegisterExtension
    static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder()
            .clock(java.time.Instant.parse("2026-01-01T00:00:00Z"), true)
            .deterministic(42)
            .transitions("- {swr_path: 'swr.example.com/slow/*', path: [CREATING, ACTIVE], seconds: 2}")
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(modelArts.endpoint().resolve(path))
                .header("X-Auth-Token", TestCredential.DEVELOPMENT.token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @AfterEach
    void reset() {
        modelArts.reset();
    }

    /** First: the other tests' resets remove the rule this one uses. */
    @Test
    @Order(1)
    void aRuleFromTheStartAndTheClockMovedByTheTest() throws Exception {
        JsonNode image = send("POST", "v1/dev-project/images", "{\"swr_path\": \"swr.example.com/slow/app:v1\"}");
        assertThat(image.get("status").asText()).isEqualTo("CREATING");
        assertThat(image.get("create_at").asLong()).isEqualTo(1_767_225_600_000L);
        modelArts.advanceClock(java.time.Duration.ofMillis(2_000));
        assertThat(send("GET", "v1/dev-project/images/" + image.get("id").asText(), null).get("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void aRuleAddedInATest() throws Exception {
        modelArts.transition("{\"swr_path\": \"*:v2\", \"path\": [\"INIT\", \"ERROR\"], \"polls\": 1,"
                + " \"status_message\": \"broken\"}");
        String id = send("POST", "v1/dev-project/images", "{\"swr_path\": \"swr.example.com/team/app:v2\"}")
                .get("id").asText();
        assertThat(send("GET", "v1/dev-project/images/" + id, null).get("status").asText()).isEqualTo("INIT");
        JsonNode failed = send("GET", "v1/dev-project/images/" + id, null);
        assertThat(failed.get("status").asText()).isEqualTo("ERROR");
        assertThat(failed.get("status_message").asText()).isEqualTo("broken");
        assertThatThrownBy(() -> modelArts.transition("{\"path\": [\"ACTIVE\"], \"polls\": 1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two statuses");
    }

    @Test
    @Order(3)
    void resetSetsTheClockBackToItsStart() throws Exception {
        modelArts.advanceClock(java.time.Duration.ofMillis(60_000));
        modelArts.reset();
        assertThat(send("POST", "v1/dev-project/images", "{\"swr_path\": \"swr.example.com/team/app:v3\"}")
                .get("create_at").asLong()).isEqualTo(1_767_225_600_000L);
    }
}
