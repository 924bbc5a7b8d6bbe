package dev.modelarts.local.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.modelarts.local.testkit.ModelArtsClient;

/**
 * Two containers over one PostgreSQL see each other's writes. The database is the host's (Maven
 * Central's PostgreSQL binaries, started here), which the containers reach at
 * {@code host.containers.internal}: no PostgreSQL image can be pulled on a machine without a
 * registry.
 */
class SharedPostgresIT {

    @Test
    void aWriteThroughOneContainerIsReadThroughTheOther(@TempDir Path dir) throws IOException {
        ContainerRuntime.assumeAvailable();
        // the containers connect from podman's bridge network, not from the loopback
        Path hba = Files.writeString(dir.resolve("pg_hba.conf"), """
                local all all trust
                host all all 127.0.0.1/32 trust
                host all all 0.0.0.0/0 trust
                """);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "*")
                .setServerConfig("hba_file", hba.toString())
                .start()) {
            String url = "jdbc:postgresql://host.containers.internal:" + postgres.getPort() + "/postgres";
            try (ModelArtsContainer a = new ModelArtsContainer().withPostgres(url, "postgres", "");
                    ModelArtsContainer b = new ModelArtsContainer().withPostgres(url, "postgres", "")) {
                a.start();
                b.start();
                ModelArtsClient first = a.client();
                ModelArtsClient second = b.client();
                ModelArtsClient.Reply registered = first.post(first.projectPath("images"),
                        "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/shared/across:v1\"}");
                assertThat(registered.status()).as(registered.body()).isEqualTo(200);
                String id = registered.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

                assertThat(second.get(second.projectPath("images/" + id)).status()).isEqualTo(200);
                assertThat(second.get(second.projectPath("images/group?name=across")).body()).contains("\"total\":1");

                // the test controls act on the shared state: a reset through B is seen through A
                b.reset();
                // the real service's answer for an image that is not there: 400 with ModelArts.6404
                assertThat(first.get(first.projectPath("images/" + id)).body()).contains("ModelArts.6404");
            }
        }
    }
}
