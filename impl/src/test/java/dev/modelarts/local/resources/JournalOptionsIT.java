package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestServer;

/** {@code --journal-all} records every request; {@code --journal-bodies} their bodies, secrets masked. */
class JournalOptionsIT {

    @RegisterExtension
    static final TestServer server = TestServer.withOptions("--journal-all", "--journal-bodies");

    @Test
    void everyRequestAndItsBodyWithTheSecretsMasked() {
        ApiClient admin = ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
        admin.delete("/_modelarts/requests");
        server.client().get("/health/ready");
        server.client().json("POST", "/v1/" + TestServer.PROJECT_A + "/images",
                "{\"swr_path\": \"swr.example.com/journal/app:v1\", \"description\": \"kept\"}");
        admin.json("POST", "/_modelarts/seed", "{\"images\": [{\"project_id\": \"" + TestServer.PROJECT_A
                + "\", \"swr_path\": \"swr.example.com/journal/app:v2\", \"read_me\": \"kept too\"}],"
                + " \"sk\": \"never-shown\", \"db_password\": \"never\", \"nested\": [{\"x_auth_token\": \"no\"}]}");
        JsonNode requests = admin.get("/_modelarts/requests").json().get("requests");
        assertThat(requests.findValuesAsText("path")).containsExactly("/health/ready",
                "/v1/" + TestServer.PROJECT_A + "/images", "/_modelarts/seed");
        assertThat(requests.get(0).has("body")).isFalse();
        assertThat(requests.get(1).get("body").asText())
                .isEqualTo("{\"swr_path\":\"swr.example.com/journal/app:v1\",\"description\":\"kept\"}");
        String seed = requests.get(2).get("body").asText();
        assertThat(seed).contains("kept too").contains("\"sk\":\"***\"").contains("\"db_password\":\"***\"")
                .contains("\"x_auth_token\":\"***\"").doesNotContain("never").doesNotContain("\"no\"");
    }
}
