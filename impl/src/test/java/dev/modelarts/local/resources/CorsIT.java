package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;

/** Cross-origin access, opt-in: a browser console at an allowed origin may call; nobody else gains anything. */
class CorsIT {

    private static final String CONSOLE = "http://console.example";
    private static final String GROUPS = "/v1/" + TestServer.PROJECT_A + "/images/group";

    /** The console's origin as an operator may type it: upper case, the default port, a slash. */
    @RegisterExtension
    static final TestServer server = TestServer.withOptions("--cors-origin", "HTTP://Console.Example:80/,http://other.example");

    private static Reply preflight(TestServer target, String origin) {
        return new ApiClient(target.baseUri()).send("OPTIONS", GROUPS, null,
                Map.of("Origin", origin, "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Headers", "x-auth-token"));
    }

    @Test
    void anAllowedOriginsPreflightIsAnswered() {
        Reply reply = preflight(server, CONSOLE);
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("GET", "DELETE");
        assertThat(reply.header("Access-Control-Allow-Headers")).containsIgnoringCase("X-Auth-Token");
        assertThat(reply.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void answersToAnAllowedOriginAreReadableWithTheirRequestId() {
        ApiClient console = ApiClient.withToken(server.baseUri(), TestServer.TOKEN_A);
        Reply ok = console.get(GROUPS, Map.of("Origin", CONSOLE));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(ok.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
        Reply refused = new ApiClient(server.baseUri()).get(GROUPS, Map.of("Origin", CONSOLE));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).as("errors must be readable too").isEqualTo(CONSOLE);
        Reply refusedAtTheEdge = new ApiClient(server.baseUri()).get(GROUPS + "?name=%C0%AF" /* overlong UTF-8: refused by the edge */, Map.of("Origin", CONSOLE));
        assertThat(refusedAtTheEdge.status()).isEqualTo(400);
        assertThat(refusedAtTheEdge.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
    }

    @Test
    void anotherOriginGainsNothing() {
        Reply reply = preflight(server, "http://evil.example");
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        Reply get = ApiClient.withToken(server.baseUri(), TestServer.TOKEN_A).get(GROUPS, Map.of("Origin", "http://evil.example"));
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }

    @Nested
    class WhenNotConfigured {

        @RegisterExtension
        static final TestServer plain = TestServer.create();

        @Test
        void aPreflightIsTheOrdinary405AndNoHeaderIsAdded() {
            Reply reply = preflight(plain, CONSOLE);
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.json().get("error_code").asText()).matches("(ModelArts|APIG)\\.\\d{4}");
            assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        }
    }
}
