package dev.modelarts.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;
import dev.modelarts.local.testing.TestServers;

/**
 * Status over time and the clock over two instances on one PostgreSQL: ShowImage calls spread
 * over both count as one sequence, both listings agree, and a clock set through one instance is
 * the other's within a second.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@Tag(TestDatabase.BOTH)
class TransitionsTwoInstancesIT {

    private static final Supplier<DatabaseSettings> SHARED = TestDatabase.shared(Path.of("target", "transitions-two-instances"));
    private static final TestServer a = TestServer.on(SHARED);
    private static final TestServer b = TestServer.on(SHARED);

    @RegisterExtension
    static final TestServers BOTH = TestServers.startedTogether(a, b);

    private static final String IMAGES = "/v1/" + TestServer.PROJECT_A + "/images";

    private static ApiClient admin(TestServer server) {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    @Test
    void pollsThroughBothInstancesAreOneSequence() {
        assertThat(admin(a).json("POST", "/_modelarts/transitions", "{\"swr_path\": \"*/two/*\","
                + " \"path\": [\"INIT\", \"CREATING\", \"ACTIVE\"], \"polls\": 1}").status()).isEqualTo(201);
        String id = a.client().json("POST", IMAGES, "{\"swr_path\": \"swr.example.com/two/app:v1\"}").json()
                .get("id").asText();
        List<String> answered = new ArrayList<>();
        for (TestServer server : List.of(b, a, b, a)) {
            answered.add(server.client().get(IMAGES + "/" + id).json().get("status").asText());
        }
        assertThat(answered).containsExactly("INIT", "CREATING", "ACTIVE", "ACTIVE");
        for (TestServer server : List.of(a, b)) {
            assertThat(server.client().get(IMAGES + "?type=DEDICATED&status=ACTIVE&namespace=two").json()
                    .get("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aClockSetThroughOneInstanceIsTheOthersWithinASecond() throws Exception {
        assertThat(admin(a).json("POST", "/_modelarts/clock", "{\"set\": \"2031-02-03T04:05:06Z\", \"fixed\": true}")
                .status()).isEqualTo(200);
        Thread.sleep(1_000);
        assertThat(admin(b).get("/_modelarts/clock").json().get("now").asText()).isEqualTo("2031-02-03T04:05:06Z");
        long created = b.client().json("POST", IMAGES, "{\"swr_path\": \"swr.example.com/clocked/app:v1\"}").json()
                .get("create_at").asLong();
        assertThat(created).isEqualTo(java.time.Instant.parse("2031-02-03T04:05:06Z").toEpochMilli());
        admin(a).json("POST", "/_modelarts/clock", "{\"real\": true}");
    }
}
