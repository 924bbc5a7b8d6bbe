package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The image family over real HTTP: register, list, show, delete, sync, and group update and
 * delete, with the group listing reflecting each change. Every response is checked against
 * the spec by {@link ApiClient}. Each test uses its own project, so tests do not interfere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class ImagesIT {

    static final String REGISTRY = "swr.cn-north-4.myhuaweicloud.com";
    static final String OTHER_WS = "0123456789abcdef0123456789abcdef";

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private ApiClient api;

    @BeforeAll
    void start() {
        api = server.client();
    }

    static String project() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Reply register(String project, String body) {
        return api.json("POST", "/v1/" + project + "/images", body);
    }

    JsonNode registered(String project, String swrPath) {
        Reply reply = register(project, "{\"swr_path\":\"" + swrPath + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    JsonNode groups(String project, String query) {
        Reply reply = api.get("/v1/" + project + "/images/group?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    JsonNode images(String project, String query) {
        Reply reply = api.get("/v1/" + project + "/images?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static List<String> field(JsonNode list, String name) {
        return StreamSupport.stream(list.get("data").spliterator(), false).map(n -> n.get(name).asText()).toList();
    }

    static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error_code").asText()).as(reply.body()).isEqualTo(code);
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Nested
    class Register {

        @Test
        void theDocumentsExampleGetsTheDocumentedDefaults() {
            String p = project();
            String swrPath = REGISTRY + "/op_svc_modelarts_container2/pytorch_1_8:train-pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64";
            JsonNode image = registered(p, swrPath);
            assertThat(image.get("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(image.get("name").asText()).isEqualTo("pytorch_1_8");
            assertThat(image.get("namespace").asText()).isEqualTo("op_svc_modelarts_container2");
            assertThat(image.get("tag").asText()).isEqualTo("train-pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64");
            assertThat(image.get("swr_path").asText()).isEqualTo(swrPath);
            assertThat(image.get("type").asText()).isEqualTo("DEDICATED");
            assertThat(image.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(image.get("arch").asText()).isEqualTo("X86_64");
            assertThat(image.get("origin").asText()).isEqualTo("CUSTOMIZE");
            assertThat(image.get("service_type").asText()).isEqualTo("UNKNOWN");
            assertThat(image.get("visibility").asText()).isEqualTo("PRIVATE");
            assertThat(image.get("workspace_id").asText()).isEqualTo("0");
            assertThat(image.get("resource_categories").toString()).isEqualTo("[\"CPU\",\"GPU\"]");
            assertThat(image.get("support_res_categories").toString()).isEqualTo("[\"CPU\",\"GPU\"]");
            assertThat(image.get("dev_services").toString()).isEqualTo("[\"NOTEBOOK\",\"SSH\"]");
            assertThat(image.get("create_at").asLong()).isEqualTo(image.get("update_at").asLong())
                    .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        }

        @Test
        void everyFieldGivenIsKeptAndEchoed() {
            String p = project();
            Reply reply = register(p, """
                    {"swr_path": "registry.local:5000/team/app:v1", "arch": "AARCH64",
                     "description": "an app", "origin": "IMAGE_SAVE", "resource_category": ["ASCEND"],
                     "service_type": "TRAIN", "services": ["JUPYTER_IS_NOT_ONE"], "visibility": "PUBLIC"}
                    """);
            assertError(reply, 400, "ModelArts.6336"); // an unknown service
            reply = register(p, """
                    {"swr_path": "registry.local:5000/team/app:v1", "arch": "AARCH64",
                     "description": "an app", "origin": "IMAGE_SAVE", "resource_category": ["ASCEND"],
                     "service_type": "TRAIN", "services": ["WEB_IDE", "SSH"], "visibility": "PUBLIC",
                     "workspace_id": "%s", "flavor_type": "ASCEND_SNT9B", "swr_instance_id": "inst-1",
                     "tags": ["team=vision", {"key": "stage", "value": "dev"}, "solo"],
                     "read_me": "# app", "unknown_field": 1}
                    """.formatted(OTHER_WS));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode image = reply.json();
            assertThat(image.get("arch").asText()).isEqualTo("AARCH64");
            assertThat(image.get("description").asText()).isEqualTo("an app");
            assertThat(image.get("origin").asText()).isEqualTo("IMAGE_SAVE");
            assertThat(image.get("resource_categories").toString()).isEqualTo("[\"ASCEND\"]");
            assertThat(image.get("service_type").asText()).isEqualTo("TRAIN");
            assertThat(image.get("dev_services").toString()).isEqualTo("[\"WEB_IDE\",\"SSH\"]");
            assertThat(image.get("visibility").asText()).isEqualTo("PUBLIC");
            assertThat(image.get("workspace_id").asText()).isEqualTo(OTHER_WS);
            assertThat(image.get("flavor_type").asText()).isEqualTo("ASCEND_SNT9B");
            assertThat(image.get("swr_instance_id").asText()).isEqualTo("inst-1");
            assertThat(image.get("tags").toString()).isEqualTo(
                    "[{\"key\":\"team\",\"value\":\"vision\"},{\"key\":\"stage\",\"value\":\"dev\"},{\"key\":\"solo\"}]");

            JsonNode group = groups(p, "workspace_id=" + OTHER_WS + "&type=DEDICATED").get("data").get(0);
            assertThat(group.get("read_me").asText()).isEqualTo("# app");
            assertThat(group.get("description").asText()).isEqualTo("an app");
            assertThat(group.get("swr_instance_id").asText()).isEqualTo("inst-1");
        }

        @Test
        void aPathWithoutRegistryIsAccepted() {
            JsonNode image = registered(project(), "my-team/my-image:1.0.0");
            assertThat(image.get("namespace").asText()).isEqualTo("my-team");
            assertThat(image.get("name").asText()).isEqualTo("my-image");
            assertThat(image.get("tag").asText()).isEqualTo("1.0.0");
        }

        @Test
        void aDuplicateTagIs6737AndWritesNothing() {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            Reply again = register(p, "{\"swr_path\":\"" + REGISTRY + "/team/app:v1\"}");
            assertError(again, 400, "ModelArts.6737");
            assertThat(again.json().get("error_msg").asText()).contains("v1").contains("team/app");
            assertThat(images(p, "type=DEDICATED").get("total").asLong()).isEqualTo(1);
            assertThat(groups(p, "type=DEDICATED").get("data").get(0).get("version_count").asInt()).isEqualTo(1);
        }

        @Test
        void theSameTagInAnotherWorkspaceOrProjectIsAnotherImage() {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            Reply otherWorkspace = register(p, "{\"swr_path\":\"" + REGISTRY + "/team/app:v1\",\"workspace_id\":\""
                    + OTHER_WS + "\"}");
            assertThat(otherWorkspace.status()).isEqualTo(200);
            registered(project(), REGISTRY + "/team/app:v1");
        }

        @Test
        void theNewGroupAppearsInTheListingAtOnce() {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            registered(p, REGISTRY + "/team/app:v2");
            JsonNode group = groups(p, "name=app&name_fuzzy_match=false").get("data").get(0);
            assertThat(group.get("version_count").asInt()).isEqualTo(2);
            assertThat(group.get("namespace").asText()).isEqualTo("team");
        }
    }

    @Nested
    class ListImages {

        @Test
        void pagingIsZeroBasedWithTheLimitAsSize() {
            String p = project();
            for (int i = 1; i <= 5; i++) {
                registered(p, REGISTRY + "/team/app:v" + i);
            }
            JsonNode first = images(p, "type=DEDICATED&limit=2");
            assertThat(first.get("current").asInt()).isZero();
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(first.get("pages").asInt()).isEqualTo(3);
            assertThat(first.get("total").asLong()).isEqualTo(5);
            assertThat(first.get("data")).hasSize(2);
            JsonNode last = images(p, "type=DEDICATED&limit=2&offset=4");
            assertThat(last.get("current").asInt()).isEqualTo(2);
            assertThat(last.get("data")).hasSize(1);
            assertThat(last.get("data").get(0).has("support_res_categories")).isFalse();
        }

        @Test
        void sortsByTheGivenKeysAndDirection() {
            String p = project();
            registered(p, REGISTRY + "/team/b-app:v1");
            registered(p, REGISTRY + "/team/a-app:v1");
            registered(p, REGISTRY + "/team/c-app:v1");
            assertThat(field(images(p, "type=DEDICATED&sort_key=name&sort_dir=ASC"), "name"))
                    .containsExactly("a-app", "b-app", "c-app");
            assertThat(field(images(p, "type=DEDICATED&sort_key=name,tag&sort_dir=DESC"), "name"))
                    .containsExactly("c-app", "b-app", "a-app");
            assertThat(field(images(p, "type=DEDICATED&sort_key=createTime&sort_dir=ASC"), "name"))
                    .containsExactly("b-app", "a-app", "c-app");
            assertThat(field(images(p, "type=DEDICATED"), "name")).containsExactly("c-app", "a-app", "b-app");
        }

        @Test
        void anUnsortableFieldIs6303() {
            assertError(api.get("/v1/" + project() + "/images?sort_key=swr_path"), 400, "ModelArts.6303");
            assertError(api.get("/v1/" + project() + "/images?sort_key=name,password"), 400, "ModelArts.6303");
        }

        @Test
        void filters() {
            String p = project();
            registered(p, REGISTRY + "/team/my_app:v1");
            register(p, "{\"swr_path\":\"" + REGISTRY + "/team/other:v1\",\"service_type\":\"TRAIN\"}");
            register(p, "{\"swr_path\":\"" + REGISTRY + "/team/ws:v1\",\"workspace_id\":\"" + OTHER_WS + "\"}");

            assertThat(field(images(p, "type=DEDICATED&name=y_a"), "name")).containsExactly("my_app");
            assertThat(field(images(p, "type=DEDICATED&name=app&name_fuzzy_match=false"), "name")).isEmpty();
            assertThat(field(images(p, "type=DEDICATED&service_type=TRAIN"), "name")).containsExactly("other");
            assertThat(field(images(p, "type=DEDICATED&workspace_id=" + OTHER_WS), "name")).containsExactly("ws");
            assertThat(field(images(p, "namespace=team"), "name")).containsExactlyInAnyOrder("my_app", "other");

            JsonNode builtIn = images(p, "type=BUILD_IN&namespace=atelier&name=pytorch_1_8&name_fuzzy_match=false");
            assertThat(builtIn.get("total").asLong()).isEqualTo(4);
            String showName = builtIn.get("data").get(0).get("show_name").asText();
            assertThat(images(p, "type=BUILD_IN&show_name=" + showName).get("total").asLong()).isPositive();
            assertThat(images(p, "type=BUILD_IN&show_name=" + showName + "&show_tag=no-such").get("total").asLong())
                    .isZero();
        }

        @Test
        void anAbsentTypeListsBothTypes() {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            long builtIn = images(p, "type=BUILD_IN").get("total").asLong();
            assertThat(images(p, "").get("total").asLong()).isEqualTo(builtIn + 1);
        }

        @Test
        void badParametersAre400() {
            String p = project();
            assertError(api.get("/v1/" + p + "/images?service_type=NONE"), 400, "ModelArts.0104");
            assertError(api.get("/v1/" + p + "/images?sort_dir=UP"), 400, "ModelArts.0104");
            assertError(api.get("/v1/" + p + "/images?limit=0"), 400, "ModelArts.0104");
            assertError(api.get("/v1/" + p + "/images?sort_key=a%20b"), 400, "ModelArts.0104");
        }
    }

    @Nested
    class ShowAndSync {

        @Test
        void showsTheProjectsOwnAndBuiltInImages() {
            String p = project();
            JsonNode image = registered(p, REGISTRY + "/team/app:v1");
            Reply own = api.get("/v1/" + p + "/images/" + image.get("id").asText());
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json().get("swr_path").asText()).isEqualTo(REGISTRY + "/team/app:v1");
            assertThat(own.json().get("support_res_categories")).isNotNull();

            String builtInId = images(p, "type=BUILD_IN&limit=1").get("data").get(0).get("id").asText();
            Reply builtIn = api.get("/v1/" + p + "/images/" + builtInId);
            assertThat(builtIn.status()).isEqualTo(200);
            assertThat(builtIn.json().get("type").asText()).isEqualTo("BUILD_IN");
        }

        @Test
        void anUnknownImageIs400With6404AsTheRealServiceAnswers() {
            assertError(api.get("/v1/" + project() + "/images/" + UUID.randomUUID()), 400, "ModelArts.6404");
            assertError(api.get("/v1/" + project() + "/images/not_a_uuid!"), 400, "ModelArts.0104");
        }

        @Test
        void syncAnswersWithTheImage() {
            String p = project();
            JsonNode image = registered(p, REGISTRY + "/team/app:v1");
            Reply sync = api.send("POST", "/v1/" + p + "/images/" + image.get("id").asText() + "/sync", null, Map.of());
            assertThat(sync.status()).isEqualTo(200);
            assertThat(sync.json().get("id").asText()).isEqualTo(image.get("id").asText());
            assertError(api.send("POST", "/v1/" + p + "/images/" + UUID.randomUUID() + "/sync", null, Map.of()),
                    400, "ModelArts.6404");
        }
    }

    @Nested
    class Delete {

        @Test
        void withTheQueryFlagTheBodyFlagOrNeither() {
            String p = project();
            String a = registered(p, REGISTRY + "/team/app:v1").get("id").asText();
            String b = registered(p, REGISTRY + "/team/app:v2").get("id").asText();
            String c = registered(p, REGISTRY + "/team/app:v3").get("id").asText();

            Reply byQuery = api.delete("/v1/" + p + "/images/" + a + "?force=true");
            assertThat(byQuery.status()).as(byQuery.body()).isEqualTo(200);
            assertThat(byQuery.json().get("status").asText()).isEqualTo("DELETED");
            assertThat(byQuery.json().get("id").asText()).isEqualTo(a);

            Reply byBody = api.json("DELETE", "/v1/" + p + "/images/" + b, "{\"is_force\": false}");
            assertThat(byBody.status()).as(byBody.body()).isEqualTo(200);
            assertThat(byBody.json().get("status").asText()).isEqualTo("DELETED");

            Reply bare = api.send("DELETE", "/v1/" + p + "/images/" + c, null,
                    Map.of("Content-Type", "application/json;charset=UTF-8"));
            assertThat(bare.status()).as(bare.body()).isEqualTo(200);

            assertError(api.get("/v1/" + p + "/images/" + a), 400, "ModelArts.6404");
            assertError(api.delete("/v1/" + p + "/images/" + a), 400, "ModelArts.6404");
        }

        @Test
        void aGroupLosesAVersionAndGoesWithItsLast() {
            String p = project();
            String v1 = registered(p, REGISTRY + "/team/app:v1").get("id").asText();
            String v2 = registered(p, REGISTRY + "/team/app:v2").get("id").asText();
            api.delete("/v1/" + p + "/images/" + v2);
            JsonNode group = groups(p, "type=DEDICATED").get("data").get(0);
            assertThat(group.get("version_count").asInt()).isEqualTo(1);
            assertThat(group.get("update_at").asLong()).isGreaterThanOrEqualTo(group.get("create_at").asLong());
            api.delete("/v1/" + p + "/images/" + v1);
            assertThat(groups(p, "type=DEDICATED").get("total").asLong()).isZero();
        }

        @Test
        void builtInImagesCannotBeDeleted() {
            String p = project();
            String builtInId = images(p, "type=BUILD_IN&limit=1").get("data").get(0).get("id").asText();
            assertError(api.delete("/v1/" + p + "/images/" + builtInId), 403, "ModelArts.0108");
            assertThat(api.get("/v1/" + p + "/images/" + builtInId).status()).isEqualTo(200);
        }

        @Test
        void aBadBodyIsRefusedAndDeletesNothing() {
            String p = project();
            String id = registered(p, REGISTRY + "/team/app:v1").get("id").asText();
            assertError(api.json("DELETE", "/v1/" + p + "/images/" + id, "{\"is_force\": \"yes\"}"),
                    400, "ModelArts.6336");
            assertError(api.delete("/v1/" + p + "/images/" + id + "?force=maybe"), 400, "ModelArts.0104");
            assertThat(api.get("/v1/" + p + "/images/" + id).status()).isEqualTo(200);
        }
    }

    @Nested
    class Groups {

        String groupId(String project, String name) {
            return groups(project, "name=" + name + "&name_fuzzy_match=false").get("data").get(0).get("id").asText();
        }

        @Test
        void updateSetsTheReadmeAndTagsShownInTheListing() throws InterruptedException {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            String id = groupId(p, "app");
            long before = groups(p, "type=DEDICATED").get("data").get(0).get("update_at").asLong();
            Thread.sleep(5);

            Reply updated = api.json("PUT", "/v1/" + p + "/images/group/" + id,
                    "{\"read_me\": \"# App\", \"tags\": [{\"key\": \"team\", \"value\": \"vision\"}]}");
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().get("read_me").asText()).isEqualTo("# App");

            JsonNode listed = groups(p, "type=DEDICATED").get("data").get(0);
            assertThat(listed.get("read_me").asText()).isEqualTo("# App");
            assertThat(listed.get("tags").toString()).isEqualTo("[{\"key\":\"team\",\"value\":\"vision\"}]");
            assertThat(listed.get("update_at").asLong()).isGreaterThan(before);

            Reply onlyTags = api.json("PUT", "/v1/" + p + "/images/group/" + id, "{\"tags\": []}");
            assertThat(onlyTags.json().get("read_me").asText()).isEqualTo("# App");
            assertThat(onlyTags.json().has("tags")).isFalse();
        }

        @Test
        void updateRefusesBadBodiesAndOthersGroups() {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            String id = groupId(p, "app");
            assertError(api.json("PUT", "/v1/" + p + "/images/group/" + id, "{\"read_me\": 5}"), 400, "ModelArts.6336");
            assertError(api.json("PUT", "/v1/" + p + "/images/group/" + id,
                    "{\"tags\": [{\"key\": \"" + "k".repeat(129) + "\"}]}"), 400, "ModelArts.6336");
            assertError(api.json("PUT", "/v1/" + p + "/images/group/" + id,
                    "{\"read_me\": \"" + "r".repeat(30001) + "\"}"), 400, "ModelArts.6336");
            assertError(api.json("PUT", "/v1/" + project() + "/images/group/" + id, "{\"read_me\": \"x\"}"),
                    400, "ModelArts.6404");
            String builtIn = groups(p, "type=BUILD_IN&limit=1").get("data").get(0).get("id").asText();
            assertError(api.json("PUT", "/v1/" + p + "/images/group/" + builtIn, "{\"read_me\": \"x\"}"),
                    403, "ModelArts.0108");
            assertThat(groups(p, "type=DEDICATED").get("data").get(0).has("read_me")).isFalse();
        }

        @Test
        void deleteRemovesEveryVersion() {
            String p = project();
            String keep = registered(p, REGISTRY + "/team/keep:v1").get("id").asText();
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ids.add(registered(p, REGISTRY + "/team/app:v" + i).get("id").asText());
            }
            String id = groupId(p, "app");
            Reply deleted = api.json("DELETE", "/v1/" + p + "/images/group/" + id, "{\"is_force\": true}");
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.json().get("version_count").asInt()).isEqualTo(3);
            assertThat(deleted.json().get("name").asText()).isEqualTo("app");
            ids.forEach(i -> assertError(api.get("/v1/" + p + "/images/" + i), 400, "ModelArts.6404"));
            assertThat(field(groups(p, "type=DEDICATED"), "name")).containsExactly("keep");
            assertThat(api.get("/v1/" + p + "/images/" + keep).status()).isEqualTo(200);
            assertError(api.delete("/v1/" + p + "/images/group/" + id), 400, "ModelArts.6404");
        }

        @Test
        void builtInAndOthersGroupsCannotBeDeleted() {
            String p = project();
            registered(p, REGISTRY + "/team/app:v1");
            String id = groupId(p, "app");
            assertError(api.delete("/v1/" + project() + "/images/group/" + id), 400, "ModelArts.6404");
            String builtIn = groups(p, "type=BUILD_IN&limit=1").get("data").get(0).get("id").asText();
            assertError(api.delete("/v1/" + p + "/images/group/" + builtIn), 403, "ModelArts.0108");
            assertThat(groups(p, "type=DEDICATED").get("total").asLong()).isEqualTo(1);
        }
    }

    @Nested
    class Isolation {

        @Test
        void whatProjectARegistersIsInvisibleToProjectB() {
            String a = project();
            String b = project();
            JsonNode image = registered(a, REGISTRY + "/team/secret:v1");
            String id = image.get("id").asText();

            assertThat(images(b, "type=DEDICATED").get("total").asLong()).isZero();
            assertThat(groups(b, "type=DEDICATED").get("total").asLong()).isZero();
            assertThat(groups(b, "name=secret").get("total").asLong()).isZero();
            assertError(api.get("/v1/" + b + "/images/" + id), 400, "ModelArts.6404");
            assertError(api.delete("/v1/" + b + "/images/" + id), 400, "ModelArts.6404");
            assertThat(api.get("/v1/" + a + "/images/" + id).status()).isEqualTo(200);
        }

        @Test
        void andToAnotherWorkspaceOfA() {
            String a = project();
            registered(a, REGISTRY + "/team/secret:v1");
            assertThat(images(a, "type=DEDICATED&workspace_id=" + OTHER_WS).get("total").asLong()).isZero();
            assertThat(groups(a, "type=DEDICATED&workspace_id=" + OTHER_WS).get("total").asLong()).isZero();
            assertThat(groups(a, "type=DEDICATED").get("total").asLong()).isEqualTo(1);
        }
    }
}
