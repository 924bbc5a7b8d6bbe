package dev.modelarts.local.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.testkit.TestCredential;

/** What the container is told, without a container runtime. */
class ModelArtsContainerTest {

    @Test
    void theDefaultImageIsThisBuilds() {
        assertThat(ModelArtsContainer.defaultImage()).matches("modelarts-image-server:\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        try (ModelArtsContainer container = new ModelArtsContainer()) {
            assertThat(container.getExposedPorts()).containsExactly(ModelArtsContainer.PORT);
        }
    }

    @Test
    void theSettingsBecomeTheServersOptions() {
        TestCredential ci = TestCredential.ofToken("ci-project", "ci-token");
        try (ModelArtsContainer container = new ModelArtsContainer().withInMemory()
                .withCredentials(Path.of("pom.xml"), ci)
                .withPostgres("jdbc:postgresql://db:5432/modelarts", "modelarts", "secret")) {
            container.configure();
            assertThat(container.getCommandParts()).containsExactly("--in-memory",
                    "--credentials", "/config/credentials.yaml",
                    "--db-url", "jdbc:postgresql://db:5432/modelarts", "--db-user", "modelarts", "--db-password", "secret");
            assertThat(container.credential()).isEqualTo(ci);
            assertThat(container.getToken()).isEqualTo("ci-token");
            assertThat(container.getAccessKey()).isNull();
        }
    }
}
