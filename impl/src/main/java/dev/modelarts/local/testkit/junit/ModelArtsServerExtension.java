package dev.modelarts.local.testkit.junit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

import dev.modelarts.local.embedded.EmbeddedServer;
import dev.modelarts.local.testkit.LocalModelArts;
import dev.modelarts.local.testkit.ModelArtsClient;
import dev.modelarts.local.testkit.TestControls;
import dev.modelarts.local.testkit.TestCredential;

/**
 * Starts this server in the test's JVM for a JUnit 5 test class, the way
 * {@code bin/modelarts-image-server} starts it: real HTTP on a free port of the loopback, over a
 * throw-away H2 file (or the database named), with the development credential (or the
 * credentials file given). One static field per class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder().inMemory().build();
 *
 * @Test
 * void listsTheBuiltInCatalog() {
 *     assertEquals(200, modelArts.client().get(modelArts.client().projectPath("images/group")).status());
 * }
 * }</pre>
 *
 * The server starts before the class's first test and stops after its last; its temporary data
 * directory is then deleted. {@link #start()} and {@link #close()} do the same outside JUnit's
 * life cycle. The test controls ({@link #reset()}, {@link #verify(String)}, ...) are reached
 * in-process, whatever credentials the server takes. JUnit Jupiter's API is an optional
 * dependency of this jar: bring your own.
 */
public final class ModelArtsServerExtension extends ClassScoped implements LocalModelArts {

    private final EmbeddedServer server;
    private final TestCredential credential;
    private volatile ModelArtsClient client;

    private ModelArtsServerExtension(EmbeddedServer server, TestCredential credential) {
        this.server = server;
        this.credential = credential;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the server starts with; everything optional. */
    public static final class Builder {
        private final EmbeddedServer.Builder server = EmbeddedServer.builder();
        private TestCredential credential = TestCredential.DEVELOPMENT;

        private Builder() {
        }

        /** Everything in memory, nothing on disk ({@code --in-memory}): the fastest start, for CI. */
        public Builder inMemory() {
            server.inMemory();
            return this;
        }

        /** Images registered at start, from a JSON or YAML file as {@code POST /_modelarts/seed} takes them. */
        public Builder seed(Path file) {
            server.seed(file);
            return this;
        }

        /**
         * The credentials the server accepts, a {@code --credentials} file; {@code use} is the one
         * of them the kit's clients send.
         */
        public Builder credentials(Path file, TestCredential use) {
            server.credentialsFile(file);
            credential = Objects.requireNonNull(use, "use");
            return this;
        }

        /** A PostgreSQL database (shared with other instances, say) instead of the throw-away H2 file. */
        public Builder postgres(String jdbcUrl, String databaseUser, String databasePassword) {
            server.postgres(jdbcUrl, databaseUser, databasePassword);
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            server.port(port);
            return this;
        }

        /** The data directory to use (and keep); a temporary one, deleted at the end, by default. */
        public Builder dataDir(Path dir) {
            server.dataDir(dir);
            return this;
        }

        /** Fault rules from the start, as the YAML or JSON of a {@code --faults} file. */
        public Builder faults(String yaml) {
            server.faults(yaml);
            return this;
        }

        /** Status-transition rules from the start, as the YAML or JSON of a {@code --transitions} file. */
        public Builder transitions(String yaml) {
            server.transitions(yaml);
            return this;
        }

        /** The server's clock starts at {@code start} and runs on, or with {@code fixed} stands still until moved. */
        public Builder clock(Instant start, boolean fixed) {
            server.clock(start.toString(), fixed);
            return this;
        }

        /** Ids from a generator seeded with {@code seed}: the same requests, the same ids. */
        public Builder deterministic(long seed) {
            server.deterministic(seed);
            return this;
        }

        public ModelArtsServerExtension build() {
            return new ModelArtsServerExtension(server.build(), credential);
        }
    }

    /** Starts the server; the same as JUnit's start of the class. */
    @Override
    public void start() {
        server.start();
    }

    /** Stops the server and deletes its temporary data directory. */
    @Override
    public void close() {
        server.close();
        client = null;
    }

    /** {@code http://127.0.0.1:PORT/} */
    @Override
    public URI endpoint() {
        return server.baseUri();
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public TestCredential credential() {
        return credential;
    }

    @Override
    public ModelArtsClient client() {
        ModelArtsClient current = client;
        if (current == null || !current.endpoint().equals(endpoint())) {
            current = new ModelArtsClient(endpoint(), credential);
            client = current;
        }
        return current;
    }

    @Override
    public TestControls controls() {
        return server.controls();
    }
}
