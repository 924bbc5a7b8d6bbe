package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.embedded.EmbeddedServer;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/** The probes and the version, over real HTTP, with no credential. */
@Tag(TestDatabase.BOTH)
class HealthIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private final ApiClient anonymous = new ApiClient(server.baseUri());

    @Test
    void liveAndReadyAnswerUp() {
        assertThat(anonymous.get("/health/live").json().get("status").asText()).isEqualTo("UP");
        Reply ready = anonymous.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("database").asText()).isEqualTo("UP");
    }

    @Test
    void versionNamesTheBuildAndTheDatabase() {
        Reply version = anonymous.get("/version");
        assertThat(version.json().get("version").asText()).isNotBlank();
        assertThat(version.json().get("commit").asText()).isNotBlank();
        assertThat(version.json().get("database").asText()).isEqualTo(TestDatabase.isPostgres() ? "postgresql" : "h2-file");
    }

    /** An H2 file opened read-only answers reads, but the instance is not ready: it would fail every write. */
    @Nested
    @DisabledIfSystemProperty(named = "test.database", matches = "postgres")
    class OnAReadOnlyFile {

        @RegisterExtension
        static final TestServer readOnly = TestServer.on(OnAReadOnlyFile::readOnlyCopy);

        private static DatabaseSettings readOnlyCopy() {
            try {
                Path dir = Files.createTempDirectory("read-only");
                try (EmbeddedServer first = EmbeddedServer.builder().dataDir(dir).build()) {
                    first.start(); // creates, migrates and fills the file
                }
                return new DatabaseSettings("jdbc:h2:file:" + dir.resolve(DatabaseSettings.H2_FILE_NAME)
                        + ";ACCESS_MODE_DATA=r;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void itIsLiveButNotReady() {
            ApiClient client = new ApiClient(readOnly.baseUri());
            assertThat(client.get("/health/live").status()).isEqualTo(200);
            Reply ready = client.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("database").asText()).isEqualTo("READ_ONLY");
            assertThat(client.get("/health").status()).isEqualTo(200); // reachable, which is all /health says
        }
    }
}
