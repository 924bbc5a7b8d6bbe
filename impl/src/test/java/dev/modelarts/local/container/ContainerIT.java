package dev.modelarts.local.container;

import static dev.modelarts.local.testing.Podman.podman;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.Podman;
import dev.modelarts.local.testing.TestDatabase;

/**
 * The container image the build makes (profile "container"), run with podman as a user runs
 * it: size, user, answers, a volume that outlives the container, a graceful stop, a credentials
 * file mounted read-only, and two containers over one PostgreSQL. Skipped, saying why, where
 * podman is not installed (the image is then not built).
 */
class ContainerIT {

    private static final String IMAGE = System.getProperty("container.image", "modelarts-image-server:0.1.0-SNAPSHOT");
    /** The image's health check in exec form (JSON), as podman and compose take it. */
    static final String HEALTH_CMD = "[\"/opt/java/bin/java\", \"-cp\", \"@/app/jib-classpath-file\","
            + " \"dev.modelarts.local.server.HealthProbe\"]";
    /**
     * The same in shell form, exactly as docs/operating.md's GitHub Actions snippet writes it: Docker's CLI
     * and GitHub Actions always run {@code --health-cmd} through /bin/sh -c, and so does podman
     * for a command that is not JSON.
     */
    static final String HEALTH_CMD_SHELL = "/opt/java/bin/java -cp @/app/jib-classpath-file"
            + " dev.modelarts.local.server.HealthProbe";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();

    @BeforeAll
    static void podmanAndTheImage() {
        assumeTrue(Podman.installed(), "podman is not installed (apt-get install podman runc): the container"
                + " image was not built or loaded, and its tests do not run");
        assertThat(podman("image", "exists", IMAGE).exit()).as("the build loaded " + IMAGE + " into podman").isZero();
    }

    @AfterEach
    void removeWhatWasMade() {
        containers.forEach(c -> podman("rm", "--force", "--volumes", "--time", "0", c)); // with its anonymous /data
        volumes.forEach(v -> podman("volume", "rm", "--force", v));
    }

    private String name(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(name);
        return name;
    }

