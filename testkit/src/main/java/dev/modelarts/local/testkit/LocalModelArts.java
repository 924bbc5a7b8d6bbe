package dev.modelarts.local.testkit;

import java.net.URI;
import java.time.Duration;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.BasicCredentials;

/**
 * A running ModelArts image server as a test sees it, whether started in the test's JVM (the JUnit
 * extension) or in a container (Testcontainers): where it answers, the credential the kit uses,
 * clients, and the test controls of {@code /_modelarts/}.
 *
 * <p>The controls need the test-control API: open with the development credential, or a
 * credential whose actions include {@code modelarts:control:*} when a credentials file is given.
 * The in-process extension reaches them directly, whatever the credentials.
 */
public interface LocalModelArts {

    /** The server's base address, {@code http://host:port/}. */
    URI endpoint();

    /** The credential the kit's clients use: {@link TestCredential#DEVELOPMENT} unless one was given. */
    TestCredential credential();

    /** The credential's project, as in {@code /v1/{project_id}/images}. */
    default String projectId() {
        return credential().projectId();
    }

    /** A plain HTTP client sending the credential's token. */
    ModelArtsClient client();

    /**
     * The official Huawei Cloud SDK's credentials for this server: the credential's access key
     * pair and project. Needs {@code com.huaweicloud.sdk:huaweicloud-sdk-core} on the classpath.
     *
     * @throws IllegalStateException when the credential has no access key
     */
    default BasicCredentials sdkCredentials() {
        return OfficialSdk.credentials(credential());
    }

    /**
     * An official SDK client pointed at this server with {@link #sdkCredentials()}: give it the
     * SDK's request definitions ({@code syncInvokeHttp}). Needs {@code huaweicloud-sdk-core}.
     */
    default HcClient sdkClient() {
        return OfficialSdk.client(endpoint(), credential());
    }

    /**
     * Forgets every DEDICATED image and group (the built-in catalog stays), every fault and
     * transition rule, and sets the clock back to how the server started, as
     * {@code POST /_modelarts/reset} does: call it from {@code @BeforeEach} to isolate tests.
     */
    void reset();

    /**
     * Registers images as {@code POST /_modelarts/seed} does, from its JSON body
     * ({@code {"images": [{"swr_path": ..., "project_id": ...}]}}); answers how many were registered.
     *
     * @throws IllegalArgumentException naming what is wrong with the body
     */
    int seed(String json);

    /**
     * Adds a fault rule given as the JSON {@code POST /_modelarts/faults} takes, e.g.
     * {@code {"operation": "ListImage", "action": "error", "status": 429, "error_code": "APIG.0308", "times": 2}};
     * answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    String fault(String json);

    /**
     * Adds a status-transition rule given as the JSON {@code POST /_modelarts/transitions} takes,
     * e.g. {@code {"swr_path": "*slow*", "path": ["CREATING", "ACTIVE"], "polls": 2}}; answers its id.
     *
     * @throws IllegalArgumentException naming what is wrong with the rule
     */
    String transition(String json);

    /** Moves the server's clock forward, as {@code POST /_modelarts/clock {"advance_ms": N}} does. */
    void advanceClock(Duration by);

    /**
     * The journal as {@code GET /_modelarts/requests} answers it (JSON), filtered by
     * {@code query}, e.g. {@code operation=ShowImage&status=404}; {@code ""} for everything.
     */
    String requests(String query);

    /**
     * Checks what clients sent, as WireMock's {@code verify} does: {@code check} is the JSON of
     * {@code POST /_modelarts/requests/verify}, e.g. {@code {"operation": "ShowImage", "count": 4}}
     * or with {@code at_least} / {@code at_most}. Answers how many requests matched.
     *
     * @throws AssertionError with the count found and the near misses when the check does not hold
     * @throws IllegalArgumentException when the check itself is malformed
     */
    int verify(String check);
}
