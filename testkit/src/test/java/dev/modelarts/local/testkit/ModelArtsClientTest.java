package dev.modelarts.local.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The client against the JDK's own HTTP server: the paths, the token and the body it sends. */
class ModelArtsClientTest {

    @Test
    void sendsTheTokenAndTheBodyToTheEndpointsPath() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Auth-Token") + " " + body);
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Request-Id", "rid-1");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            ModelArtsClient client = new ModelArtsClient(
                    java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()), TestCredential.DEVELOPMENT);
            ModelArtsClient.Reply reply = client.post(client.projectPath("/images"), "{\"a\":1}");
            client.get("/_modelarts/requests?operation=ShowImage");
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body()).isEqualTo("{\"ok\":true}");
            assertThat(reply.requestId()).isEqualTo("rid-1");
            assertThat(seen).containsExactly(
                    "POST /v1/dev-project/images dev-token {\"a\":1}",
                    "GET /_modelarts/requests?operation=ShowImage dev-token ");
        } finally {
            server.stop(0);
        }
    }
}
