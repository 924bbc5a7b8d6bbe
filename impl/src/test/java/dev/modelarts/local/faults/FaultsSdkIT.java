package dev.modelarts.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.RequestTimeoutException;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import com.huaweicloud.sdk.core.invoker.SyncInvoker;
import com.huaweicloud.sdk.core.retry.backoff.BackoffStrategy;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestServer;

/**
 * The official SDK core against fault rules, as a team tests its retries: the SDK's own retry
 * gets through two 429s; without it the SDK throws the gateway's error with the answer's request
 * id; its read timeout fires on a delay; a broken connection is an SDK exception within 2 s.
 */
class FaultsSdkIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    /** ListImage's request: no field but the project, from the credential. */
    public static class Req {
    }

    /** Any JSON answer. */
    public static class Resp extends SdkResponse {
        private Object body;

        public Object getBody() {
            return body;
        }

        public void setBody(Object v) {
            body = v;
        }
    }

    private static final HttpRequestDef<Req, Resp> LIST_IMAGE = HttpRequestDef
            .builder(HttpMethod.GET, Req.class, Resp.class).withName("ListImage").withUri("/v1/{project_id}/images")
            .withContentType("application/json")
            .withResponseField("body", LocationType.Body, FieldExistence.NULL_IGNORE, Object.class,
                    f -> f.withMarshaller(Resp::getBody, Resp::setBody))
            .build();

    private static HcClient sdk(int readTimeoutSeconds) {
        return new HcClient(HttpConfig.getDefaultHttpConfig().withReadTimeout(readTimeoutSeconds))
                .withCredential(new BasicCredentials().withAk(TestServer.AK_A).withSk(TestServer.SK_A)
                        .withProjectId(TestServer.PROJECT_A))
                .withEndpoints(List.of(server.baseUri().toString().replaceAll("/$", "")));
    }

    private static ApiClient admin() {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    private static void add(String rule) {
        assertThat(admin().json("POST", "/_modelarts/faults", rule).status()).isEqualTo(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void clear() {
        admin().delete("/_modelarts/faults");
        admin().delete("/_modelarts/requests");
    }

    @Test
    void theSdksRetryGetsThroughTwo429s() {
        add("{\"operation\":\"ListImage\",\"action\":\"error\",\"status\":429,\"error_code\":\"APIG.0308\",\"times\":2}");
        Resp answer = new SyncInvoker<>(new Req(), LIST_IMAGE, sdk(10))
                .retryTimes(3)
                .retryCondition((response, error) -> error instanceof ClientRequestException e && e.getHttpStatusCode() == 429)
                .backoffStrategy(BackoffStrategy.NO_BACKOFF)
                .invoke();
        assertThat(answer.getHttpStatusCode()).isEqualTo(200);
        List<Integer> statuses = new ArrayList<>();
        admin().get("/_modelarts/requests").json().get("requests").forEach(entry -> {
            if (entry.get("path").asText().equals("/v1/" + TestServer.PROJECT_A + "/images")) {
                statuses.add(entry.get("status").asInt());
            }
        });
        assertThat(statuses).containsExactly(429, 429, 200);
    }

    @Test
    void withoutRetryTheSdkThrowsTheGatewaysErrorWithTheAnswersRequestId() {
        add("{\"operation\":\"ListImage\",\"action\":\"error\",\"status\":429,\"error_code\":\"APIG.0308\",\"times\":1}");
        assertThatThrownBy(() -> sdk(10).syncInvokeHttp(new Req(), LIST_IMAGE))
                .isInstanceOfSatisfying(ClientRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("APIG.0308");
                    assertThat(e.getHttpStatusCode()).isEqualTo(429);
                    List<String> logged = new ArrayList<>();
                    admin().get("/_modelarts/requests").json().get("requests").forEach(entry -> {
                        if (entry.get("status").asInt() == 429) {
                            logged.add(entry.get("request_id").asText());
                        }
                    });
                    assertThat(logged).containsExactly(e.getRequestId());
                });
    }

    @Test
    void theSdksReadTimeoutFiresOnADelay() {
        add("{\"operation\":\"ListImage\",\"action\":\"delay\",\"delay_ms\":1500,\"times\":1}");
        long start = System.nanoTime();
        assertThatThrownBy(() -> sdk(1).syncInvokeHttp(new Req(), LIST_IMAGE)).isInstanceOf(RequestTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_450));
        sleep(800); // the server answers the delayed request meanwhile; not into the next test's journal
    }

    @ParameterizedTest
    @ValueSource(strings = {"reset", "empty", "garbage", "truncate"})
    void aBrokenConnectionIsAnSdkExceptionWithinTwoSeconds(String action) {
        add("{\"operation\":\"ListImage\",\"action\":\"" + action + "\"}");
        long start = System.nanoTime();
        assertThatThrownBy(() -> sdk(10).syncInvokeHttp(new Req(), LIST_IMAGE)).isInstanceOf(SdkException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
