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

    /** The test controls; the methods below are shortcuts to them. */
    TestControls controls();

    /** {@link TestControls#reset()} */
    default void reset() {
        controls().reset();
    }

    /** {@link TestControls#seed(String)} */
    default int seed(String json) {
        return controls().seed(json);
    }

    /** {@link TestControls#fault(String)} */
    default String fault(String json) {
        return controls().fault(json);
    }

    /** {@link TestControls#transition(String)} */
    default String transition(String json) {
        return controls().transition(json);
    }

    /** {@link TestControls#advanceClock(Duration)} */
    default void advanceClock(Duration by) {
        controls().advanceClock(by);
    }

    /** {@link TestControls#requests(String)} */
    default String requests(String query) {
        return controls().requests(query);
    }

    /** {@link TestControls#verify(String)} */
    default int verify(String check) {
        return controls().verify(check);
    }
}
