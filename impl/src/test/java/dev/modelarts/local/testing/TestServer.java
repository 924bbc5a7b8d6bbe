package dev.modelarts.local.testing;

import java.nio.file.Path;

import dev.modelarts.local.config.ServerConfig;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.server.RunningServer;

/** The real server in this JVM, on a free port of the loopback, over an H2 file in {@code dataDir}. */
public final class TestServer implements AutoCloseable {

    private final RunningServer server;
    private final ApiClient client;

    private TestServer(RunningServer server) {
        this.server = server;
        this.client = new ApiClient(server.baseUri());
    }

    public static TestServer start(Path dataDir) {
        return new TestServer(RunningServer.start(ServerConfig.parse(
                "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString())));
    }

    public ApiClient client() {
        return client;
    }

    public RunningServer server() {
        return server;
    }

    /** The data layer of the running server, for seeding. */
    public ImageDao images() {
        return new ImageDao(server.database().jdbi());
    }

    @Override
    public void close() {
        server.close();
    }
}
