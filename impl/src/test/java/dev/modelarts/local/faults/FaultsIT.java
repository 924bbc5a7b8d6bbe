package dev.modelarts.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.TestServer;

/**
 * Fault rules over real HTTP: errors and throttling in the real shapes, broken connections that
 * fail a client within 2 s, a stall the client gives up on, bad rules refused naming the field;
 * and what a faulted request leaves: its journal entry, the metric, the access line.
 */
class FaultsIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private static final String LIST = "/v1/" + TestServer.PROJECT_A + "/images";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static ApiClient admin() {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    private static String add(String rule) {
        Reply added = admin().json("POST", "/_modelarts/faults", rule);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    @AfterEach
    void clear() {
        admin().delete("/_modelarts/faults");
        admin().delete("/_modelarts/requests");
    }

    private static ApiClient user() {
        return ApiClient.withToken(server.baseUri(), TestServer.TOKEN_A);
    }

    @Test
    void anErrorRuleAnswersTheGatewaysShapeAsManyTimesAsItSaysAndIsVisibleEverywhere() {
        String id = add("{\"operation\":\"ListImage\",\"action\":\"error\",\"status\":429,\"error_code\":\"APIG.0308\",\"times\":2}");
        List<Reply> replies = List.of(user().get(LIST), user().get(LIST), user().get(LIST));
        assertThat(replies).extracting(Reply::status).containsExactly(429, 429, 200);
        JsonNode error = replies.get(0).json();
        assertThat(error.get("error_code").asText()).isEqualTo("APIG.0308");
        assertThat(error.get("error_msg").asText()).startsWith("The throttling threshold has been reached: policy user over ratelimit");
        assertThat(error.get("request_id").asText()).isEqualTo(replies.get(0).header("X-Request-Id"));

        JsonNode rule = admin().get("/_modelarts/faults").json().get("rules").get(0);
        assertThat(rule.get("fired").asLong()).isEqualTo(2);
        assertThat(rule.get("spent").asBoolean()).isTrue();
        JsonNode journal = admin().get("/_modelarts/requests").json().get("requests");
        List<String> seen = new ArrayList<>();
        journal.forEach(entry -> {
            if (entry.get("path").asText().equals(LIST)) {
                seen.add(entry.get("status").asInt() + " " + entry.path("fault_id").asText("-") + " "
                        + entry.path("fault_action").asText("-"));
            }
        });
        assertThat(seen).containsExactly("429 " + id + " error", "429 " + id + " error", "200 - -");
        assertThat(admin().get("/metrics").body())
                .contains("modelarts_faults_injected_total{action=\"error\",operation=\"ListImage\"} 2.0");
    }

