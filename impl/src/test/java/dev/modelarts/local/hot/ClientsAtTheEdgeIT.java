package dev.modelarts.local.hot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;

import dev.modelarts.local.testing.RawHttp;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The reads of the clients users have are hot reads, answered at the edge: a GET as
 * java.net.http sends it on {@code http://} (an HTTP/2 upgrade offer, declined at the edge, and,
 * before JDK 19, {@code Content-Length: 0}: JDK-8283544), and one as the official SDK sends it
 * (signed with AK/SK, with the operation's Content-Type); and so are their registrations, signed
 * over the body by the SDK. {@link HotReadsEquivalenceIT} and {@link HotWritesEquivalenceIT} hold
 * their answers to Jersey's; here, what reaches Jersey is counted.
 */
@Tag(TestDatabase.BOTH)
class ClientsAtTheEdgeIT {

    private static final JerseyRequests JERSEY = new JerseyRequests();
    private static final String LIST = "/v1/" + TestServer.PROJECT_A + "/images/group?limit=1";

    @RegisterExtension
    static final TestServer server = TestServer.withOptions().withProvider(JERSEY);

    /** A request body, whatever its shape. */
    public static class Registration {
        private Object body;

        public Object getBody() {
            return body;
        }

        public void setBody(Object body) {
            this.body = body;
        }
    }

    /** The answer, whatever its shape. */
    public static class Listing extends SdkResponse {
        private Object body;

        public Object getBody() {
            return body;
        }

        public void setBody(Object body) {
            this.body = body;
        }
    }

    /** ListImageGroup as the ModelArts SDK module defines it: a GET with its JSON Content-Type. */
    private static final HttpRequestDef<Object, Listing> LIST_IMAGE_GROUP = HttpRequestDef
            .builder(HttpMethod.GET, Object.class, Listing.class).withName("ListImageGroup")
            .withUri("/v1/{project_id}/images/group").withContentType("application/json")
            .withResponseField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Listing::getBody, Listing::setBody))
            .build();

    /** RegisterImage as the ModelArts SDK module defines it: a POST of its JSON body. */
    private static final HttpRequestDef<Registration, Listing> REGISTER_IMAGE = HttpRequestDef
            .builder(HttpMethod.POST, Registration.class, Listing.class).withName("RegisterImage")
            .withUri("/v1/{project_id}/images").withContentType("application/json")
            .withRequestField("body", LocationType.Body, FieldExistence.NON_NULL_NON_EMPTY, Object.class,
                    f -> f.withMarshaller(Registration::getBody, Registration::setBody))
            .withResponseField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Listing::getBody, Listing::setBody))
            .build();

    private static HcClient sdk(String secretKey) {
        return new HcClient(HttpConfig.getDefaultHttpConfig())
                .withCredential(new BasicCredentials().withAk(TestServer.AK_A).withSk(secretKey)
                        .withProjectId(TestServer.PROJECT_A))
                .withEndpoints(List.of(server.baseUri().toString().replaceAll("/$", "")));
    }

    @Test
    void aGetFromJavasHttpClientIsAnsweredAtTheEdge() {
        int before = JERSEY.count();
        Answer raw = new RawHttp(server.port()).exchange("GET " + LIST + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: " + TestServer.TOKEN + "\r\n" + HotReadsEquivalenceIT.JAVA_NET_HTTP
                + "Connection: close\r\n\r\n");
        var client = server.client().get(LIST); // java.net.http itself
        assertThat(raw.status()).isEqualTo(200);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body()).isEqualTo(raw.body());
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isZero();
    }

    @Test
    void aGetSignedByTheOfficialSdkIsAnsweredAtTheEdge() {
        int before = JERSEY.count();
        Listing listing = sdk(TestServer.SK_A).syncInvokeHttp(new Object(), LIST_IMAGE_GROUP);
        assertThat(listing.getHttpStatusCode()).isEqualTo(200);
        assertThat(listing.getBody()).isInstanceOfSatisfying(Map.class, json -> assertThat(json).containsKey("total"));
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isZero();
    }

    @Test
    void aSignatureThatDoesNotVerifyIsLeftToJerseyWhichRefusesIt() {
        int before = JERSEY.count();
        assertThatThrownBy(() -> sdk("not-the-secret").syncInvokeHttp(new Object(), LIST_IMAGE_GROUP))
                .isInstanceOfSatisfying(ClientRequestException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo("APIG.0301");
                });
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isEqualTo(1);
    }

    /** Jersey refuses it (two values are not a media type); the edge once failed on it with a 500. */
    @Test
    void aGetWithTwoContentTypesIsLeftToJerseyWhichRefusesIt() {
        Answer answer = new RawHttp(server.port()).exchange("GET " + LIST + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: " + TestServer.TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(415);
        assertThat(answer.body()).contains("\"error_code\":\"ModelArts.0101\"");
    }

    @Test
    void aGetWithABodyIsStillJerseys() {
        int before = JERSEY.count();
        Answer answer = new RawHttp(server.port()).exchange("GET " + LIST + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: " + TestServer.TOKEN + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isEqualTo(1);
    }

    @Test
    void aRegistrationSignedByTheOfficialSdkIsAnsweredAtTheEdge() {
        int before = JERSEY.count();
        Registration registration = new Registration();
        registration.setBody(Map.of("swr_path", "swr.cn-north-4.myhuaweicloud.com/edge/sdk:v1", "description", "é"));
        Listing registered = sdk(TestServer.SK_A).syncInvokeHttp(registration, REGISTER_IMAGE);
        assertThat(registered.getHttpStatusCode()).isEqualTo(200);
        assertThat(registered.getBody()).isInstanceOfSatisfying(Map.class,
                json -> assertThat(json).containsEntry("name", "sdk").containsEntry("description", "é"));
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isZero();
    }

    @Test
    void aRegistrationFromJavasHttpClientIsAnsweredAtTheEdge() {
        int before = JERSEY.count();
        var registered = server.client().json("POST", "/v1/" + TestServer.PROJECT_A + "/images",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/edge/java:v1\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isZero();
    }

    @Test
    void aRegistrationRefusedByTheSpecIsJerseysWhichRefusesIt() {
        int before = JERSEY.count();
        var refused = server.client().json("POST", "/v1/" + TestServer.PROJECT_A + "/images",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/edge/java:v1\", \"workspace_id\": \"W\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isEqualTo(1);
    }

    /** A signature over the body's hash, which the request sends: checked before the body is read. */
    @Test
    void aRegistrationSigningTheHashItSendsIsAnsweredAtTheEdge() {
        int before = JERSEY.count();
        String path = "/v1/" + TestServer.PROJECT_A + "/images";
        String body = "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/edge/hash:v1\"}";
        String lines = SdkSignedRequests.lines("POST", path, List.of(), body, SdkSignedRequests.Change.HASH_SENT, true);
        assertThat(lines).contains("X-Sdk-Content-Sha256: ");
        Answer answer = new RawHttp(server.port()).exchange(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + lines
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JERSEY.count() - before).as("requests Jersey saw").isZero();
    }
}
