package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.config.ServerCommandLine;
import dev.modelarts.local.config.ServerSettings;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL recipe of docs/operating.md, as a non-superuser on PostgreSQL 15 or newer (the tests' is 17),
 * where only a database's owner may create tables in schema public: a user that does not own
 * the database is told the fix, and the recipe's ownership makes the start succeed.
 */
class PostgresOwnershipIT {

    @Test
    void aUserThatDoesNotOwnTheDatabaseIsToldToMakeItTheOwner() throws Exception {
        EmbeddedPostgres postgres = TestDatabase.embedded();
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime();
        String user = "tenant_" + suffix;
        String database = "owned_" + suffix;
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create role " + user + " login password 'secret-pw'");
            statement.execute("create database " + database); // owned by postgres, as createdb without -O makes it
        }
        String[] args = {"--port", "0", "--db-url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
            "--db-user", user, "--db-password", "secret-pw"};

        assertThatThrownBy(() -> RunningServer.start(ServerCommandLine.parse(args)).close())
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("PostgreSQL user " + user + " may not create")
                .hasMessageContaining("ALTER DATABASE <name> OWNER TO " + user)
                .hasMessageNotContaining("secret-pw");

        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " owner to " + user);
        }
        try (RunningServer server = RunningServer.start(ServerCommandLine.parse(args))) {
            assertThat(new ApiClient(server.baseUri()).get("/health/ready").status()).isEqualTo(200);
        }
    }
}
