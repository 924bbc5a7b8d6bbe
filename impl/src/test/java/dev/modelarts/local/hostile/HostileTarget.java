package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.RawHttp;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The server the hostile tests attack: the real server on H2 or PostgreSQL (as the run says),
 * with DEDICATED images seeded in {@link Attacks#PROJECT}, and a snapshot of everything the
 * attacked projects can see, to compare before and after.
 */
final class HostileTarget implements AutoCloseable {

    final TestServer server;
    final RawHttp raw;
    final Attacks attacks;
    final Answers answers = new Answers();
    private final LogCapture log = new LogCapture();

    private HostileTarget(TestServer server, Attacks attacks) {
        this.server = server;
        this.raw = new RawHttp(server.port());
        this.attacks = attacks;
    }

    static HostileTarget start() {
        TestServer server = TestServer.create();
        server.start(); // one server for all of a class's examples, started in its @BeforeAll
        ApiClient api = server.client();
        String imageId = null;
        for (String path : List.of("app:v1", "app:v2", "other:v1")) {
            JsonNode image = api.json("POST", "/v1/" + Attacks.PROJECT + "/images",
                    "{\"swr_path\":\"swr.example.com/" + Attacks.PROJECT + "/" + path + "\",\"description\":\"seed\"}").json();
            imageId = imageId == null ? image.get("id").asText() : imageId;
        }
        JsonNode groups = api.get("/v1/" + Attacks.PROJECT + "/images/group?type=DEDICATED&name=app&name_fuzzy_match=false").json();
        return new HostileTarget(server, new Attacks(imageId, groups.get("data").get(0).get("id").asText()));
    }

    /** Every image and group the attacked projects see, as the API answers them. */
    String snapshot() {
        ApiClient api = server.client();
        StringBuilder all = new StringBuilder();
        for (String project : List.of(Attacks.PROJECT, TestServer.PROJECT_A)) {
            all.append(api.get("/v1/" + project + "/images?limit=1000").body()).append('\n');
            all.append(api.get("/v1/" + project + "/images/group?limit=1000").body()).append('\n');
        }
        return all.toString();
    }

    /** Writes the counts to target/ and returns them. */
    String report(String name) {
        String text = "database: " + (TestDatabase.isPostgres() ? "postgres" : "h2") + "\n" + answers.report();
        try {
            Files.writeString(Path.of("target", name + "-" + (TestDatabase.isPostgres() ? "postgres" : "h2") + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /** Stops the server; fails if anything was logged at WARN or above (no request was the server's fault). */
    @Override
    public void close() {
        log.close(); // before the stop, which Grizzly announces at WARN
        server.close();
        List<ILoggingEvent> problems = log.atLeast(Level.WARN);
        assertThat(problems).as("warnings and errors logged under attack:\n%s", LogCapture.describe(problems)).isEmpty();
    }
}
