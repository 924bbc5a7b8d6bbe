package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/** The test-control API (/_modelarts/) over real HTTP: reset, seed, provider states, journal. */
@Tag(TestDatabase.BOTH)
class TestControlIT {

    private static final String SWR = "swr.cn-north-4.myhuaweicloud.com/";

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private ApiClient admin() {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    private long dedicated(String project) {
        return server.client().get("/v1/" + project + "/images?type=DEDICATED").json().get("total").asLong();
    }

    @BeforeEach
    void startEmpty() {
        assertThat(admin().json("POST", "/_modelarts/reset", "").status()).isEqualTo(200);
    }

    @Test
    void resetForgetsEveryDedicatedImageAndKeepsTheCatalog() {
        for (String project : new String[] {"p1", "p2"}) {
            server.client().json("POST", "/v1/" + project + "/images", "{\"swr_path\":\"" + SWR + "team/app:v1\"}");
        }
        server.client().json("POST", "/v1/p1/images", "{\"swr_path\":\"" + SWR + "team/other:v1\"}");

        Reply reset = admin().json("POST", "/_modelarts/reset", "");
        assertThat(reset.json().get("deleted_images").asLong()).isEqualTo(3);
        assertThat(reset.json().get("deleted_groups").asLong()).isEqualTo(3);
        assertThat(dedicated("p1")).isZero();
        assertThat(server.client().get("/v1/p1/images/group?type=DEDICATED").json().get("total").asLong()).isZero();
        assertThat(server.client().get("/v1/p1/images/group?type=BUILD_IN").json().get("total").asLong())
                .isEqualTo(BuiltInCatalog.load().groupCount());
    }

    @Test
    void seedIsAllOrNothingAndIdempotent() {
        String bad = "{\"images\":[{\"project_id\":\"s\",\"swr_path\":\"" + SWR + "team/a:v1\"},"
                + "{\"project_id\":\"s\",\"swr_path\":\"not a path\"}]}";
        Reply refused = admin().json("POST", "/_modelarts/seed", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("images[1].swr_path");
        assertThat(dedicated("s")).isZero();

        String good = "{\"images\":[{\"project_id\":\"s\",\"swr_path\":\"" + SWR + "team/a:v1\",\"description\":\"seeded\"},"
                + "{\"project_id\":\"s\",\"swr_path\":\"" + SWR + "team/a:v2\"},"
                + "{\"project_id\":\"t\",\"swr_path\":\"" + SWR + "team/b:v1\",\"arch\":\"AARCH64\"}]}";
        Reply first = admin().json("POST", "/_modelarts/seed", good);
        assertThat(first.json().get("registered").asLong()).isEqualTo(3);
        Reply again = admin().json("POST", "/_modelarts/seed", good);
        assertThat(again.json().get("registered").asLong()).isZero();
        assertThat(again.json().get("existing").asLong()).isEqualTo(3);
        assertThat(dedicated("s")).isEqualTo(2);
        JsonNode b = server.client().get("/v1/t/images?type=DEDICATED").json().get("data").get(0);
        assertThat(b.get("arch").asText()).isEqualTo("AARCH64");
    }

    @Test
    void providerStatesFollowPactsProtocol() {
        Reply group = admin().json("POST", "/_modelarts/provider-states", "{\"state\":\"an image group exists\","
                + "\"params\":{\"project_id\":\"ps\",\"namespace\":\"team\",\"name\":\"svc\",\"versions\":3},\"action\":\"setup\"}");
        assertThat(group.status()).isEqualTo(200);
        assertThat(server.client().get("/v1/ps/images/group?name=svc&name_fuzzy_match=false").json()
                .get("data").get(0).get("version_count").asInt()).isEqualTo(3);

        Reply image = admin().json("POST", "/_modelarts/provider-states", "{\"state\":\"an image is registered\","
                + "\"params\":{\"project_id\":\"ps\",\"namespace\":\"team\",\"name\":\"one\",\"tag\":\"v1\"}}");
        String id = image.json().get("id").asText();
        assertThat(server.client().get("/v1/ps/images/" + id).status()).isEqualTo(200);
        Reply again = admin().json("POST", "/_modelarts/provider-states", "{\"state\":\"an image is registered\","
                + "\"params\":{\"project_id\":\"ps\",\"namespace\":\"team\",\"name\":\"one\",\"tag\":\"v1\"}}");
        assertThat(again.json().get("id").asText()).isEqualTo(id);

        Reply none = admin().json("POST", "/_modelarts/provider-states", "{\"state\":\"no image group exists\","
                + "\"params\":{\"project_id\":\"ps\",\"namespace\":\"team\",\"name\":\"svc\"}}");
        assertThat(none.status()).isEqualTo(200);
        assertThat(server.client().get("/v1/ps/images/group?name=svc&name_fuzzy_match=false").json().get("total").asLong())
                .isZero();

        Reply reader = admin().json("POST", "/_modelarts/provider-states", "{\"state\":\"a credential that may only read\"}");
        assertThat(reader.json().get("token").asText()).isEqualTo(TestServer.READER_TOKEN);
        assertThat(reader.json().get("project_id").asText()).isEqualTo(TestServer.PROJECT_A);

        assertThat(admin().json("POST", "/_modelarts/provider-states",
                "{\"state\":\"an image is registered\",\"action\":\"teardown\"}").json().size()).isZero();
        Reply unknown = admin().json("POST", "/_modelarts/provider-states", "{\"state\":\"the moon is full\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown provider state");
    }

    /** A param the state cannot use is a 400 naming it, and nothing is made; never a 500 or an empty 200. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "an image group exists  | {\"project_id\":\"pz\",\"versions\":\"three\"} | 'versions' must be a whole number from 1 to 1000, not 'three'",
        "an image group exists  | {\"project_id\":\"pz\",\"versions\":0}         | 'versions' must be a whole number from 1 to 1000, not 0",
        "an image group exists  | {\"project_id\":\"pz\",\"versions\":-1}        | 'versions' must be a whole number from 1 to 1000, not -1",
        "an image group exists  | {\"project_id\":\"pz\",\"versions\":2.5}       | 'versions' must be a whole number from 1 to 1000, not 2.5",
        "an image group exists  | {\"project_id\":\"p z\"}                        | 'project_id' must be 1 to 64 letters",
        "an image is registered | {\"project_id\":\"pz\",\"tag\":\"v 1\"}       | 'tag' must be 1 to 128 letters",
        "an image is registered | {\"project_id\":\"pz\",\"namespace\":[\"x\"]}  | 'namespace' must be a lowercase SWR organization",
        "no image group exists  | {\"project\":\"pz\"}                            | 'project' is not a param of this state; its params are name, namespace, project_id",
    })
    void aBadProviderStateParamIsA400NamingIt(String state, String params, String said) {
        String before = server.client().get("/v1/pz/images/group").body();
        Reply reply = admin().json("POST", "/_modelarts/provider-states",
                "{\"state\":\"" + state.strip() + "\",\"params\":" + params.strip() + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("ModelArts.0104");
        assertThat(reply.json().get("error_msg").asText()).contains("provider state '" + state.strip() + "'", said.strip());
        assertThat(server.client().get("/v1/pz/images/group").body()).as("nothing made").isEqualTo(before);
    }

    /** pact_verifier_cli --state-change-as-query sends the state and its params in the query. */
    @Test
    void aStateChangeMayComeAsQueryParameters() {
        Reply image = admin().send("POST", "/_modelarts/provider-states?state=an+image+is+registered&action=setup"
                + "&project_id=pq&namespace=team&name=query&tag=v1", null, Map.of());
        assertThat(image.status()).isEqualTo(200);
        String id = image.json().get("id").asText();
        assertThat(server.client().get("/v1/pq/images/" + id).json().get("name").asText()).isEqualTo("query");
        assertThat(admin().send("POST", "/_modelarts/provider-states?state=an+image+is+registered&action=teardown",
                null, Map.of()).status()).isEqualTo(200);
        assertThat(admin().send("POST", "/_modelarts/provider-states?state=x&action=sideways", null, Map.of()).status())
                .isEqualTo(400);
    }

    @Test
    void theJournalListsWhatClientsSentMaskedAndCanBeCleared() {
        admin().delete("/_modelarts/requests");
        server.client().get("/v1/journal/images/group?limit=3");
        new ApiClient(server.baseUri()).get("/v1/journal/images");
        JsonNode journal = admin().get("/_modelarts/requests").json();
        JsonNode requests = journal.get("requests");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).get("path").asText()).isEqualTo("/v1/journal/images/group");
        assertThat(requests.get(0).get("query").asText()).isEqualTo("limit=3");
        assertThat(requests.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(requests.get(0).get("principal").asText()).startsWith("token test").doesNotContain(TestServer.TOKEN);
        assertThat(requests.get(1).get("status").asInt()).isEqualTo(401);
        assertThat(requests.get(1).has("principal")).isFalse();
        assertThat(admin().delete("/_modelarts/requests").json().get("cleared").asLong()).isEqualTo(2);
        assertThat(admin().get("/_modelarts/requests").json().get("requests")).isEmpty();
    }

    @Test
    void theJournalIsBounded() {
        int capacity = admin().get("/_modelarts/requests").json().get("capacity").asInt();
        for (int i = 0; i <= capacity; i++) {
            server.client().get("/v1/journal/images/group?limit=1");
        }
        assertThat(admin().get("/_modelarts/requests").json().get("requests")).hasSize(capacity);
    }

    @Test
    void theJournalRecordsTheApisRequestsOnlyByDefault() {
        admin().delete("/_modelarts/requests");
        server.client().get("/health/ready");
        server.client().get("/metrics");
        admin().get("/_modelarts/transitions");
        server.client().get("/v1/journal/images?limit=1");
        JsonNode journal = admin().get("/_modelarts/requests").json();
        assertThat(journal.get("requests").findValuesAsText("path")).containsExactly("/v1/journal/images");
        assertThat(journal.get("requests").get(0).has("body")).as("bodies only with --journal-bodies").isFalse();
    }

    @Test
    void theControlApiNeedsTheAdminAction() {
        Reply plain = server.client().json("POST", "/_modelarts/reset", "");
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.json().get("error_code").asText()).isEqualTo("ModelArts.0108");
        assertThat(new ApiClient(server.baseUri()).json("POST", "/_modelarts/reset", "").status()).isEqualTo(401);
        assertThat(ApiClient.withToken(server.baseUri(), TestServer.READER_TOKEN).get("/_modelarts/requests").status())
                .isEqualTo(403);
    }

