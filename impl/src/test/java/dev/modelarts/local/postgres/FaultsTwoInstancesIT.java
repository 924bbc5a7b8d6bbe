package dev.modelarts.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.Race;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;
import dev.modelarts.local.testing.TestServers;

/**
 * Fault rules over two instances on one PostgreSQL: a rule added through one fires on the other
 * within a second, and its {@code times} is counted across both, each firing taken once.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@Tag(TestDatabase.BOTH)
class FaultsTwoInstancesIT {

    private static final Supplier<DatabaseSettings> SHARED = TestDatabase.shared(Path.of("target", "faults-two-instances"));
    private static final TestServer a = TestServer.on(SHARED);
    private static final TestServer b = TestServer.on(SHARED);

    @RegisterExtension
    static final TestServers BOTH = TestServers.startedTogether(a, b);

    private static ApiClient admin(TestServer server) {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    @Test
    void aRuleAddedOnOneFiresOnTheOtherAndItsTimesAreCountedAcrossBoth() throws Exception {
        String list = "/v1/" + TestServer.PROJECT_A + "/images";
        assertThat(admin(a).json("POST", "/_modelarts/faults", "{\"operation\":\"ListImage\",\"action\":\"error\","
                + "\"status\":503,\"error_code\":\"ModelArts.6101\",\"times\":10}").status()).isEqualTo(201);
        Thread.sleep(1_000);
        assertThat(admin(b).get("/_modelarts/faults").json().get("rules")).hasSize(1);

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            TestServer target = i % 2 == 0 ? a : b;
            calls.add(() -> ApiClient.withToken(target.baseUri(), TestServer.TOKEN_A).get(list + "?limit=1").status());
        }
        List<Integer> statuses = Race.run(12, calls);
        assertThat(statuses.stream().filter(s -> s == 503).count()).as("fired, on both together").isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(50);
        assertThat(admin(b).get("/_modelarts/faults").json().get("rules").get(0).get("fired").asLong()).isEqualTo(10);
        admin(a).delete("/_modelarts/faults");
    }

    @Test
    void aRuleFiresOnTheOtherInstanceWithinASecond() throws Exception {
        String groups = "/v1/" + TestServer.PROJECT_A + "/images/group";
        ApiClient onB = ApiClient.withToken(b.baseUri(), TestServer.TOKEN_A);
        assertThat(onB.get(groups).status()).isEqualTo(200);
        assertThat(admin(a).json("POST", "/_modelarts/faults", "{\"operation\":\"ListImageGroup\",\"action\":\"error\","
                + "\"status\":500,\"error_code\":\"ModelArts.0010\"}").status()).isEqualTo(201);
        long start = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - start < 3_000_000_000L) {
            status = onB.get(groups).status();
            Thread.sleep(50);
        }
        assertThat(status).isEqualTo(500);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the other instance applied it").isLessThan(1_000);
        admin(a).delete("/_modelarts/faults");
    }
}
