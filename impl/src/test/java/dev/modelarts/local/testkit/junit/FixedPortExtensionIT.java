package dev.modelarts.local.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.embedded.EmbeddedServer;

/**
 * A fixed port, as a CI job that points other tools at a known address needs it: through the
 * builder, or as the option this project's own tests pass to the embedded server (which used to collide with the extension's own
 * {@code --port 0}).
 */
class FixedPortExtensionIT {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int status(ModelArtsServerExtension server, int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health/live"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theBuildersPortAndTheOptionsPortAreBothTaken() throws Exception {
        int port = freePort();
        try (ModelArtsServerExtension server = ModelArtsServerExtension.builder().port(port).build()) {
            server.start();
            assertThat(server.port()).isEqualTo(port);
            assertThat(status(server, port)).isEqualTo(200);
        }
        int other = freePort();
        try (EmbeddedServer server = EmbeddedServer.builder()
                .options("--port", Integer.toString(other)).build()) {
            server.start();
            assertThat(server.port()).isEqualTo(other);
        }
        assertThatThrownBy(() -> ModelArtsServerExtension.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a port number");
    }
}