    @Nested
    class WithoutTheControlApi {

        @RegisterExtension
        static final TestServer without = TestServer.withOptions("--no-control-api");

        @Test
        void itsPathsAreUnknown() {
            for (String path : new String[] {"/_modelarts/reset", "/_modelarts/seed", "/_modelarts/provider-states"}) {
                Reply reply = ApiClient.withToken(without.baseUri(), TestServer.ADMIN_TOKEN).json("POST", path, "{}");
                assertThat(reply.status()).isEqualTo(404);
                assertThat(reply.json().get("error_code").asText()).isEqualTo("APIG.0101");
            }
        }

        @Test
        void theServedContractLeavesThemOut() {
            JsonNode spec = new ApiClient(without.baseUri()).get("/openapi.json").json();
            spec.get("paths").fieldNames().forEachRemaining(path -> assertThat(path).doesNotStartWith("/_modelarts/"));
            assertThat(spec.get("paths").has("/v1/{project_id}/images/group")).isTrue();
            assertThat(spec.get("tags").findValuesAsText("name")).doesNotContain("TestControl");
        }
    }

    @Test
    void aHeaderMapHelperIsNotNeededForTheJournalsDelete() {
        assertThat(admin().send("DELETE", "/_modelarts/requests", null, Map.of()).status()).isEqualTo(200);
    }
}
