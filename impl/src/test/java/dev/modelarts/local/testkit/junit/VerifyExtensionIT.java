package dev.modelarts.local.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.modelarts.local.testkit.TestCredential;

/** WireMock's verify, through the extension: a count that holds answers it, one that does not fails the test. */
class VerifyExtensionIT {

    @RegisterExtension
    static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder().inMemory().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private int get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(modelArts.endpoint().resolve(path))
                .header("X-Auth-Token", TestCredential.DEVELOPMENT.token()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aCountThatHoldsIsAnsweredOneThatDoesNotFailsWithTheNearMisses() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("v1/dev-project/images/group?limit=1")).isEqualTo(200);
        }
        assertThat(get("v1/other-project/images/group?limit=1")).isEqualTo(403);
        assertThat(modelArts.verify("{\"operation\": \"ListImageGroup\", \"project_id\": \"dev-project\", \"count\": 3}"))
                .isEqualTo(3);
        assertThatThrownBy(() -> modelArts.verify("{\"operation\": \"ListImageGroup\", \"project_id\": \"dev-project\","
                + " \"count\": 4}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected exactly 4 requests of operation ListImageGroup in project dev-project,"
                        + " found 3. Near misses:")
                .hasMessageContaining("GET /v1/other-project/images/group -> 403");
        assertThatThrownBy(() -> modelArts.verify("{\"operation\": \"ListImageGroups\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is none of");
    }
}
