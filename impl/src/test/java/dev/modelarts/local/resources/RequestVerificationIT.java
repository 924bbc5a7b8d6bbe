package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;

/**
 * The journal asked: filters and a count on {@code GET /_modelarts/requests}, and
 * {@code POST /_modelarts/requests/verify} answering 200 when a count holds and 409 with the
 * count found and the near misses when it does not.
 */
class RequestVerificationIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private static final String IMAGES = "/v1/" + TestServer.PROJECT_A + "/images";
    private static String imageId;
    private static int registered;

    private static ApiClient admin() {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    @BeforeEach
    void threeShowsInOneProjectAndOneInAnother() {
        imageId = server.client().json("POST", IMAGES, "{\"swr_path\": \"swr.example.com/verify/app:v"
                + ++registered + "\"}").json().get("id").asText();
        admin().delete("/_modelarts/requests");
        for (int i = 0; i < 3; i++) {
            assertThat(server.client().get(IMAGES + "/" + imageId).status()).isEqualTo(200);
        }
        assertThat(server.client().get("/v1/project-b/images/" + imageId).status()).isEqualTo(400);
        server.client().get(IMAGES + "?limit=1");
    }

    private static Reply verify(String check) {
        return admin().json("POST", "/_modelarts/requests/verify", check);
    }

    @Test
    void aCountThatHoldsIsAnswered200WithTheRequests() {
        Reply holds = verify("{\"operation\": \"ShowImage\", \"project_id\": \"" + TestServer.PROJECT_A + "\", \"count\": 3}");
        assertThat(holds.status()).as(holds.body()).isEqualTo(200);
        assertThat(holds.json().get("count").asInt()).isEqualTo(3);
        assertThat(holds.json().get("requests").findValuesAsText("operation")).containsOnly("ShowImage");
        assertThat(verify("{\"operation\": \"showimage\", \"at_least\": 2, \"at_most\": 4}").status()).isEqualTo(200);
        assertThat(verify("{\"operation\": \"ListImage\"}").status()).as("at least one by default").isEqualTo(200);
    }

    @Test
    void aCountThatFailsIsAnswered409WithTheCountAndTheNearMisses() {
        Reply fails = verify("{\"operation\": \"ShowImage\", \"project_id\": \"" + TestServer.PROJECT_A + "\", \"count\": 4}");
        assertThat(fails.status()).isEqualTo(409);
        JsonNode body = fails.json();
        assertThat(body.get("error_code").asText()).isEqualTo("ModelArts.0409");
        assertThat(body.get("error_msg").asText())
                .isEqualTo("Expected exactly 4 requests of operation ShowImage in project project-a, found 3.");
        assertThat(body.get("count").asInt()).isEqualTo(3);
        JsonNode near = body.get("near_misses");
        assertThat(near).hasSize(2);
        assertThat(near.get(0).get("operation").asText()).isEqualTo("ShowImage");
        assertThat(near.get(0).get("project_id").asText()).as("the same operation in another project, first")
                .isEqualTo("project-b");
        assertThat(near.get(1).get("operation").asText()).as("another operation in the same project").isEqualTo("ListImage");
        assertThat(fails.header("X-Request-Id")).isNotBlank();

        Reply atMost = verify("{\"path\": \"" + IMAGES + "/" + imageId + "\", \"at_most\": 2}");
        assertThat(atMost.status()).isEqualTo(409);
        assertThat(atMost.json().get("error_msg").asText()).startsWith("Expected at most 2 requests to path");
        assertThat(verify("{\"operation\": \"DeleteImage\"}").json().get("error_msg").asText())
                .isEqualTo("Expected at least 1 requests of operation DeleteImage, found 0.");
    }

    @Test
    void theJournalIsFilteredAndCounted() {
        JsonNode shows = admin().get("/_modelarts/requests?operation=ShowImage&project_id=" + TestServer.PROJECT_A).json();
        assertThat(shows.get("count").asInt()).isEqualTo(3);
        assertThat(shows.get("requests")).hasSize(3);
        assertThat(admin().get("/_modelarts/requests?status=400").json().get("count").asInt()).isEqualTo(1);
        assertThat(admin().get("/_modelarts/requests?method=GET").json().get("count").asInt()).isEqualTo(5);
        assertThat(admin().get("/_modelarts/requests?since=" + (System.currentTimeMillis() + 60_000)).json()
                .get("count").asInt()).isZero();
        JsonNode all = admin().get("/_modelarts/requests").json();
        assertThat(all.get("count").asInt()).as("the journal's own requests are not recorded").isEqualTo(5);
    }

    @Test
    void badChecksAreRefusedNamingWhatIsWrong() {
        Reply unknown = verify("{\"operation\": \"ShowImages\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error_msg").asText()).contains("'operation' ShowImages is none of").contains("ShowImage");
        assertThat(verify("{\"count\": 1, \"at_least\": 1}").status()).isEqualTo(400);
        assertThat(verify("{\"count\": -1}").status()).isEqualTo(400);
        assertThat(admin().get("/_modelarts/requests?method=FETCH").status()).isEqualTo(400);
    }
}
