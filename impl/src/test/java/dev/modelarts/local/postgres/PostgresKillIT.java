package dev.modelarts.local.postgres;

import static dev.modelarts.local.testing.PackagedJar.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.testing.KillCycles;
import dev.modelarts.local.testing.KillProbe;
import dev.modelarts.local.testing.RestartablePostgres;
import dev.modelarts.local.testing.ServerProcess;
import dev.modelarts.local.testing.StoredImages;
import dev.modelarts.local.testing.TestDatabase;

/**
 * Over PostgreSQL, nothing acknowledged is lost when the server is SIGKILLed again and again
 * ({@link KillCycles}), nor when PostgreSQL itself restarts under load: meanwhile the server
 * answers 503 ModelArts.6101 with Retry-After, and it recovers by itself.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@Tag(TestDatabase.BOTH)
class PostgresKillIT {

    @TempDir
    Path dir;

    private static ProcessBuilder server(DatabaseSettings db) {
        return command("--port", "0", "--db-url", db.jdbcUrl(), "--db-user", db.user(), "--db-password", db.password());
    }

    @Test
    void everyAcknowledgedWriteSurvivesRepeatedKillsOfTheServer() throws Exception {
        DatabaseSettings db = TestDatabase.fresh(dir);
        KillCycles.run("PostgreSQL", () -> ServerProcess.start(server(db)));
    }

    @Test
    void aPostgresRestartUnderLoadIsAnswered503AndLosesNothing() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pg"));
                ServerProcess server = ServerProcess.start(server(postgres.settings()))) {
            KillProbe probe = new KillProbe();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<KillProbe.Load> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return probe.run(server.base(), 16, 2, stop, PostgresKillIT::unavailable);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2_000);
            postgres.stop();
            Thread.sleep(3_000);
            postgres.startAgain();
            long back = System.nanoTime();
            long recovered = -1;
            while (recovered < 0 && System.nanoTime() - back < 30_000_000_000L) {
                if (probe.send(server.base(), "GET", "/v1/dev-project/images?type=DEDICATED&limit=1", null).status() == 200) {
                    recovered = (System.nanoTime() - back) / 1_000_000;
                }
                Thread.sleep(100);
            }
            Thread.sleep(2_000);
            stop.set(true);
            KillProbe.Load done = load.join();

            StoredImages.Check check = StoredImages.check(probe, server.base());
            System.out.printf("PostgreSQL restart under load: acknowledged %d registrations, %d deletes;"
                            + " answers other than 200: %s; reads answered again %d ms after PostgreSQL started;"
                            + " holds %d images; problems %d%n",
                    done.registered(), done.deleted(), done.statuses(), recovered, check.images(), check.problems().size());
            assertThat(done.unexpected()).as("answers while PostgreSQL was away").isEmpty();
            assertThat(done.statuses()).as("503s while PostgreSQL was away").containsKey(503);
            assertThat(recovered).as("the server serves again without a restart").isNotNegative();
            assertThat(done.registered()).isPositive();
            assertThat(check.problems()).isEmpty();
        }
    }

    /** The answer to a request that needs the database while it is away. */
    private static boolean unavailable(KillProbe.Answer answer) {
        return answer.status() == 503 && answer.json() != null
                && "ModelArts.6101".equals(answer.json().path("error_code").asText())
                && answer.response().headers().firstValue("Retry-After").isPresent();
    }
}
