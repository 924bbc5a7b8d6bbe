package dev.modelarts.local.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.modelarts.local.testkit.ModelArtsClient;
import dev.modelarts.local.testkit.TestCredential;

/** The container as a user starts it: ready when started, and the test kit's API over HTTP. */
class ModelArtsContainerIT {

    private static final Logger LOG = LoggerFactory.getLogger(ModelArtsContainerIT.class);
    private static ModelArtsContainer modelArts;

    @BeforeAll
    static void start() {
        ContainerRuntime.assumeAvailable();
        modelArts = new ModelArtsContainer().withInMemory();
        long began = System.nanoTime();
        modelArts.start();
        long readyMs = (System.nanoTime() - began) / 1_000_000;
        // printed, not asserted: a timed test fails whenever the machine is busy; the figure is
        // a measurement (docs/testing-in-java.md), not a pass mark
        LOG.info("start to ready: {} ms ({})", readyMs, modelArts.getDockerImageName());
    }

    @AfterAll
    static void stop() {
        if (modelArts != null) {
            modelArts.stop();
        }
    }

    @BeforeEach
    void isolate() {
        modelArts.reset();
    }

    @Test
    void theGettersNameTheEndpointAndTheDevelopmentCredential() {
        assertThat(modelArts.getEndpoint().toString()).matches("http://[^/]+:\\d+/");
        assertThat(modelArts.getProjectId()).isEqualTo("dev-project");
        assertThat(modelArts.getToken()).isEqualTo("dev-token");
        assertThat(modelArts.getAccessKey()).isEqualTo(TestCredential.DEVELOPMENT.accessKey());
        assertThat(modelArts.getSecretKey()).isEqualTo(TestCredential.DEVELOPMENT.secretKey());
        assertThat(modelArts.sdkCredentials().getProjectId()).isEqualTo("dev-project");
    }

    @Test
    void registerShowVerifyAndDelete() {
        ModelArtsClient client = modelArts.client();
        ModelArtsClient.Reply registered = client.post(client.projectPath("images"),
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/in-a-container:v1\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String id = registered.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(client.projectPath("images/" + id)).status()).isEqualTo(200);
        }

        assertThat(modelArts.verify("{\"operation\": \"ShowImage\", \"count\": 3}")).isEqualTo(3);
        assertThatThrownBy(() -> modelArts.verify("{\"operation\": \"ShowImage\", \"count\": 4}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ModelArts.0409").hasMessageContaining("near_misses");
        assertThat(modelArts.requests("operation=ShowImage")).contains("\"count\":3");

        assertThat(client.delete(client.projectPath("images/" + id)).status()).isEqualTo(200);
        // the real service's answer for an image that is not there: 400 with ModelArts.6404
        assertThat(client.get(client.projectPath("images/" + id)).body()).contains("ModelArts.6404");
    }

    @Test
    void resetSeedFaultsAndTheClockGoOverHttp() {
        assertThat(modelArts.seed("""
                {"images": [{"project_id": "dev-project", "swr_path": "swr.cn-north-4.myhuaweicloud.com/team/seeded:v1"}]}
                """)).isEqualTo(1);
        ModelArtsClient client = modelArts.client();
        assertThat(client.get(client.projectPath("images?type=DEDICATED")).body()).contains("\"total\":1");
        modelArts.reset();
        assertThat(client.get(client.projectPath("images?type=DEDICATED")).body()).contains("\"total\":0");

        assertThat(modelArts.fault("{\"operation\": \"ListImage\", \"action\": \"error\", \"status\": 429,"
                + " \"error_code\": \"APIG.0308\", \"times\": 1}")).isNotBlank();
        assertThat(client.get(client.projectPath("images")).status()).isEqualTo(429);
        assertThat(client.get(client.projectPath("images")).status()).isEqualTo(200);

        assertThatThrownBy(() -> modelArts.transition("{\"swr_path\": \"*\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ModelArts.");
        modelArts.advanceClock(java.time.Duration.ofMinutes(5));
    }

    @Test
    void aCredentialsFileAndASeedFileAreCopiedIn(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.yaml"), """
                tokens:
                  - token: ci-token
                    projects: [ci-project]
                    actions: ["modelarts:image:*", "modelarts:control:*"]
                """);
        Path seed = Files.writeString(dir.resolve("seed.yaml"), """
                images:
                  - project_id: ci-project
                    swr_path: swr.cn-north-4.myhuaweicloud.com/ci/seeded:v1
                """);
        TestCredential ci = TestCredential.ofToken("ci-project", "ci-token");
        try (ModelArtsContainer own = new ModelArtsContainer().withInMemory().withCredentials(credentials, ci)
                .withSeed(seed)) {
            own.start();
            assertThat(own.client().get(own.client().projectPath("images?type=DEDICATED")).body()).contains("\"total\":1");
            assertThat(own.client().get("v1/dev-project/images").status()).isEqualTo(403);
            own.reset();
            assertThat(own.client().get(own.client().projectPath("images?type=DEDICATED")).body()).contains("\"total\":0");
        }
    }
}