    /** Starts a container in the background; returns the milliseconds to its first answer of /health. */
    private long start(String name, int port, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--detach", "--name", name));
        args.addAll(options);
        args.add(IMAGE);
        long started = System.nanoTime();
        Podman.run(IMAGE, args).orFail();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        for (int i = 0; i < 600; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " did not answer; its log: " + podman("logs", name).output());
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (!token.isEmpty()) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> register(int port, String token, String project, String swrPath) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/" + project + "/images"))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"swr_path\":\"" + swrPath + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theImagePodmanHasIsTheOneThisBuildMade() throws IOException {
        // Jib's image, or the image the training run layered the class-data archive onto it
        Path trained = Path.of("target", "container-cds", "image.id");
        Path built = Files.exists(trained) ? trained : Path.of("target", "jib-image.id");
        assumeTrue(Files.exists(built), "no image id from Jib in this build");
        assertThat(podman("image", "inspect", "--format", "{{.Id}}", IMAGE).orFail().output())
                .as("package loads what it built").isEqualTo(Files.readString(built).trim().replace("sha256:", ""));
    }

    @Test
    void theGitHubActionsHealthCommandInShellFormTurnsTheContainerHealthy() throws Exception {
        int port = freePort();
        String name = name("modelarts-health");
        start(name, port, List.of("--publish", "127.0.0.1:" + port + ":8080", "--env", "MODELARTS_IN_MEMORY=true",
                "--health-cmd", HEALTH_CMD_SHELL, "--health-interval", "2s", "--health-retries", "30"));
        assertThat(podman("healthcheck", "run", name).exit()).as("the shell-form health check passes").isZero();
        assertThat(podman("inspect", "--format", "{{json .Config.Healthcheck.Test}}", name).orFail().output())
                .as("podman runs it through the image's shell").contains("CMD-SHELL");
    }

    @Test
    void theImageIsSmallRunsAsItsOwnUserAndAsksForAVolume() {
        long bytes = Long.parseLong(podman("image", "inspect", "--format", "{{.Size}}", IMAGE).orFail().output());
        assertThat(bytes).as("image size").isLessThanOrEqualTo(120_000_000L);
        assertThat(podman("image", "inspect", "--format", "{{.Config.User}}", IMAGE).orFail().output()).isEqualTo("65532:65532");
        assertThat(podman("image", "inspect", "--format", "{{json .Config.Volumes}}", IMAGE).orFail().output()).contains("/data");
        assertThat(podman("image", "inspect", "--format", "{{json .Config.ExposedPorts}}", IMAGE).orFail().output()).contains("8080");
    }

    /** The image's class-data archive (src/container/train.sh) is there, and the JVM maps it. */
    @Test
    void versionSaysTheJvmMapsTheImagesClassDataArchive() {
        assumeTrue(Files.exists(Path.of("target", "container-cds", "image.id")), "no training run in this build");
        assertThat(Podman.run(IMAGE, List.of("--rm", IMAGE, "--version")).orFail().output())
                .contains("class-data archive /opt/app/classes.jsa (mapped)");
    }

    @Test
    void servesFromAVolumeThatOutlivesTheContainerAndStopsGracefullyOnSigterm() throws Exception {
        String volume = "modelarts-test-" + UUID.randomUUID().toString().substring(0, 8);
        volumes.add(volume);
        int port = freePort();
        String first = name("modelarts-first");
        long startMs = start(first, port, List.of("--publish", "127.0.0.1:" + port + ":8080", "--volume", volume + ":/data",
                "--health-cmd", HEALTH_CMD));
        System.out.printf("container start to first answer: %d ms%n", startMs);
        assertThat(podman("healthcheck", "run", first).exit()).as("the health check passes").isZero();

        assertThat(get(port, "/v1/dev-project/images/group?limit=2", "dev-token").statusCode()).isEqualTo(200);
        assertThat(register(port, "dev-token", "dev-project", "swr.cn-north-4.myhuaweicloud.com/ci/kept:v1").statusCode())
                .isEqualTo(200);
        // the server process as the host's kernel sees it (the image has no ps for podman top)
        String pid = podman("inspect", "--format", "{{.State.Pid}}", first).orFail().output();
        assertThat(Files.readAllLines(Path.of("/proc", pid, "status")))
                .as("the server runs as uid 65532, not root").anyMatch(line -> line.matches("Uid:\\s+65532\\s.*"));
        assertThat(Files.readString(Path.of("/proc", pid, "comm")).strip()).isEqualTo("java");

        long stopping = System.nanoTime();
        podman("stop", "--time", "10", first).orFail();
        long stopMs = (System.nanoTime() - stopping) / 1_000_000;
        System.out.printf("container stop on SIGTERM: %d ms%n", stopMs);
        assertThat(stopMs).as("stopped by SIGTERM, not killed after the 10 s grace period").isLessThan(9_000);
        assertThat(podman("logs", first).output()).contains("Stopping (signal received)", "Stopped");

        String second = name("modelarts-second");
        start(second, port, List.of("--publish", "127.0.0.1:" + port + ":8080", "--volume", volume + ":/data"));
        assertThat(get(port, "/v1/dev-project/images/group?name=kept&name_fuzzy_match=false", "dev-token").body())
                .as("the registration survived the container").contains("\"total\":1");
    }

    @Test
    void aCredentialsFileMountedReadOnlyReplacesTheDevelopmentCredential(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(dir.resolve("credentials.yaml"), """
                tokens:
                  - token: ci-token
                    projects: [ci-project]
                    actions: ["modelarts:image:*"]
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        int port = freePort();
        start(name("modelarts-credentials"), port, List.of("--publish", "127.0.0.1:" + port + ":8080",
                "--volume", file + ":/etc/modelarts/credentials.yaml:ro",
                "--env", "MODELARTS_CREDENTIALS=/etc/modelarts/credentials.yaml"));
        assertThat(get(port, "/v1/ci-project/images/group", "ci-token").statusCode()).isEqualTo(200);
        assertThat(get(port, "/v1/dev-project/images/group", "dev-token").statusCode()).isEqualTo(401);
        // the operator's endpoints need the runtime's management and desktop (java.beans) modules
        assertThat(get(port, "/metrics", "").body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
        assertThat(get(port, "/version", "").body()).contains("\"version\":\"0.1.0");
        assertThat(get(port, "/docs", "").statusCode()).isEqualTo(200);
        assertThat(get(port, "/openapi.yaml", "").statusCode()).isEqualTo(200);
    }

    @Test
    void twoContainersOverOnePostgresqlSeeEachOthersWrites() throws Exception {
        var postgres = TestDatabase.embedded();
        String database = "containers_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
        int a = freePort();
        int b = freePort();
        // the host's network: the database listens on the host's loopback
        for (int port : List.of(a, b)) {
            start(name("modelarts-pg"), port, List.of("--network", "host", "--env", "MODELARTS_PORT=" + port,
                    "--env", "MODELARTS_HOST=127.0.0.1", "--env", "MODELARTS_DB_URL=" + url,
                    "--env", "MODELARTS_DB_USER=postgres"));
        }
        assertThat(register(a, "dev-token", "dev-project", "swr.cn-north-4.myhuaweicloud.com/ci/shared:v1").statusCode())
                .isEqualTo(200);
        assertThat(get(b, "/v1/dev-project/images/group?name=shared&name_fuzzy_match=false", "dev-token").body())
                .contains("\"total\":1");
        assertThat(register(b, "dev-token", "dev-project", "swr.cn-north-4.myhuaweicloud.com/ci/shared:v2").statusCode())
                .isEqualTo(200);
        assertThat(get(a, "/v1/dev-project/images/group?name=shared&name_fuzzy_match=false", "dev-token").body())
                .contains("\"version_count\":2");
    }
}
