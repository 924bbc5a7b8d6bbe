package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Jersey built after the port opened: an early request waits for it rather than failing. */
class LateApplicationTest {

    @Path("/ping")
    public static final class Ping {
        @GET
        public String ping() {
            return "pong";
        }
    }

    @Test
    void aRequestSentWhileJerseyIsBuiltIsServedByJerseyOnceBuilt() throws Exception {
        CompletableFuture<GrizzlyHttpContainer> jersey = new CompletableFuture<>();
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                (GrizzlyHttpContainer) null, false, null, false);
        http.getServerConfiguration().addHttpHandler(new LateApplication(jersey), HttpHandlerRegistration.ROOT);
        http.start();
        try {
            int port = http.getListeners().iterator().next().getPort();
            CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // no clock in the assertion: the request has had time to arrive, and must not have
            // been answered without Jersey
            Thread.sleep(300);
            assertThat(answer).isNotDone();

            jersey.complete(ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    new ResourceConfig(Ping.class)));

            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("pong");
        } finally {
            http.shutdownNow();
        }
    }

    @Test
    void jerseysFailureToBuildIsTheStartsFailure() {
        CompletableFuture<GrizzlyHttpContainer> jersey = new CompletableFuture<>();
        LateApplication late = new LateApplication(jersey);
        late.start();
        jersey.completeExceptionally(new IllegalStateException("no resource model"));

        assertThatThrownBy(() -> late.started().join()).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("no resource model");
    }
}
