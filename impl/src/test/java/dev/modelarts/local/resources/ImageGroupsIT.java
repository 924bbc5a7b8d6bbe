package dev.modelarts.local.resources;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * ListImageGroup over real HTTP against the real server. Every response is checked against the
 * OpenAPI file by {@link ApiClient}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class ImageGroupsIT {

    /** The project of the document's example, seeded with exactly the example's three groups. */
    private static final String DOC_PROJECT = "0d2f0c4b5c80d2b22f1ac01d3d1b5cc1";
    private static final String P = "project-a";
    private static final String WS = "0";
    private static final String OTHER_WS = "0123456789abcdef0123456789abcdef";

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private ApiClient api;
    private final long builtInGroups = BuiltInCatalog.load().groupCount();

    @BeforeAll
    void start() {
        api = server.client();
        ImageDao images = server.images();
        // the example of the API reference page "Obtaining User Image Groups"
        images.insert(dedicated(DOC_PROJECT, WS, "cnnorth7-infer-model-dev", "123", "v1",
                1652878011643L, 1652878531791L, null), GroupDetails.NONE);
        images.insert(dedicated(DOC_PROJECT, WS, "op_svc_modelarts_container2", "pytorch_1_8",
                "train-pytorch_1.8.0", 1671708630448L), GroupDetails.NONE);
        images.insert(dedicated(DOC_PROJECT, WS, "mock-service1", "mock-service-python", "v1",
                1671093486722L), GroupDetails.NONE);

        images.insert(dedicated(P, WS, "team", "my_model", "v1", 1_700_000_000_000L), GroupDetails.NONE);
        images.insert(dedicated(P, WS, "team", "my_model", "v2", 1_700_000_100_000L), GroupDetails.NONE);
        images.insert(dedicated(P, WS, "team", "myxmodel", "v1", 1_700_000_200_000L), GroupDetails.NONE);
        images.insert(dedicated(P, OTHER_WS, "team", "workspace-model", "v1", 1_700_000_300_000L),
                GroupDetails.NONE);
        images.insert(dedicated(P, WS, "enterprise", "ent-model", "v1", 1_700_000_400_000L,
                1_700_000_400_000L, "instance-1"), GroupDetails.NONE);
    }

    private static List<String> names(Reply reply) {
        return StreamSupport.stream(reply.json().get("data").spliterator(), false)
                .map(g -> g.get("name").asText()).toList();
    }

    private Reply groups(String project, String query) {
        Reply reply = api.get("/v1/" + project + "/images/group" + (query.isEmpty() ? "" : "?" + query));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    @Nested
    class TheDocumentsExample {

        @Test
        void hasTheExamplesShapeFieldByField() {
            Reply reply = groups(DOC_PROJECT, "type=DEDICATED");
            assertThat(reply.header("Content-Type")).as(reply.headers().toString()).startsWith("application/json");
            JsonNode body = reply.json();
            assertThat(body.get("current").isInt()).isTrue();
            assertThat(body.get("current").asInt()).isEqualTo(1);
            assertThat(body.get("pages").asInt()).isEqualTo(1);
            assertThat(body.get("size").asInt()).isEqualTo(3);
            assertThat(body.get("total").asLong()).isEqualTo(3);
            assertThat(body.get("is_swr_enterprise").asBoolean()).isFalse();

            Map<String, JsonNode> byName = new java.util.HashMap<>();
            body.get("data").forEach(g -> byName.put(g.get("name").asText(), g));
            assertThat(byName).containsOnlyKeys("123", "pytorch_1_8", "mock-service-python");

            JsonNode first = byName.get("123");
            assertThat(first.get("create_at").isIntegralNumber()).isTrue();
            assertThat(first.get("create_at").asLong()).isEqualTo(1652878011643L);
            assertThat(first.get("update_at").asLong()).isEqualTo(1652878531791L);
            assertThat(first.get("namespace").asText()).isEqualTo("cnnorth7-infer-model-dev");
            assertThat(first.get("version_count").asInt()).isEqualTo(1);
            assertThat(first.get("id").asText()).matches("[0-9a-f-]{36}");

            JsonNode second = byName.get("pytorch_1_8");
            assertThat(second.get("namespace").asText()).isEqualTo("op_svc_modelarts_container2");
            assertThat(second.get("create_at").asLong()).isEqualTo(1671708630448L);
            assertThat(second.get("update_at").asLong()).isEqualTo(1671708630448L);

            JsonNode third = byName.get("mock-service-python");
            assertThat(third.get("namespace").asText()).isEqualTo("mock-service1");
            assertThat(third.get("create_at").asLong()).isEqualTo(1671093486722L);
        }

        @Test
        void ordersByUpdateTimeNewestFirst() {
            assertThat(names(groups(DOC_PROJECT, "type=DEDICATED")))
                    .containsExactly("pytorch_1_8", "mock-service-python", "123");
        }

        @Test
        void omitsAbsentFieldsRatherThanSendingNull() {
            Reply reply = groups(DOC_PROJECT, "type=DEDICATED");
            assertThat(reply.body()).doesNotContain("null");
            reply.json().get("data").forEach(g -> assertThat(g.has("read_me")).isFalse());
        }
    }

    @Nested
    class Filters {

        @Test
        void noFilterListsBuiltInAndTheProjectsOwnGroupsInTheDefaultWorkspace() {
            Reply reply = groups(P, "");
            assertThat(reply.json().get("total").asLong()).isEqualTo(builtInGroups + 3);
            assertThat(names(reply)).contains("my_model", "myxmodel", "ent-model").doesNotContain("workspace-model");
        }

        @Test
        void typeBuildIn() {
            Reply reply = groups(P, "type=BUILD_IN&limit=1000");
            assertThat(reply.json().get("total").asLong()).isEqualTo(builtInGroups);
            assertThat(names(reply)).doesNotContain("my_model");
        }

        @Test
        void typeDedicated() {
            assertThat(names(groups(P, "type=DEDICATED"))).containsExactlyInAnyOrder("my_model", "myxmodel", "ent-model");
        }

        @Test
        void fuzzyNameIsTheDefaultAndMatchesSubstrings() {
            assertThat(names(groups(P, "name=model&type=DEDICATED")))
                    .containsExactlyInAnyOrder("my_model", "myxmodel", "ent-model");
        }

        @Test
        void underscoreIsLiteral() {
            assertThat(names(groups(P, "name=y_m"))).containsExactly("my_model");
        }

        @Test
        void exactName() {
            Reply reply = groups(P, "name=my_model&name_fuzzy_match=false");
            assertThat(names(reply)).containsExactly("my_model");
            assertThat(reply.json().get("data").get(0).get("version_count").asInt()).isEqualTo(2);
            assertThat(names(groups(P, "name=model&name_fuzzy_match=false"))).isEmpty();
        }

        @Test
        void namespace() {
            assertThat(names(groups(P, "namespace=team"))).containsExactlyInAnyOrder("my_model", "myxmodel");
            assertThat(names(groups(P, "namespace=atelier&name=pytorch_1_8&name_fuzzy_match=false")))
                    .containsExactly("pytorch_1_8");
        }

        @Test
        void workspace() {
            assertThat(names(groups(P, "workspace_id=" + OTHER_WS + "&type=DEDICATED")))
                    .containsExactly("workspace-model");
            assertThat(groups(P, "workspace_id=" + OTHER_WS).json().get("total").asLong())
                    .isEqualTo(builtInGroups + 1);
        }

        @Test
        void swrInstanceId() {
            Reply reply = groups(P, "swr_instance_id=instance-1");
            assertThat(names(reply)).containsExactly("ent-model");
            assertThat(reply.json().get("is_swr_enterprise").asBoolean()).isTrue();
            assertThat(reply.json().get("data").get(0).get("swr_instance_id").asText()).isEqualTo("instance-1");
        }

        @Test
        void anotherProjectSeesNoneOfThis() {
            Reply reply = groups("project-b", "type=DEDICATED");
            assertThat(reply.json().get("total").asLong()).isZero();
            assertThat(reply.json().get("pages").asInt()).isEqualTo(1);
            assertThat(reply.json().get("size").asInt()).isZero();
        }

        @Test
        void unknownQueryParametersAreIgnored() {
            assertThat(names(groups(P, "type=DEDICATED&sort_key=update_at&whatever=1")))
                    .containsExactlyInAnyOrder("my_model", "myxmodel", "ent-model");
        }
    }

    @Nested
    class Paging {

        @Test
        void defaultsAreLimit200AndOffset0() {
            Reply reply = groups(P, "");
            assertThat(reply.json().get("current").asInt()).isEqualTo(1);
            assertThat(reply.json().get("size").asLong()).isEqualTo(builtInGroups + 3);
        }

        @Test
        void pagesWalkEveryGroupOnce() {
            long total = groups(P, "").json().get("total").asLong();
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < total; offset += 4) {
                Reply page = groups(P, "limit=4&offset=" + offset);
                assertThat(page.json().get("current").asInt()).isEqualTo(offset / 4 + 1);
                assertThat(page.json().get("pages").asLong()).isEqualTo((total + 3) / 4);
                page.json().get("data").forEach(g -> seen.add(g.get("id").asText()));
            }
            assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
        }

        @Test
        void offsetPastTheEnd() {
            Reply reply = groups(P, "offset=100000");
            assertThat(reply.json().get("data")).isEmpty();
            assertThat(reply.json().get("size").asInt()).isZero();
            assertThat(reply.json().get("total").asLong()).isEqualTo(builtInGroups + 3);
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest(name = "{0} -> 400 naming {1}")
        @CsvSource(delimiter = '|', value = {
            "name=PyTorch                          | name",
            "name=a%20b                            | name",
            "name=a%25b                            | name",
            "name=                                 | name",
            "name_fuzzy_match=banana               | name_fuzzy_match",
            "name_fuzzy_match=1                    | name_fuzzy_match",
            "namespace=1team                       | namespace",
            "namespace=Team                        | namespace",
            "namespace=team%2Fx                    | namespace",
            "type=build_in                         | type",
            "type=PUBLIC                           | type",
            "workspace_id=1                        | workspace_id",
            "workspace_id=0123456789ABCDEF0123456789abcdef | workspace_id",
            "workspace_id=0123456789abcdef0123456789abcde  | workspace_id",
            "limit=0                               | limit",
            "limit=-1                              | limit",
            "limit=1001                            | limit",
            "limit=ten                             | limit",
            "limit=99999999999                     | limit",
            "limit=1.5                             | limit",
            "offset=-1                             | offset",
            "offset=x                              | offset",
            "swr_instance_id=a%2Fb                 | swr_instance_id",
        })
        void badParameterIs400NamingIt(String query, String parameter) {
            Reply reply = api.get("/v1/" + P + "/images/group?" + query);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("error_code").asText()).isEqualTo("ModelArts.0104");
            assertThat(reply.json().get("error_msg").asText()).contains("'" + parameter + "'");
        }

        @Test
        void nameTooLong() {
            Reply reply = api.get("/v1/" + P + "/images/group?name=" + "a".repeat(513));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("error_msg").asText()).contains("'name'").contains("512");
            assertThat(groups(P, "name=" + "a".repeat(512)).json().get("total").asLong()).isZero();
        }

        @Test
        void namespaceTooLong() {
            Reply reply = api.get("/v1/" + P + "/images/group?namespace=a" + "b".repeat(64));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("error_msg").asText()).contains("'namespace'").contains("64");
        }

        @Test
        void badProjectIdInThePath() {
            Reply reply = api.get("/v1/" + "p".repeat(65) + "/images/group");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("error_msg").asText()).contains("'project_id'");
        }

        @Test
        void limitAtItsBoundsIsAccepted() {
            assertThat(groups(P, "limit=1").json().get("size").asInt()).isEqualTo(1);
            assertThat(groups(P, "limit=1000").json().get("current").asInt()).isEqualTo(1);
        }

        @Test
        void booleansInAnyCaseAreAccepted() {
            assertThat(names(groups(P, "name=my_model&name_fuzzy_match=FALSE"))).containsExactly("my_model");
        }
    }

    @Nested
    class Protocol {

        @Test
        void unknownPathIs404InTheErrorShape() {
            Reply reply = api.get("/v1/" + P + "/no-such-thing");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("error_code").asText()).isEqualTo("APIG.0101");
            assertThat(reply.header("X-Request-Id")).isNotBlank();
        }

        @Test
        void unknownMethodIs405InTheErrorShape() {
            Reply reply = api.send("PATCH", "/v1/" + P + "/images/group", "{}",
                    Map.of("Content-Type", "application/json"));
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.json().get("error_code").asText()).isEqualTo("APIG.0101");
            assertThat(reply.header("Allow")).contains("GET");
        }

        @Test
        void aWellFormedRequestIdIsEchoed() {
            Reply reply = api.get("/v1/" + P + "/images/group", Map.of("X-Request-Id", "trace-42.a_b"));
            assertThat(reply.header("X-Request-Id")).isEqualTo("trace-42.a_b");
        }

        @Test
        void aMissingOrMalformedRequestIdIsReplacedByANewOne() {
            Reply none = api.get("/v1/" + P + "/images/group");
            assertThat(none.header("X-Request-Id")).matches("[0-9a-f]{32}");
            Reply bad = api.get("/v1/" + P + "/images/group", Map.of("X-Request-Id", "bad id <script>"));
            assertThat(bad.header("X-Request-Id")).matches("[0-9a-f]{32}");
            Reply errors = api.get("/v1/" + P + "/images/group?limit=0");
            assertThat(errors.header("X-Request-Id")).matches("[0-9a-f]{32}");
            assertThat(none.header("X-Request-Id")).isNotEqualTo(errors.header("X-Request-Id"));
        }

        @Test
        void theSdksContentTypeOnAGetIsAccepted() {
            Reply reply = api.get("/v1/" + P + "/images/group",
                    Map.of("Content-Type", "application/json;charset=UTF-8", "Accept", "*/*"));
            assertThat(reply.status()).isEqualTo(200);
        }

        @Test
        void healthIsUp() {
            Reply reply = api.get("/health");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("status").asText()).isEqualTo("UP");
            assertThat(reply.json().get("database").asText()).isEqualTo("UP");
        }
    }
}
