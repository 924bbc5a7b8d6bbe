package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/** /metrics over real HTTP, with no credential: the operations, the pool and the JVM, and no secret. */
@Tag(TestDatabase.BOTH)
class MetricsIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private final ApiClient anonymous = new ApiClient(server.baseUri());

    @Test
    void operationsAreCountedByPathTemplateAndStatus() {
        ApiClient api = ApiClient.withToken(server.baseUri(), TestServer.TOKEN_A);
        String project = TestServer.PROJECT_A;
        assertThat(api.get("/v1/" + project + "/images/group").status()).isEqualTo(200);
        // an unknown image is 400 ModelArts.6404, as on the real service
        assertThat(api.get("/v1/" + project + "/images/00000000-0000-0000-0000-000000000000").status()).isEqualTo(400);
        assertThat(anonymous.get("/v1/" + project + "/images/group").status()).isEqualTo(401);

        // Jersey times a request once its answer is written: the last one's timer may come just after
        String metrics = scrapeUntil(text -> text.contains("status=\"401\",uri=\"/v1/{project_id}/images/group\""));
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/v1/{project_id}/images/group\"}");
        assertThat(metrics).contains("status=\"400\",uri=\"/v1/{project_id}/images/{id}\"");
        assertThat(metrics).contains("status=\"401\",uri=\"/v1/{project_id}/images/group\"");
        assertThat(metrics).as("a path template, never the path").doesNotContain(project);
        assertThat(metrics).as("no Java class names").doesNotContain("Exception");
    }

    @Test
    void thePoolAndTheJvmAreThere() {
        String metrics = scrape();
        assertThat(metrics).contains("hikaricp_connections_active{pool=\"modelarts-db\"}",
                "hikaricp_connections_max{pool=\"modelarts-db\"}", "jvm_memory_used_bytes{",
                "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void noSecretIsExposed() {
        String metrics = scrape();
        for (String secret : new String[] {TestServer.TOKEN, TestServer.TOKEN_A, TestServer.SK, TestServer.SK_A,
                TestServer.AK, TestServer.ADMIN_TOKEN}) {
            assertThat(metrics).doesNotContain(secret);
        }
    }

    /** Scrapes until {@code done} holds, for at most five seconds; the last scrape either way. */
    private String scrapeUntil(Predicate<String> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String metrics = scrape();
        while (!done.test(metrics) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            metrics = scrape();
        }
        return metrics;
    }

    private String scrape() {
        Reply reply = anonymous.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        return reply.body();
    }
}
