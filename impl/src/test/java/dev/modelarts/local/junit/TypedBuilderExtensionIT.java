package dev.modelarts.local.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's typed settings, instead of option strings: in memory, seeded at start, on a port. */
class TypedBuilderExtensionIT {

    @Test
    void inMemoryAndSeededFromAFile(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("images.yaml"), """
                images:
                  - project_id: dev-project
                    swr_path: swr.example.com/typed/seeded:v1
                """);
        try (ModelArtsServerExtension server = ModelArtsServerExtension.builder().inMemory().seed(seed).port(0).build()) {
            server.start();
            HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(
                            "v1/dev-project/images/group?name=seeded&name_fuzzy_match=false"))
                    .header("X-Auth-Token", ModelArtsServerExtension.DEV_TOKEN).build();
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("\"total\":1");
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())).as("nothing written next to the seed")
                    .containsExactly("images.yaml");
        }
    }
}
