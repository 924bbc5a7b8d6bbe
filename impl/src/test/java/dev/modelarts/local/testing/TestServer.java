package dev.modelarts.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.config.ServerConfig;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.server.RunningServer;

/**
 * The real server in this JVM, on a free port of the loopback, over an H2 file in
 * {@code dataDir}, with the test credentials of {@link #CREDENTIALS}, checking every response it
 * sends against the spec.
 */
public final class TestServer implements AutoCloseable {

    /** Any project, every action. */
    public static final String TOKEN = "test-token";
    public static final String AK = "TESTACCESSKEY0000000";
    public static final String SK = "test-secret-key";
    /** Bound to project {@value #PROJECT_A} only, every action. */
    public static final String TOKEN_A = "project-a-token";
    public static final String AK_A = "PROJECTAKEY000000000";
    public static final String SK_A = "project-a-secret";
    /** Bound to project {@value #PROJECT_A}, may only read. */
    public static final String READER_TOKEN = "reader-token";
    public static final String PROJECT_A = "project-a";

    public static final String CREDENTIALS = """
            tokens:
              - token: %s
                projects: ["*"]
                actions: ["modelarts:image:*"]
              - token: %s
                projects: [%s]
                actions: ["modelarts:image:*"]
              - token: %s
                projects: [%s]
                actions: ["modelarts:image:list", "modelarts:image:listGroup", "modelarts:image:get"]
            access_keys:
              - ak: %s
                sk: %s
                projects: ["*"]
                actions: ["modelarts:image:*"]
              - ak: %s
                sk: %s
                projects: [%s]
                actions: ["modelarts:image:*"]
            """.formatted(TOKEN, TOKEN_A, PROJECT_A, READER_TOKEN, PROJECT_A, AK, SK, AK_A, SK_A, PROJECT_A);

    private final RunningServer server;
    private final ApiClient client;
    private final ResponseSpecCheck check;

    private TestServer(RunningServer server, ResponseSpecCheck check) {
        this.server = server;
        this.check = check;
        this.client = ApiClient.withToken(server.baseUri(), TOKEN);
    }

    /** A server over a fresh database of the kind the run is for (see {@link TestDatabase}). */
    public static TestServer start(Path dataDir) {
        return start(dataDir, TestDatabase.fresh(dataDir));
    }

    /** A server over the given database, which other servers may share. */
    public static TestServer start(Path dataDir, DatabaseSettings database) {
        Path credentials = dataDir.resolve("credentials.yaml");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(credentials, CREDENTIALS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResponseSpecCheck check = new ResponseSpecCheck();
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0",
                "--credentials", credentials.toString()));
        args.addAll(List.of(TestDatabase.serverOptions(database, dataDir)));
        return new TestServer(RunningServer.start(ServerConfig.parse(args.toArray(String[]::new)), List.of(check)),
                check);
    }

    /** A client that sends {@link #TOKEN}, good for any project. */
    public ApiClient client() {
        return client;
    }

    public RunningServer server() {
        return server;
    }

    /** The data layer of the running server, for seeding. */
    public ImageDao images() {
        return server.data().images();
    }

    /**
     * Stops the server, then fails if any response it sent broke the spec (every response is
     * checked inside the server by {@link ResponseSpecCheck}).
     */
    @Override
    public void close() {
        server.close();
        if (!check.problems().isEmpty()) {
            throw new AssertionError("responses that break the spec:\n" + String.join("\n", check.problems()));
        }
    }

    /** How many responses the server checked against the spec. */
    public int responsesChecked() {
        return check.checked();
    }
}
