package dev.modelarts.local.server;

import static dev.modelarts.local.testing.PackagedJar.command;
import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.Database;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ServerProcess;

/** The runnable jar, started from the command line as a user would. */
class PackagedServerIT {

    private static final long BUILT_IN_GROUPS = BuiltInCatalog.load().groupCount();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    /** A started server process, with a client holding the development credential. */
    private record Server(ServerProcess process, ApiClient api) {

        List<String> output() {
            return process.output();
        }
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Server start(ProcessBuilder builder) {
        ServerProcess process = ServerProcess.start(builder);
        started.add(process.process());
        return new Server(process, ApiClient.withToken(process.base(), Credentials.DEV_TOKEN));
    }

    /** SIGTERM; all it printed has been read; the exit status. */
    private static int stop(Server server) {
        return server.process().stop();
    }

    @Test
    void startsFromTheCommandLineAnswersAndStopsGracefullyOnSigterm() throws Exception {
        Server server = start(command("--port", "0", "--data-dir", dir.resolve("data").toString()));

        Reply groups = server.api().get("/v1/dev-project/images/group?limit=5");
        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.json().get("total").asLong()).isEqualTo(BUILT_IN_GROUPS);
        assertThat(server.api().get("/health").json().get("status").asText()).isEqualTo("UP");

        int exit = stop(server);
        assertThat(exit).isEqualTo(143); // the JVM's exit status after SIGTERM, hooks run
        assertThat(server.output()).anyMatch(line -> line.contains("Stopping (signal received)"))
                .anyMatch(line -> line.endsWith("Stopped"));
        assertThat(server.output()).anyMatch(line -> line.contains("GET /v1/dev-project/images/group?limit=5 200")
                && line.contains("rid="));
        assertThat(dir.resolve("data").resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db")).exists();
    }

    /**
     * The port opens, and the group listing is answered, before the start has ended (Jersey is
     * built meanwhile): a client that stops the server as soon as it has its answer may send
     * SIGTERM then. The stop is still graceful (before, the shutdown hook was registered only
     * after the start and was refused: "Shutdown in progress", the database not closed).
     */
    @Test
    void aSigtermAsSoonAsTheFirstAnswerCameStillStopsGracefully() throws Exception {
        // a database made by an earlier start: this start's schema is then ready at once, while
        // Jersey is still being built, so the listing answers well before the start has ended
        Path data = dir.resolve("data");
        stop(start(command("--port", "0", "--data-dir", data.toString())));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerProcess process = ServerProcess.launch(command("--port", String.valueOf(port), "--data-dir",
                data.toString()));
        started.add(process.process());
        URI listing = URI.create("http://127.0.0.1:" + port + "/v1/dev-project/images/group?limit=1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!answers(listing)) {
            assertThat(process.process().isAlive()).as("started; it printed: %s", process.output()).isTrue();
            assertThat(System.nanoTime()).as("answered within 60 s").isLessThan(deadline);
            Thread.sleep(5);
        }

        int exit = process.stop();
        boolean early = process.output().stream().takeWhile(line -> !line.contains("listening on"))
                .anyMatch(line -> line.contains("signal received while starting"));
        System.out.println("PackagedServerIT: the signal came " + (early ? "during" : "after") + " the start");
        assertThat(exit).as("printed: %s", process.output()).isEqualTo(143);
        assertThat(process.output()).noneMatch(line -> line.contains("Shutdown in progress"))
                .noneMatch(line -> line.startsWith("Exception in thread"))
                .anyMatch(line -> line.contains("Stopping (signal received)"))
                .anyMatch(line -> line.endsWith("Stopped"));
    }

