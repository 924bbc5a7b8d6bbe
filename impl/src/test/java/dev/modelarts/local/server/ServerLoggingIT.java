package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.JarRun;
import dev.modelarts.local.testing.ServerProcess;

/**
 * The packaged server's logging, set up in code ({@link ServerLogging}): the access lines follow
 * {@code MODELARTS_ACCESS_LOG_LEVEL}, and an operator's own logback file replaces the set-up.
 */
class ServerLoggingIT {

    @Test
    void theAccessLinesAreOnByDefaultAndTheEnvironmentCanSilenceThem() throws Exception {
        List<String> defaults = linesOfOneListing(Map.of());
        assertThat(defaults).anyMatch(line -> line.contains(" INFO  access: GET /v1/dev-project/images/group?limit=1 200 "));

        List<String> silenced = linesOfOneListing(Map.of("MODELARTS_ACCESS_LOG_LEVEL", "WARN"));
        assertThat(silenced).anyMatch(line -> line.contains(" INFO  RunningServer: ModelArts image server listening on "));
        assertThat(silenced).anyMatch(line -> line.contains(" INFO  RunningServer: Stopped"));
        assertThat(silenced).noneMatch(line -> line.contains(" access: "));
    }

    @Test
    void anOperatorsLogbackFileReplacesTheServersSetUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logback.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>OPERATOR %logger{0} %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        List<String> lines = linesOfOneListing(Map.of("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + file));

        assertThat(lines).anyMatch(line -> line.startsWith("OPERATOR RunningServer ModelArts image server listening on "));
        assertThat(lines).anyMatch(line -> line.startsWith("OPERATOR access GET /v1/dev-project/images/group?limit=1 200 "));
    }

    /** Everything the packaged server printed while it started, answered one listing and stopped. */
    private static List<String> linesOfOneListing(Map<String, String> environment) throws Exception {
        try (ServerProcess server = ServerProcess.start(JarRun.command(environment, "--in-memory", "--port", "0"))) {
            HttpResponse<String> listing = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.base().resolve("v1/dev-project/images/group?limit=1"))
                            .header("X-Auth-Token", "dev-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listing.statusCode()).isEqualTo(200);
            server.stop();
            return server.output();
        }
    }
}