    @Test
    void aServiceErrorHasNoRequestIdInItsBodyAndTheRealMessage() {
        add("{\"operation\":\"ShowImage\",\"action\":\"error\",\"status\":503,\"error_code\":\"ModelArts.6101\",\"retry_after\":3}");
        Reply reply = user().get(LIST + "/some-id");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error_msg").asText()).isEqualTo("The system is busy now. Please try again later.");
        assertThat(reply.json().has("request_id")).isFalse();
        assertThat(reply.header("Retry-After")).isEqualTo("3");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aThrottleLetsTheLimitThroughPerWindowThenAnswers429WithTheGatewaysMessage() throws Exception {
        add("{\"operation\":\"ListImage\",\"action\":\"throttle\",\"limit\":5,\"period_s\":2,\"scope\":\"user\"}");
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(user().get(LIST).status()).isEqualTo(200);
        }
        Reply sixth = user().get(LIST);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("error_msg").asText())
                .isEqualTo("The throttling threshold has been reached: policy user over ratelimit,limit:5,time:2 second");
        assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 2);
        assertThat(server.client().get("/v1/" + TestServer.PROJECT_A + "/images").status())
                .as("another user has a window of its own").isEqualTo(200);
        Thread.sleep(2_100);
        assertThat(user().get(LIST).status()).as("after the window").isEqualTo(200);
    }

    /** A rule with no limit: the JDK's client tries an idempotent request twice on a broken connection. */
    @ParameterizedTest
    @ValueSource(strings = {"reset", "empty", "garbage", "truncate"})
    void aBrokenConnectionFailsTheClientWithAnIoErrorWithinTwoSeconds(String action) {
        String id = add("{\"operation\":\"ListImageGroup\",\"action\":\"" + action + "\"}");
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.send(request("/v1/" + TestServer.PROJECT_A + "/images/group", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        admin().delete("/_modelarts/faults/" + id);
        assertThat(user().get("/v1/" + TestServer.PROJECT_A + "/images/group").status()).as("removed").isEqualTo(200);
    }

    @Test
    void aStallIsGivenUpByTheClientAndTheServerLogsItWithoutAnError() throws Exception {
        add("{\"operation\":\"ListImageGroup\",\"action\":\"stall\",\"times\":1}");
        Logger faults = (Logger) LoggerFactory.getLogger("dev.modelarts.local.faults.FaultActions");
        faults.setLevel(Level.INFO); // the tests log at WARN
        try (LogCapture log = new LogCapture()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.send(request("/v1/" + TestServer.PROJECT_A + "/images/group", Duration.ofSeconds(1)),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1_900));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline && log.atLeast(Level.INFO).stream()
                    .noneMatch(e -> e.getFormattedMessage().contains("the client went away"))) {
                Thread.sleep(100);
            }
            assertThat(log.atLeast(Level.INFO)).anyMatch(e -> e.getFormattedMessage().contains("the client went away"));
            assertThat(log.atLeast(Level.WARN)).isEmpty();
        } finally {
            faults.setLevel(null);
        }
    }

    @Test
    void aDelayHoldsNoThread() throws Exception {
        add("{\"operation\":\"ListImage\",\"action\":\"delay\",\"delay_ms\":2000}");
        String groups = "/v1/" + TestServer.PROJECT_A + "/images/group";
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> delayed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            delayed.add(http.sendAsync(request(LIST, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300); // all of them parked
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            assertThat(http.send(request(groups, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        micros.sort(null);
        long p99 = micros.get(micros.size() * 99 / 100 - 1);
        assertThat(p99).as("ListImageGroup's p99 while 200 requests wait, in µs").isLessThan(50_000);
        for (var response : delayed) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
    }

    /** Two fresh servers, the same rule, the same 1,000 calls: the same calls fail. */
    @Test
    void theSameSeedGivesTheSameFailures() {
        TestServer other = TestServer.create();
        other.start();
        try {
            List<Integer> first = failures(server);
            List<Integer> second = failures(other);
            assertThat(first).hasSizeBetween(200, 400).isEqualTo(second);
        } finally {
            other.close();
        }
    }

    /** Which of 1,000 ListImage calls a rule of probability 0.3, seed 42, fails on {@code target}. */
    private static List<Integer> failures(TestServer target) {
        ApiClient admin = ApiClient.withToken(target.baseUri(), TestServer.ADMIN_TOKEN);
        assertThat(admin.json("POST", "/_modelarts/faults", "{\"operation\":\"ListImage\",\"action\":\"error\","
                + "\"status\":500,\"error_code\":\"ModelArts.0010\",\"probability\":0.3,\"seed\":42}").status())
                .isEqualTo(201);
        ApiClient user = ApiClient.withToken(target.baseUri(), TestServer.TOKEN_A);
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            if (user.get(LIST + "?limit=1").status() == 500) {
                failed.add(i);
            }
        }
        return failed;
    }

    @Test
    void aBadRuleIsA400NamingTheField() {
        Map<String, String> said = Map.of(
                "{\"operation\":\"ListImages\",\"action\":\"reset\"}", "'operation' 'ListImages' is not an operation of this server; the operations are DeleteImage, DeleteImageGroup, ListImage, ListImageGroup",
                "{\"action\":\"error\",\"status\":503}", "'error_code' is required for an error",
                "{\"action\":\"throttle\",\"limit\":5}", "'period_s' is required for a throttle",
                "{\"action\":\"delay\",\"delay_ms\":10,\"delay_ms_max\":5}", "'delay_ms_max' must be at least delay_ms (10)",
                "{\"action\":\"error\",\"status\":200,\"error_code\":\"ModelArts.0010\"}", "'status'",
                "{\"action\":\"explode\"}", "'action'",
                "{\"action\":\"error\",\"status\":500,\"error_code\":\"Nope.1\"}", "'error_code'");
        said.forEach((rule, message) -> {
            Reply reply = admin().json("POST", "/_modelarts/faults", rule);
            assertThat(reply.status()).as(rule).isEqualTo(400);
            assertThat(reply.json().get("error_code").asText()).as(rule).isEqualTo("ModelArts.0104");
            assertThat(reply.json().get("error_msg").asText()).as(rule).contains(message);
        });
        assertThat(admin().get("/_modelarts/faults").json().get("rules")).isEmpty();
    }

    @Test
    void rulesAreRemovedOneByOneAllAtOnceAndByAReset() {
        String one = add("{\"operation\":\"ListImage\",\"action\":\"delay\",\"delay_ms\":1}");
        add("{\"action\":\"delay\",\"delay_ms\":1}");
        assertThat(admin().delete("/_modelarts/faults/" + one).json().get("id").asText()).isEqualTo(one);
        assertThat(admin().delete("/_modelarts/faults/" + one).status()).isEqualTo(400);
        assertThat(admin().get("/_modelarts/faults").json().get("rules")).hasSize(1);
        assertThat(admin().json("POST", "/_modelarts/reset", "{}").status()).isEqualTo(200);
        assertThat(admin().get("/_modelarts/faults").json().get("rules")).isEmpty();
        add("{\"action\":\"error\",\"status\":500,\"error_code\":\"ModelArts.0010\"}");
        assertThat(admin().get("/health").status()).as("never the health, metrics or control paths").isEqualTo(200);
        assertThat(admin().get("/_modelarts/faults").status()).isEqualTo(200);
    }

    private HttpRequest request(String path, Duration timeout) {
        return HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(timeout)
                .header("X-Auth-Token", TestServer.TOKEN_A).build();
    }
}
