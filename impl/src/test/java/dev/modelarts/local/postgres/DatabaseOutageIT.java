package dev.modelarts.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.RestartablePostgres;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * While PostgreSQL is down, requests fail fast with 503 in the ModelArts shape and /health says
 * DOWN; when it returns, the server recovers by itself, with no restart.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@Tag(TestDatabase.BOTH)
class DatabaseOutageIT {

    private static final Path PG_DIR = Path.of("target", "outage-pg-" + ProcessHandle.current().pid());
    private static RestartablePostgres postgres;

    /** The server starts over a PostgreSQL of its own, which the test stops and starts again. */
    @RegisterExtension
    static final TestServer server = TestServer.on(() -> {
        postgres = RestartablePostgres.start(PG_DIR);
        return postgres.settings();
    });

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void failsFastWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        assertThat(server.client().get("/v1/p/images/group").status()).isEqualTo(200);

        postgres.stop();

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Reply reply = server.client().get("/v1/p/images/group");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.json().get("error_code").asText()).isEqualTo("ModelArts.6101");
            assertThat(reply.header("Retry-After")).isEqualTo("5");
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
        Reply health = server.client().get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("database").asText()).isEqualTo("DOWN");

        postgres.startAgain();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = server.client().get("/health").status();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("health after the database returned").isEqualTo(200);
        assertThat(server.client().get("/v1/p/images/group").status()).isEqualTo(200);
        assertThat(server.client().json("POST", "/v1/p/images",
                "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/team/after-outage:v1\"}").status()).isEqualTo(200);
    }
}
