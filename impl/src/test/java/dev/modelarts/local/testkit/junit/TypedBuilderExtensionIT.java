package dev.modelarts.local.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.modelarts.local.testkit.TestCredential;

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
            HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve(
                            "v1/dev-project/images/group?name=seeded&name_fuzzy_match=false"))
                    .header("X-Auth-Token", TestCredential.DEVELOPMENT.token()).build();
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("\"total\":1");
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())).as("nothing written next to the seed")
                    .containsExactly("images.yaml");
        }
    }

    @Test
    void aCredentialsFileAndTheCredentialTheKitSends(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.yaml"), """
                tokens:
                  - token: team-x-token
                    projects: [team-x]
                    actions: ["modelarts:image:*"]
                access_keys:
                  - ak: TEAMXACCESSKEY000000
                    sk: team-x-secret
                    projects: [team-x]
                    actions: ["modelarts:image:*"]
                regions:
                  team-x: ap-southeast-1
                """);
        TestCredential teamX = new TestCredential("team-x", "team-x-token", "TEAMXACCESSKEY000000", "team-x-secret",
                "ap-southeast-1");
        try (ModelArtsServerExtension server = ModelArtsServerExtension.builder().inMemory()
                .credentials(file, teamX).build()) {
            server.start();
            assertThat(server.client().get(server.client().projectPath("images")).status()).isEqualTo(200);
            assertThat(server.client().get("v1/dev-project/images").status()).as("the development credential is gone")
                    .isEqualTo(403);
            assertThat(server.sdkCredentials().getAk()).isEqualTo("TEAMXACCESSKEY000000");
            // the controls are reached in-process, though this credential may not use /_modelarts/
            server.reset();
            assertThat(server.client().post("_modelarts/reset", null).status()).isEqualTo(403);
        }
    }
}
