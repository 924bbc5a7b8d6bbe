package dev.modelarts.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestServer;

/**
 * The official SDK core given an AK/SK without a project id asks IAM for it
 * ({@code GET /v3/projects?name={region}}, signed); pointed at this server, it finds the project
 * and calls ListImageGroup; for a region with no project it fails as against real IAM.
 */
class IamDiscoveryIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    /** ListImageGroup's request: no fields but the project, which the credential fills in. */
    public static class Req {
    }

    public static class Resp extends SdkResponse {
        private Object body;

        public Object getBody() { return body; }
        public void setBody(Object v) { body = v; }
    }

    private static final HttpRequestDef<Req, Resp> LIST_IMAGE_GROUP = HttpRequestDef
            .builder(HttpMethod.GET, Req.class, Resp.class).withName("ListImageGroup")
            .withUri("/v1/{project_id}/images/group").withContentType("application/json")
            .withResponseField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Resp::getBody, Resp::setBody))
            .build();

    private static String endpoint() {
        return server.baseUri().toString().replaceAll("/$", "");
    }

    private static HcClient client() {
        return new HcClient(HttpConfig.getDefaultHttpConfig()).withEndpoints(List.of(endpoint()));
    }

    @Test
    void theSdkFindsTheProjectOfItsRegionAndCallsListImageGroup() {
        BasicCredentials onlyKeys = new BasicCredentials().withAk(TestServer.AK_A).withSk(TestServer.SK_A)
                .withIamEndpoint(endpoint());
        // as the SDK's ClientBuilder does: the client signs with the credential, which then asks IAM
        ICredential resolved = onlyKeys.processAuthParams(client().withCredential(onlyKeys), "cn-north-4").join();
        assertThat(((BasicCredentials) resolved).getProjectId()).isEqualTo(TestServer.PROJECT_A);
        Resp groups = client().withCredential(resolved).syncInvokeHttp(new Req(), LIST_IMAGE_GROUP);
        assertThat(groups.getHttpStatusCode()).isEqualTo(200);
        assertThat(((Map<?, ?>) groups.getBody()).get("total")).isNotNull();
    }

    @Test
    void aRegionWithNoProjectFailsAsAgainstRealIam() {
        BasicCredentials onlyKeys = new BasicCredentials().withAk(TestServer.AK_A).withSk(TestServer.SK_A)
                .withIamEndpoint(endpoint());
        assertThatThrownBy(() -> onlyKeys.processAuthParams(client().withCredential(onlyKeys), "eu-west-101").join())
                .hasRootCauseInstanceOf(SdkException.class)
                .rootCause().hasMessageContaining("failed to get project id of region 'eu-west-101' automatically");
    }

    @Test
    void theAnswerIsKeystonesShapeForTheCredentialsProjectsAndRegions() {
        JsonNode bound = ApiClient.withToken(server.baseUri(), TestServer.TOKEN_A).get("/v3/projects?name=cn-north-4")
                .json();
        assertThat(bound.get("projects")).hasSize(1);
        JsonNode project = bound.get("projects").get(0);
        assertThat(project.get("id").asText()).isEqualTo(TestServer.PROJECT_A);
        assertThat(project.get("name").asText()).isEqualTo("cn-north-4");
        assertThat(project.get("enabled").asBoolean()).isTrue();
        assertThat(project.get("domain_id").asText()).isNotEmpty();
        assertThat(bound.get("links").get("self").asText()).endsWith("/v3/projects?name=cn-north-4");

        // a credential for any project lists every project the file names in that region
        JsonNode any = ApiClient.withToken(server.baseUri(), TestServer.TOKEN).get("/v3/projects?name=ap-southeast-1")
                .json();
        assertThat(any.get("projects").findValuesAsText("id")).containsExactly("project-b");
        assertThat(ApiClient.withToken(server.baseUri(), TestServer.TOKEN).get("/v3/projects?name=nowhere-1")
                .json().get("projects")).isEmpty();
        assertThat(new ApiClient(server.baseUri()).get("/v3/projects").status()).isEqualTo(401);
    }
}
