package dev.modelarts.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * While PostgreSQL is down, requests fail fast with 503 in the ModelArts shape and /health says
 * DOWN; when it returns, the server recovers by itself, with no restart.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
class DatabaseOutageIT {

    @TempDir
    Path dir;

    private EmbeddedPostgres postgres;
    private TestServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @Test
    void failsFastWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = startPostgres(port);
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create database outage");
        }
        server = TestServer.start(dir.resolve("server"),
                new DatabaseSettings(postgres.getJdbcUrl("postgres", "outage"), "postgres", ""));
        assertThat(server.client().get("/v1/p/images/group").status()).isEqualTo(200);

        postgres.close();
        postgres = null;

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

        postgres = startPostgres(port);
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
