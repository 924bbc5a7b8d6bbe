package dev.modelarts.local.hot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.RawHttp;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestServer;

/**
 * A GET as java.net.http sends it on {@code http://} (an HTTP/2 upgrade offer, declined at the
 * edge, and, before JDK 19, {@code Content-Length: 0}: JDK-8283544), which is what Java clients
 * generated on it send, is a hot read like any other; {@link HotReadsEquivalenceIT} holds its
 * answers to Jersey's.
 */
class JavaHttpClientReadsIT {

    private static final AtomicInteger JERSEY = new AtomicInteger();

    /** Counts the requests Jersey sees. */
    @PreMatching
    public static final class Seen implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            JERSEY.incrementAndGet();
        }
    }

    @RegisterExtension
    static final TestServer server = TestServer.withOptions().withProvider(new Seen());

    @Test
    void aGetFromJavasHttpClientIsAnsweredAtTheEdge() {
        String target = "/v1/" + TestServer.PROJECT_A + "/images/group?limit=1";
        int before = JERSEY.get();
        Answer raw = new RawHttp(server.port()).exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: " + TestServer.TOKEN + "\r\n" + HotReadsEquivalenceIT.JAVA_NET_HTTP
                + "Connection: close\r\n\r\n");
        ApiClient.Reply client = server.client().get(target); // java.net.http itself
        assertThat(raw.status()).isEqualTo(200);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body()).isEqualTo(raw.body());
        assertThat(JERSEY.get() - before).as("requests Jersey saw").isZero();
    }

    @Test
    void aGetWithABodyIsStillJerseys() {
        int before = JERSEY.get();
        Answer answer = new RawHttp(server.port()).exchange("GET /v1/" + TestServer.PROJECT_A
                + "/images/group?limit=1 HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TestServer.TOKEN
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(JERSEY.get() - before).as("requests Jersey saw").isEqualTo(1);
    }
}