    /**
     * Whether the listing answers 200 yet, asked over a plain HttpURLConnection: cheap to ask
     * again every few milliseconds while the port is still closed.
     */
    private static boolean answers(URI listing) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) listing.toURL().openConnection();
        connection.setRequestProperty("X-Auth-Token", Credentials.DEV_TOKEN);
        connection.setRequestProperty("Accept", "application/json"); // its default would leave the read to Jersey
        try {
            return connection.getResponseCode() == 200;
        } catch (ConnectException refused) {
            return false; // not listening yet
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void keepsItsDataAcrossARestartAndLoadsTheCatalogOnlyOnce() throws Exception {
        Path data = dir.resolve("data");
        stop(start(command("--port", "0", "--data-dir", data.toString())));

        // while the server is down, write a project's image into its H2 file
        try (Database database = Database.open(DatabaseSettings.embeddedH2(data, "sa", ""));
                DataLayer layer = DataLayer.over(database)) {
            layer.images().insert(
                    dedicated("dev-project", "0", "team", "kept-image", "v1", 1_700_000_000_000L), GroupDetails.NONE);
        }

        Server again = start(command("--port", "0", "--data-dir", data.toString()));
        Reply all = again.api().get("/v1/dev-project/images/group?limit=1000");
        assertThat(all.json().get("total").asLong()).isEqualTo(BUILT_IN_GROUPS + 1);
        int versions = 0;
        for (var group : all.json().get("data")) {
            versions += group.get("version_count").asInt();
        }
        assertThat(versions).isEqualTo(BuiltInCatalog.load().entries().size() + 1);
        assertThat(again.output()).anyMatch(line -> line.contains("(0 new)"));
        stop(again);
    }

    @Test
    void takesItsSettingsFromEnvironmentVariables() throws Exception {
        ProcessBuilder builder = command();
        builder.environment().putAll(Map.of(
                "MODELARTS_PORT", "0",
                "MODELARTS_HOST", "127.0.0.1",
                "MODELARTS_DATA_DIR", dir.resolve("env-data").toString()));
        Server server = start(builder);
        assertThat(server.api().get("/health").status()).isEqualTo(200);
        assertThat(dir.resolve("env-data").resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db")).exists();
        stop(server);
    }

    @Test
    void helpListsTheOptionsAndABadOptionIsAUsageError() throws Exception {
        Process help = command("--help").start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(text).contains("--host", "--port", "--data-dir", "--db-url", "--db-user", "--db-password",
                "MODELARTS_PORT");

        Process bad = command("--port", "eighty").start();
        String error = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(error).contains("--port");
    }

    @Test
    void aMalformedCredentialsFileStopsTheServerNamingTheLine() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.yaml"),
                "tokens:\n  - token: ok\n    projects: [p]\n    actions: [\"modelarts:image:*\"]\n"
                        + "access_keys:\n  - ak: AK1\n    projects: [p]\n    actions: [\"modelarts:image:*\"]\n");
        Process bad = command("--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--credentials", credentials.toString()).start();
        String text = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(1);
        assertThat(text).contains("Invalid credentials file " + credentials + ", line 6").contains("'sk'");
    }

    @Test
    void inMemoryWithASeedFileStartsSeededAndWritesNothingToDisk() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.yaml"), """
                images:
                  - project_id: dev-project
                    swr_path: swr.cn-north-4.myhuaweicloud.com/team/seeded:v1
                    description: from the seed file
                """);
        Path unused = dir.resolve("never-created");
        Server server = start(command("--port", "0", "--in-memory", "--seed", seed.toString(),
                "--data-dir", unused.toString()));
        Reply seeded = server.api().get("/v1/dev-project/images/group?name=seeded&name_fuzzy_match=false");
        assertThat(seeded.json().get("total").asLong()).isEqualTo(1);
        assertThat(server.api().get("/v1/dev-project/images/group?type=BUILD_IN").json().get("total").asLong())
                .isEqualTo(BUILT_IN_GROUPS);
        stop(server);
        assertThat(unused).doesNotExist();
    }

    @Test
    void aBadSeedFileStopsTheServerNamingTheEntry() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"),
                "{\"images\": [{\"project_id\": \"p\", \"swr_path\": \"swr.example.com/team/ok:v1\"},"
                        + " {\"project_id\": \"p\", \"swr_path\": \"no tag\"}]}");
        Process bad = command("--port", "0", "--in-memory", "--seed", seed.toString()).start();
        String text = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(1);
        assertThat(text).contains("Invalid seed file " + seed).contains("images[1].swr_path");
    }

    @Test
    void aCredentialsFileReplacesTheDevelopmentCredential() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.yaml"),
                "tokens:\n  - token: ops-token\n    projects: [ops]\n    actions: [\"modelarts:image:*\"]\n");
        Server server = start(command("--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--credentials", credentials.toString()));
        ApiClient ops = ApiClient.withToken(server.api().base(), "ops-token");
        assertThat(ops.get("/v1/ops/images/group").status()).isEqualTo(200);
        assertThat(server.api().get("/v1/dev-project/images/group").status()).isEqualTo(401);
        assertThat(server.output()).noneMatch(line -> line.contains("development credential"));
        stop(server);
    }

    @Test
    void theDevelopmentCredentialIsAnnouncedAndLoudOffTheLoopback() throws Exception {
        Server local = start(command("--port", "0", "--data-dir", dir.resolve("a").toString()));
        assertThat(local.output()).anyMatch(line -> line.contains("development credential"))
                .noneMatch(line -> line.contains("WARN"));
        stop(local);

        Process wide = command("--host", "0.0.0.0", "--port", "0", "--data-dir", dir.resolve("b").toString()).start();
        started.add(wide);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(wide.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (line.contains("listening on")) {
                    break;
                }
            }
        }
        assertThat(lines).anyMatch(line -> line.contains("WARN") && line.contains("0.0.0.0")
                && line.contains("development credential"));
        wide.toHandle().destroy();
        assertThat(wide.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPortInUseStopsTheServerWithAMessage() throws Exception {
        Server first = start(command("--port", "0", "--data-dir", dir.resolve("a").toString()));
        int port = first.process().port();
        Process second = command("--port", String.valueOf(port), "--data-dir", dir.resolve("b").toString()).start();
        String text = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(text).contains("Cannot start: port " + port, "already in use", "--port");
        assertThat(text).as("one line, no stack trace").doesNotContain("\tat ", "Exception");
        assertThat(dir.resolve("b")).as("refused before the database is touched").doesNotExist();
        stop(first);
    }
}
