package dev.modelarts.local.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.embedded.EmbeddedServer;
import dev.modelarts.local.testkit.junit.ClassScoped;

/**
 * The one way this project's tests start the server: {@link EmbeddedServer}, which the public JUnit
 * extension runs, with the test credentials of {@link #CREDENTIALS}, over a fresh database of the run's
 * kind ({@link TestDatabase}), checking every response Jersey sends against the spec (the hot
 * reads answered at the edge are held to Jersey's answers, so checked, by
 * {@code HotReadsEquivalenceIT}). One static field per test class:
 *
 * <pre>{@code @RegisterExtension static final TestServer server = TestServer.create();}</pre>
 *
 * Stopping fails the class if any response broke the spec.
 */
public final class TestServer extends ClassScoped {

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
    /** Any project, every action: the test-control API's too. */
    public static final String ADMIN_TOKEN = "admin-token";
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
              - token: %s
                projects: ["*"]
                actions: ["*"]
            access_keys:
              - ak: %s
                sk: %s
                projects: ["*"]
                actions: ["modelarts:image:*"]
              - ak: %s
                sk: %s
                projects: [%s]
                actions: ["modelarts:image:*"]
            regions:
              project-b: ap-southeast-1
            """.formatted(TOKEN, TOKEN_A, PROJECT_A, READER_TOKEN, PROJECT_A, ADMIN_TOKEN, AK, SK, AK_A, SK_A, PROJECT_A);

    private final Supplier<DatabaseSettings> database;
    private final String[] options;
    private final List<Object> providers = new ArrayList<>();
    private boolean hotReads = true;
    private EmbeddedServer server;
    private ResponseSpecCheck check;
    private ApiClient client;

    private TestServer(Supplier<DatabaseSettings> database, String... options) {
        this.database = database;
        this.options = options;
    }

    /** A server over a fresh database of the run's kind: a temporary H2 file, or PostgreSQL. */
    public static TestServer create() {
        return new TestServer(TestDatabase::freshOrEmbedded);
    }

    /** A server over a fresh database, started with these command-line options. */
    public static TestServer withOptions(String... options) {
        return new TestServer(TestDatabase::freshOrEmbedded, options);
    }

    /** A server over the database {@code database} names when the server starts (others may share it). */
    public static TestServer on(Supplier<DatabaseSettings> database) {
        return new TestServer(database);
    }

    /** Registers a JAX-RS provider (a filter standing in for a bug, say) beside the server's own. */
    public TestServer withProvider(Object provider) {
        providers.add(provider);
        return this;
    }

    /** Every request through Jersey: without the edge's shortcuts ({@code hot.HotReads}, {@code hot.HotWrites}). */
    public TestServer withoutHotReads() {
        hotReads = false;
        return this;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        check = new ResponseSpecCheck();
        EmbeddedServer.Builder builder = EmbeddedServer.builder()
                .credentials(CREDENTIALS)
                .provider(check)
                .options(options);
        providers.forEach(builder::provider);
        if (!hotReads) {
            builder.withoutHotReads();
        }
        DatabaseSettings settings = database.get();
        if (settings != null) {
            builder.database(settings.jdbcUrl(), settings.user(), settings.password());
        }
        EmbeddedServer started = builder.build();
        started.start();
        server = started;
        client = ApiClient.withToken(started.baseUri(), TOKEN);
    }

    /**
     * Stops the server, then fails if any response it sent broke the spec (every response Jersey
     * sends is checked inside the server by {@link ResponseSpecCheck}).
     */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        if (!check.problems().isEmpty()) {
            throw new AssertionError("responses that break the spec:\n" + String.join("\n", check.problems()));
        }
    }

    /** A client that sends {@link #TOKEN}, good for any project. */
    public ApiClient client() {
        return client;
    }

    public java.net.URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public DataLayer data() {
        return server.data();
    }

    /** The data layer's images, for seeding. */
    public ImageDao images() {
        return server.data().images();
    }

    /** How many responses the server checked against the spec. */
    public int responsesChecked() {
        return check.checked();
    }
}
