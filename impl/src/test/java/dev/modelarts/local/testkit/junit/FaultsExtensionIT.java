package dev.modelarts.local.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.modelarts.local.testkit.TestCredential;

/**
 * Fault rules through the JUnit extension, as docs/testing.md's "Testing failures" shows them: from the
 * start (as a --faults file) and added in a test; reset() removes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsExtensionIT {

    @RegisterExtension
    static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder()
            .faults("""
                    - operation: ShowImage
                      action: error
                      status: 500
                      error_code: ModelArts.0010
                    """)
            .build();

    private final HttpClient http = HttpClient.newHttpClient();

    private int status(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(modelArts.endpoint().resolve(path))
                .header("X-Auth-Token", TestCredential.DEVELOPMENT.token()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @AfterEach
    void reset() {
        modelArts.reset();
    }

    /** First: the other tests' resets remove the rule this one finds. */
    @Test
    @Order(1)
    void rulesFromTheStartApplyUntilAReset() throws Exception {
        assertThat(status("v1/dev-project/images/any-id")).isEqualTo(500);
        modelArts.reset();
        assertThat(status("v1/dev-project/images/any-id")).isEqualTo(400); // the image does not exist
    }

    @Test
    void aRuleAddedInATestFiresAsItSays() throws Exception {
        modelArts.fault("{\"operation\": \"ListImage\", \"action\": \"error\", \"status\": 429,"
                + " \"error_code\": \"APIG.0308\", \"times\": 2}");
        assertThat(status("v1/dev-project/images")).isEqualTo(429);
        assertThat(status("v1/dev-project/images")).isEqualTo(429);
        assertThat(status("v1/dev-project/images")).isEqualTo(200);
    }

    @Test
    void aBadRuleIsRefusedNamingTheField() {
        assertThatThrownBy(() -> modelArts.fault("{\"action\": \"error\", \"status\": 700, \"error_code\": \"ModelArts.0010\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> modelArts.fault("{\"action\": \"throttle\", \"limit\": 5}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'period_s' is required");
    }
}
