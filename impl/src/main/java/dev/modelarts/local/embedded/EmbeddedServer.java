package dev.modelarts.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.modelarts.local.config.ServerSettings;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.server.RunningServer;
import dev.modelarts.local.testkit.TestControls;

/**
 * This server started in the current JVM, the way {@code bin/modelarts-image-server} starts it:
 * real HTTP on a free port of the loopback, over a throw-away H2 file (or the database named),
 * with the development credential (or the credentials given). What the public JUnit extension
 * ({@code dev.modelarts.local.testkit.junit.EmbeddedServer}) runs, and what this
 * project's own tests start with settings users do not get: raw options, extra JAX-RS providers
 * and the data layer. Not a supported API.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final LaunchSettings settings;
    private Path dataDir;
    private boolean ownDataDir;
    private RunningServer server;

    private EmbeddedServer(LaunchSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the server starts with; everything optional. */
    public static final class Builder {
        private final LaunchSettings launch = new LaunchSettings();

        private Builder() {
        }

        /** Everything in memory, nothing on disk ({@code --in-memory}): the fastest start, for CI. */
        public Builder inMemory() {
            launch.settings.inMemory(true);
            return this;
        }

        /** Images registered at start, from a JSON or YAML file as {@code POST /_modelarts/seed} takes them. */
        public Builder seed(Path file) {
            launch.settings.seed(file);
            return this;
        }

        /** A PostgreSQL database instead of the throw-away H2 file. */
        public Builder postgres(String jdbcUrl, String databaseUser, String databasePassword) {
            return database(jdbcUrl, databaseUser, databasePassword);
        }

        /** The port to listen on; 0 (the default) picks a free one, which {@link #port()} then names. */
        public Builder port(int fixed) {
            if (fixed < 0 || fixed > 65535) {
                throw new IllegalArgumentException(fixed + " is not a port number (0 to 65535)");
            }
            launch.settings.port(fixed);
            return this;
        }

        /**
         * Command-line options as the launcher takes them, such as {@code --no-control-api}, for
         * what the typed methods do not set; one given here wins over a typed setting. Only the
         * options given count: no environment variable is read.
         */
        public Builder options(String... more) {
            launch.options.addAll(List.of(more));
            return this;
        }

        /** The credentials, as the YAML of a {@code --credentials} file. */
        public Builder credentials(String yaml) {
            launch.files.put("credentials", Map.entry(yaml, ServerSettings.Builder::credentials));
            return this;
        }

        /** A {@code --credentials} file; {@link #credentials(String)} wins over it. */
        public Builder credentialsFile(Path file) {
            launch.settings.credentials(file);
            return this;
        }

        /** Another database than a throw-away H2 file: a JDBC URL (H2 or PostgreSQL). */
        public Builder database(String url, String databaseUser, String databasePassword) {
            launch.settings.databaseUrl(url).databaseUser(databaseUser)
                    .databasePassword(databasePassword == null ? "" : databasePassword);
            return this;
        }

        /** The data directory to use (and keep); a temporary one by default. */
        public Builder dataDir(Path dir) {
            launch.dataDir = dir;
            return this;
        }

        /** Fault rules from the start, as the YAML or JSON of a {@code --faults} file. */
        public Builder faults(String yaml) {
            launch.files.put("faults", Map.entry(yaml, ServerSettings.Builder::faults));
            return this;
        }

        /** Status-transition rules from the start, as the YAML or JSON of a {@code --transitions} file. */
        public Builder transitions(String yaml) {
            launch.files.put("transitions", Map.entry(yaml, ServerSettings.Builder::transitions));
            return this;
        }

        /**
         * The server's clock starts at {@code instant} (ISO-8601, {@code 2026-01-01T00:00:00Z}) and
         * runs on, or with {@code fixed} stands still until moved.
         */
        public Builder clock(String instant, boolean fixed) {
            launch.settings.clock(instant).clockFixed(fixed);
            return this;
        }

        /** Ids from a generator seeded with {@code seed}: the same requests, the same ids. */
        public Builder deterministic(long seed) {
            launch.settings.deterministic(seed);
            return this;
        }

        /**
         * Without the edge's shortcuts (the hot reads, and the registrations, {@code hot.HotWrites}):
         * every request through Jersey (the tests that hold both paths to the same answers run one
         * server of each).
         */
        public Builder withoutHotReads() {
            launch.settings.hotReads(false);
            return this;
        }

        /**
         * A JAX-RS provider (a filter, say) registered beside the server's own. It sees every
         * request Jersey answers; the edge's shortcuts answer some reads and registrations past it
         * ({@link #withoutHotReads()}).
         */
        public Builder provider(Object provider) {
            launch.providers.add(provider);
            return this;
        }

        public EmbeddedServer build() {
            return new EmbeddedServer(launch);
        }
    }

    /** Starts the server; does nothing when it runs already. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            ownDataDir = settings.dataDir == null;
            dataDir = ownDataDir ? Files.createTempDirectory("modelarts-test") : settings.dataDir;
            server = RunningServer.start(settings.settings(dataDir), settings.providers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test controls, reached in-process: whatever credentials the server takes. */
    public TestControls controls() {
        return running().controls();
    }

    /** Stops the server and deletes its temporary data directory. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } finally {
            server = null;
            if (ownDataDir) {
                deleteQuietly(dataDir);
            }
        }
    }

    /** {@code http://127.0.0.1:PORT/} */
    public URI baseUri() {
        return running().baseUri();
    }

    public int port() {
        return running().port();
    }

    /** The data layer, to seed or inspect what the server holds. */
    public DataLayer data() {
        return running().data();
    }

    private RunningServer running() {
        if (server == null) {
            throw new IllegalStateException("the server is not running: register the extension, or call start()");
        }
        return server;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test run for
        }
    }
}
