package dev.modelarts.local.server;

import static dev.modelarts.local.testing.JarRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.JarRun.Outcome;
import dev.modelarts.local.testing.KillProbe;
import dev.modelarts.local.testing.PackagedJar;
import dev.modelarts.local.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Database settings a user gets wrong, on the packaged jar: an H2 URL in the form the server's own
 * refusal suggests works; one that sets another mode is refused before any file is made; every
 * way PostgreSQL can refuse the connection is one line naming the host, user or database and
 * the fix.
 */
class DatabaseRefusalsIT {

    @TempDir
    Path dir;

    @Test
    void anH2UrlGetsTheSettingsTheServerNeedsAndServes() {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        try (ServerProcess server = ServerProcess.start(PackagedJar.command("--port", "0", "--db-url", url))) {
            KillProbe client = new KillProbe();
            assertThat(client.send(server.base(), "POST", "/v1/dev-project/images",
                    "{\"swr_path\":\"swr.example.com/team/app:v1\"}").status()).isEqualTo(200);
            assertThat(client.send(server.base(), "GET", "/v1/dev-project/images/group?type=DEDICATED", null)
                    .json().get("total").asInt()).isEqualTo(1);
            assertThat(server.output()).anyMatch(line -> line.contains("Database ready: " + url + ";MODE=PostgreSQL"));
            assertThat(server.stop()).isEqualTo(143);
        }
    }

    @Test
    void anH2UrlOfAnotherModeIsRefusedBeforeAnyFileIsMade() throws Exception {
        Outcome outcome = run(Map.of(), "--port", "0", "--db-url", "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.firstLine()).contains("'--db-url'", "MODE=MySQL", "needs MODE=PostgreSQL");
        assertThat(outcome.output().lines()).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnknownHostOrAClosedPortIsOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertRefused(run(Map.of(), "--port", "0", "--db-url", "jdbc:postgresql://no-such-host.invalid:5432/modelarts"),
                "the PostgreSQL host no-such-host.invalid is not known", "--db-url");
        assertRefused(run(Map.of(), "--port", "0", "--db-url", "jdbc:postgresql://127.0.0.1:" + closed + "/modelarts"),
                "cannot connect to PostgreSQL at 127.0.0.1:" + closed, "is PostgreSQL running", "--db-url");
    }

    /**
     * A PostgreSQL that asks for passwords over TCP (its own pg_hba.conf): the superuser it is
     * set up with connects by trust, the user {@code app} by password.
     */
    @Test
    void aWrongPasswordOrAMissingDatabaseIsOneLine() throws Exception {
        Path hba = Files.writeString(dir.resolve("pg_hba.conf"), String.join("\n",
                "local all all trust", "host all postgres 127.0.0.1/32 trust", "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("create role app login password 'right'");
                statement.execute("create database modelarts owner app");
            }
            String address = "127.0.0.1:" + postgres.getPort();
            String url = "jdbc:postgresql://" + address + "/modelarts";
            assertRefused(run(Map.of(), "--port", "0", "--db-url", url, "--db-user", "app", "--db-password", "wrong"),
                    "PostgreSQL at " + address + " refused user app: wrong password", "--db-password");
            assertRefused(run(Map.of(), "--port", "0", "--db-url", "jdbc:postgresql://" + address + "/nosuchdb",
                    "--db-user", "app", "--db-password", "right"),
                    "PostgreSQL at " + address + " has no database nosuchdb", "CREATE DATABASE nosuchdb OWNER app");
        }
    }

    /** Exit 1 with one line that says it all, after the line naming the credential in use. */
    private static void assertRefused(Outcome outcome, String... said) {
        assertThat(outcome.exit()).isEqualTo(1);
        List<String> errors = outcome.output().lines().filter(line -> line.contains("ERROR")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("Cannot start: ").contains(said);
        assertThat(outcome.output().lines()).as(outcome.output()).hasSizeLessThanOrEqualTo(2);
    }
}
