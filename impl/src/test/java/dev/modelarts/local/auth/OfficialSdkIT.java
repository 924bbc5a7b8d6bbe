package dev.modelarts.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The official Huawei Cloud SDK core signs real requests (AK/SK, SDK-HMAC-SHA256) for every
 * operation, the way the ModelArts SDK module defines them (docs/api-reference.md §3, §7), and the server
 * accepts them unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class OfficialSdkIT {

    private static final String JSON = "application/json";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private HcClient client;

    /** One request class for every operation; each definition uses the fields it needs. */
    public static class Req {
        private String id;
        private String imageId;
        private String name;
        private Boolean nameFuzzyMatch;
        private String namespace;
        private String type;
        private Integer limit;
        private Integer offset;
        private String sortKey;
        private Boolean force;
        private Object body;

        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getImageId() { return imageId; }
        public void setImageId(String v) { imageId = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public Boolean getNameFuzzyMatch() { return nameFuzzyMatch; }
        public void setNameFuzzyMatch(Boolean v) { nameFuzzyMatch = v; }
        public String getNamespace() { return namespace; }
        public void setNamespace(String v) { namespace = v; }
        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public Integer getLimit() { return limit; }
        public void setLimit(Integer v) { limit = v; }
        public Integer getOffset() { return offset; }
        public void setOffset(Integer v) { offset = v; }
        public String getSortKey() { return sortKey; }
        public void setSortKey(String v) { sortKey = v; }
        public Boolean getForce() { return force; }
        public void setForce(Boolean v) { force = v; }
        public Object getBody() { return body; }
        public void setBody(Object v) { body = v; }
    }

    /** The JSON answer, whatever its shape. */
    public static class Resp extends SdkResponse {
        private Object body;

        public Object getBody() { return body; }
        public void setBody(Object v) { body = v; }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }
    }

    private static HttpRequestDef.Builder<Req, Resp> def(HttpMethod method, String uri, String contentType) {
        return HttpRequestDef.builder(method, Req.class, Resp.class).withName(uri).withUri(uri)
                .withContentType(contentType)
                .withResponseField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                        f -> f.withMarshaller(Resp::getBody, Resp::setBody));
    }

    private static final HttpRequestDef<Req, Resp> LIST_IMAGE_GROUP = def(HttpMethod.GET,
            "/v1/{project_id}/images/group", JSON)
            .withRequestField("name", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Req::getName, Req::setName))
            .withRequestField("name_fuzzy_match", LocationType.Query, FieldExistence.NULL_IGNORE, Boolean.class,
                    f -> f.withMarshaller(Req::getNameFuzzyMatch, Req::setNameFuzzyMatch))
            .withRequestField("namespace", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Req::getNamespace, Req::setNamespace))
            .withRequestField("type", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Req::getType, Req::setType))
            .withRequestField("limit", LocationType.Query, FieldExistence.NULL_IGNORE, Integer.class,
                    f -> f.withMarshaller(Req::getLimit, Req::setLimit))
            .withRequestField("offset", LocationType.Query, FieldExistence.NULL_IGNORE, Integer.class,
                    f -> f.withMarshaller(Req::getOffset, Req::setOffset))
            .build();

    private static final HttpRequestDef<Req, Resp> LIST_IMAGE = def(HttpMethod.GET, "/v1/{project_id}/images", JSON)
            .withRequestField("name", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Req::getName, Req::setName))
            .withRequestField("type", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Req::getType, Req::setType))
            .withRequestField("sort_key", LocationType.Query, FieldExistence.NULL_IGNORE, String.class,
                    f -> f.withMarshaller(Req::getSortKey, Req::setSortKey))
            .withRequestField("limit", LocationType.Query, FieldExistence.NULL_IGNORE, Integer.class,
                    f -> f.withMarshaller(Req::getLimit, Req::setLimit))
            .build();

    private static final HttpRequestDef<Req, Resp> REGISTER_IMAGE = def(HttpMethod.POST,
            "/v1/{project_id}/images", JSON_UTF8)
            .withRequestField("body", LocationType.Body, FieldExistence.NON_NULL_NON_EMPTY, Object.class,
                    f -> f.withMarshaller(Req::getBody, Req::setBody))
            .build();

    private static final HttpRequestDef<Req, Resp> SHOW_IMAGE = def(HttpMethod.GET, "/v1/{project_id}/images/{id}", JSON)
            .withRequestField("id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Req::getId, Req::setId))
            .build();

    private static final HttpRequestDef<Req, Resp> SYNC_IMAGE = def(HttpMethod.POST,
            "/v1/{project_id}/images/{image_id}/sync", JSON)
            .withRequestField("image_id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Req::getImageId, Req::setImageId))
            .build();

    private static final HttpRequestDef<Req, Resp> DELETE_IMAGE = def(HttpMethod.DELETE,
            "/v1/{project_id}/images/{id}", JSON_UTF8)
            .withRequestField("id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Req::getId, Req::setId))
            .withRequestField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Req::getBody, Req::setBody))
            .build();

    private static final HttpRequestDef<Req, Resp> DELETE_IMAGE_BY_QUERY = def(HttpMethod.DELETE,
            "/v1/{project_id}/images/{id}", JSON_UTF8)
            .withRequestField("id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Req::getId, Req::setId))
            .withRequestField("force", LocationType.Query, FieldExistence.NULL_IGNORE, Boolean.class,
                    f -> f.withMarshaller(Req::getForce, Req::setForce))
            .build();

    private static final HttpRequestDef<Req, Resp> UPDATE_IMAGE_GROUP = def(HttpMethod.PUT,
            "/v1/{project_id}/images/group/{id}", JSON_UTF8)
            .withRequestField("id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Req::getId, Req::setId))
            .withRequestField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Req::getBody, Req::setBody))
            .build();

    private static final HttpRequestDef<Req, Resp> DELETE_IMAGE_GROUP = def(HttpMethod.DELETE,
            "/v1/{project_id}/images/group/{id}", JSON_UTF8)
            .withRequestField("id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                    f -> f.withMarshaller(Req::getId, Req::setId))
            .withRequestField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Req::getBody, Req::setBody))
            .build();

    @BeforeAll
    void start() {
        client = new HcClient(HttpConfig.getDefaultHttpConfig())
                .withCredential(new BasicCredentials().withAk(TestServer.AK_A).withSk(TestServer.SK_A)
                        .withProjectId(TestServer.PROJECT_A))
                .withEndpoints(List.of(server.baseUri().toString().replaceAll("/$", "")));
    }

    private Resp call(Req request, HttpRequestDef<Req, Resp> def) {
        return client.syncInvokeHttp(request, def);
    }

    private static Req req() {
        return new Req();
    }

    @Test
    void everyOperationSignedByTheOfficialSdk() {
        Req register = req();
        register.setBody(Map.of("swr_path", "swr.cn-north-4.myhuaweicloud.com/sdk.team/sdk_app.v1:1.0_rc.1",
                "description", "registered by the SDK", "tags", List.of("k=v")));
        Resp registered = call(register, REGISTER_IMAGE);
        assertThat(registered.getHttpStatusCode()).isEqualTo(200);
        String imageId = (String) registered.json().get("id");
        assertThat(registered.json()).containsEntry("namespace", "sdk.team").containsEntry("name", "sdk_app.v1");

        Req groups = req();
        groups.setName("sdk_app.v1");
        groups.setNameFuzzyMatch(false);
        groups.setNamespace("sdk.team");
        groups.setType("DEDICATED");
        groups.setLimit(10);
        groups.setOffset(0);
        Resp listed = call(groups, LIST_IMAGE_GROUP);
        assertThat(listed.json()).containsEntry("total", 1);
        @SuppressWarnings("unchecked")
        String groupId = (String) ((List<Map<String, Object>>) listed.json().get("data")).get(0).get("id");

        Req images = req();
        images.setName("app.v");
        images.setType("DEDICATED");
        images.setSortKey("update_at,name");
        images.setLimit(5);
        assertThat(call(images, LIST_IMAGE).json()).containsEntry("total", 1);

        Req show = req();
        show.setId(imageId);
        assertThat(call(show, SHOW_IMAGE).json()).containsEntry("id", imageId);

        Req sync = req();
        sync.setImageId(imageId);
        assertThat(call(sync, SYNC_IMAGE).json()).containsEntry("status", "ACTIVE");

        Req update = req();
        update.setId(groupId);
        update.setBody(Map.of("read_me", "# from the SDK", "tags", List.of(Map.of("key", "team", "value", "sdk"))));
        assertThat(call(update, UPDATE_IMAGE_GROUP).json()).containsEntry("read_me", "# from the SDK");

        Req delete = req();
        delete.setId(imageId);
        delete.setBody(Map.of("is_force", true));
        assertThat(call(delete, DELETE_IMAGE).json()).containsEntry("status", "DELETED");
    }

    @Test
    void deleteByQueryFlagAndGroupDeleteWithABody() {
        Req register = req();
        register.setBody(Map.of("swr_path", "swr.cn-north-4.myhuaweicloud.com/sdk-team/two:v1"));
        String first = (String) call(register, REGISTER_IMAGE).json().get("id");
        register.setBody(Map.of("swr_path", "swr.cn-north-4.myhuaweicloud.com/sdk-team/two:v2"));
        call(register, REGISTER_IMAGE);

        Req byQuery = req();
        byQuery.setId(first);
        byQuery.setForce(true);
        assertThat(call(byQuery, DELETE_IMAGE_BY_QUERY).json()).containsEntry("status", "DELETED");

        Req groups = req();
        groups.setName("two");
        groups.setNameFuzzyMatch(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> group = ((List<Map<String, Object>>) call(groups, LIST_IMAGE_GROUP).json().get("data")).get(0);
        assertThat(group).containsEntry("version_count", 1);

        Req deleteGroup = req();
        deleteGroup.setId((String) group.get("id"));
        deleteGroup.setBody(Map.of("is_force", false));
        assertThat(call(deleteGroup, DELETE_IMAGE_GROUP).json()).containsEntry("name", "two");
        assertThat(call(groups, LIST_IMAGE_GROUP).json()).containsEntry("total", 0);
    }

    @Test
    void queryValuesThatNeedPercentEncodingStillVerify() {
        Req dotted = req();
        dotted.setName("pytorch_1.8");
        dotted.setNameFuzzyMatch(true);
        assertThat(call(dotted, LIST_IMAGE_GROUP).getHttpStatusCode()).isEqualTo(200);

        // the signature verifies (not 401); then the name breaks the name rule (400)
        Req percent = req();
        percent.setName("100%_sure");
        assertThatThrownBy(() -> call(percent, LIST_IMAGE_GROUP))
                .isInstanceOfSatisfying(ClientRequestException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("ModelArts.0104");
                    assertThat(e.getRequestId()).isNotBlank();
                });
        Req spaced = req();
        spaced.setName("a b*c~d");
        assertThatThrownBy(() -> call(spaced, LIST_IMAGE_GROUP))
                .isInstanceOfSatisfying(ClientRequestException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(400));
    }

    @Test
    void theSdkReadsOurErrorsLikeTheRealServices() {
        Req show = req();
        show.setId("00000000-0000-0000-0000-000000000000");
        assertThatThrownBy(() -> call(show, SHOW_IMAGE))
                .isInstanceOfSatisfying(ClientRequestException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("ModelArts.6404");
                    assertThat(e.getErrorMsg()).contains("does not exist");
                });

        HcClient wrongSecret = new HcClient(HttpConfig.getDefaultHttpConfig())
                .withCredential(new BasicCredentials().withAk(TestServer.AK_A).withSk("not-the-secret")
                        .withProjectId(TestServer.PROJECT_A))
                .withEndpoints(List.of(server.baseUri().toString().replaceAll("/$", "")));
        assertThatThrownBy(() -> wrongSecret.syncInvokeHttp(req(), LIST_IMAGE_GROUP))
                .isInstanceOfSatisfying(ClientRequestException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo("APIG.0301");
                });
    }

    @Test
    void theSdkWithATokenInsteadOfAKey() {
        HttpRequestDef<Req, Resp> withProjectPath = def(HttpMethod.GET, "/v1/{project_id}/images/group", JSON)
                .withRequestField("project_id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY, String.class,
                        f -> f.withMarshaller(Req::getId, Req::setId))
                .build();
        HcClient tokenClient = new HcClient(HttpConfig.getDefaultHttpConfig())
                .withEndpoints(List.of(server.baseUri().toString().replaceAll("/$", "")))
                .withExtraHeaders(Map.of("X-Auth-Token", TestServer.TOKEN_A));
        Req request = req();
        request.setId(TestServer.PROJECT_A);
        assertThat(tokenClient.syncInvokeHttp(request, withProjectPath).getHttpStatusCode()).isEqualTo(200);
    }
}
