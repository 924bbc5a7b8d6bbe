package dev.modelarts.local.testkit;

import java.net.URI;
import java.util.List;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;

/**
 * Where the kit touches the official SDK, kept apart so that {@link LocalModelArts} loads without
 * the SDK on the classpath (it is an optional dependency).
 */
final class OfficialSdk {

    private OfficialSdk() {
    }

    static BasicCredentials credentials(TestCredential credential) {
        if (credential.accessKey() == null) {
            throw new IllegalStateException("the test credential has no access key: give one with an AK/SK pair");
        }
        return new BasicCredentials()
                .withAk(credential.accessKey())
                .withSk(credential.secretKey())
                .withProjectId(credential.projectId());
    }

    static HcClient client(URI endpoint, TestCredential credential) {
        String base = endpoint.toString();
        return new HcClient(HttpConfig.getDefaultHttpConfig())
                .withCredential(credentials(credential))
                .withEndpoints(List.of(base.endsWith("/") ? base.substring(0, base.length() - 1) : base));
    }
}
