package dev.modelarts.local.testkit;

import java.util.Objects;

/**
 * The credential a test uses against the server: the project it is bound to, its token and its
 * access key pair (either may be absent when the credentials file gives only one), and the
 * project's region.
 *
 * @param projectId the project the credential is bound to, as in {@code /v1/{project_id}/images}
 * @param token     sent as {@code X-Auth-Token}; {@code null} when the credential has none
 * @param accessKey the AK of an AK/SK pair, for the official SDK's signer; {@code null} when none
 * @param secretKey the SK of that pair; {@code null} when none
 * @param region    the project's region, as {@code GET /v3/projects} names it
 */
public record TestCredential(String projectId, String token, String accessKey, String secretKey, String region) {

    /** The region a project has unless the credentials file's {@code regions:} says otherwise. */
    public static final String DEFAULT_REGION = "cn-north-4";

    /**
     * The development credential the server accepts when no credentials file is given: token
     * {@code dev-token}, AK {@code DEVACCESSKEY0000000}, both bound to {@code dev-project}. With
     * it the test-control API is open.
     */
    public static final TestCredential DEVELOPMENT =
            new TestCredential("dev-project", "dev-token", "DEVACCESSKEY0000000", "dev-secret-key", DEFAULT_REGION);

    public TestCredential {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(region, "region");
        if (token == null && accessKey == null) {
            throw new IllegalArgumentException("a credential needs a token, an access key pair, or both");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("an access key needs its secret key, and the other way round");
        }
    }

    /** A credential with a token only, in the default region. */
    public static TestCredential ofToken(String projectId, String token) {
        return new TestCredential(projectId, token, null, null, DEFAULT_REGION);
    }

    /** A credential with an access key pair only, in the default region. */
    public static TestCredential ofAccessKey(String projectId, String accessKey, String secretKey) {
        return new TestCredential(projectId, null, accessKey, secretKey, DEFAULT_REGION);
    }

    /** The same credential in another region. */
    public TestCredential inRegion(String other) {
        return new TestCredential(projectId, token, accessKey, secretKey, other);
    }

    /** The secret key is never printed. */
    @Override
    public String toString() {
        return "TestCredential[projectId=" + projectId + ", token=" + (token == null ? "none" : "****")
                + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? "none" : "****")
                + ", region=" + region + "]";
    }
}
