package dev.modelarts.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.Race;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;
import dev.modelarts.local.testing.TestServers;

/**
 * Two server instances over one PostgreSQL behave as one: what one writes the other reads at
 * once, and racing writes through both leave exact counts.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class TwoInstancesIT {

    private static final int THREADS_PER_INSTANCE = 16;
    private static final String SWR = "swr.cn-north-4.myhuaweicloud.com/";

    private static final Supplier<DatabaseSettings> SHARED = TestDatabase.shared(Path.of("target", "two-instances"));
    private static final TestServer a = TestServer.on(SHARED);
    private static final TestServer b = TestServer.on(SHARED);

    /** Both start at once over an empty database: migrations and the catalog are installed once. */
    @RegisterExtension
    static final TestServers BOTH = TestServers.startedTogether(a, b);

    @Test
    void theBuiltInCatalogIsThereOnceForBoth() {
        long builtIn = BuiltInCatalog.load().groupCount();
        assertThat(a.client().get("/v1/p/images/group?type=BUILD_IN").json().get("total").asLong()).isEqualTo(builtIn);
        assertThat(b.client().get("/v1/p/images?type=BUILD_IN&limit=1").json().get("total").asLong())
                .isEqualTo(BuiltInCatalog.load().entries().size());
    }

    private static String register(String project, String tag) {
        return "{\"swr_path\":\"" + SWR + "team/" + project + ":" + tag + "\"}";
    }

    @Test
    void aResetThroughOneIsSeenByTheOther() {
        String project = "reset-view";
        assertThat(a.client().json("POST", "/v1/" + project + "/images", register(project, "v1")).status()).isEqualTo(200);
        assertThat(a.client().get("/v1/" + project + "/images/group?type=DEDICATED").json().get("total").asLong()).isEqualTo(1);
        Reply reset = ApiClient.withToken(b.baseUri(), TestServer.ADMIN_TOKEN).json("POST", "/_modelarts/reset", "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(a.client().get("/v1/" + project + "/images/group?type=DEDICATED").json().get("total").asLong()).isZero();
        assertThat(a.client().get("/v1/" + project + "/images?type=DEDICATED").json().get("total").asLong()).isZero();
    }

    @Test
    void whatOneRegistersTheOtherListsAndADeleteOnOneIsSeenByTheOther() {
        String project = "shared-view";
        Reply registered = a.client().json("POST", "/v1/" + project + "/images", register(project, "v1"));
        assertThat(registered.status()).isEqualTo(200);
        String id = registered.json().get("id").asText();

        JsonNode onB = b.client().get("/v1/" + project + "/images/group?type=DEDICATED").json();
        assertThat(onB.get("total").asLong()).isEqualTo(1);
        assertThat(b.client().get("/v1/" + project + "/images/" + id).status()).isEqualTo(200);
        assertThat(a.client().get("/v1/" + project + "/images/" + id).status()).as("shown by A, then kept").isEqualTo(200);
        assertThat(a.client().get("/v1/" + project + "/images/" + id).status()).isEqualTo(200);

        assertThat(b.client().delete("/v1/" + project + "/images/" + id).status()).isEqualTo(200);
        assertThat(a.client().get("/v1/" + project + "/images/group?type=DEDICATED").json().get("total").asLong())
                .isZero();
        assertThat(a.client().get("/v1/" + project + "/images/" + id).status()).isEqualTo(400);
    }

    /** A ListImage answer one instance keeps is not given again once the other has written. */
    @Test
    void aListingOneInstanceKeepsGivesWayToTheOthersWrites() {
        String project = "kept-listing";
        String[] queries = {"?type=DEDICATED", "?type=DEDICATED&status=ACTIVE", "?name=" + project + "&name_fuzzy_match=false"};
        for (int round = 1; round <= 3; round++) {
            for (String query : queries) {
                assertThat(total(a, project, query)).as("round %d, %s, before", round, query).isEqualTo(round - 1);
                assertThat(total(a, project, query)).as("asked again").isEqualTo(round - 1);
            }
            assertThat(b.client().json("POST", "/v1/" + project + "/images", register(project, "v" + round)).status())
                    .isEqualTo(200);
            for (String query : queries) {
                assertThat(total(a, project, query)).as("round %d, %s, after", round, query).isEqualTo(round);
            }
        }
        String id = a.client().get("/v1/" + project + "/images?limit=1&type=DEDICATED").json().get("data").get(0)
                .get("id").asText();
        assertThat(b.client().delete("/v1/" + project + "/images/" + id).status()).isEqualTo(200);
        for (String query : queries) {
            assertThat(total(a, project, query)).as("%s, after a delete through the other", query).isEqualTo(2);
        }
    }

    private static long total(TestServer server, String project, String query) {
        return server.client().get("/v1/" + project + "/images" + query).json().get("total").asLong();
    }

    /** Runs the calls on twice {@value #THREADS_PER_INSTANCE} threads, all released at once. */
    private static List<Reply> race(List<Callable<Reply>> calls) throws Exception {
        return Race.run(2 * THREADS_PER_INSTANCE, calls);
    }

    @Test
    void twoHundredDistinctTagsThroughBothInstancesLeaveTwoHundredVersions() throws Exception {
        String project = "race-two-distinct";
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ApiClient api = (i % 2 == 0 ? a : b).client();
            String body = register(project, "v" + i);
            calls.add(() -> api.json("POST", "/v1/" + project + "/images", body));
        }
        assertThat(race(calls)).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        JsonNode groups = b.client().get("/v1/" + project + "/images/group?type=DEDICATED").json();
        assertThat(groups.get("total").asLong()).isEqualTo(1);
        assertThat(groups.get("data").get(0).get("version_count").asInt()).isEqualTo(200);
        assertThat(a.client().get("/v1/" + project + "/images?type=DEDICATED&limit=1").json().get("total").asLong())
                .isEqualTo(200);
    }

    @Test
    void fiftyRegistrationsOfOneTagThroughBothInstancesLeaveOneImage() throws Exception {
        String project = "race-two-same";
        String body = register(project, "v1");
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApiClient api = (i % 2 == 0 ? a : b).client();
            calls.add(() -> api.json("POST", "/v1/" + project + "/images", body));
        }
        List<Reply> replies = race(calls);
        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 200)).hasSize(49).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error_code").asText()).isEqualTo("ModelArts.6737");
        });
        assertThat(a.client().get("/v1/" + project + "/images/group?type=DEDICATED").json()
                .get("data").get(0).get("version_count").asInt()).isEqualTo(1);
    }
}
