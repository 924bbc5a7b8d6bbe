package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.Race;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/** Registrations racing over HTTP leave exact counts: no lost and no doubled version. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class ConcurrentRegistrationIT {

    private static final int THREADS = 16;
    private static final String SWR = "swr.cn-north-4.myhuaweicloud.com/";

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private ApiClient api;

    @BeforeAll
    void start() {
        api = server.client();
    }

    /** Runs the calls on {@value #THREADS} threads, all released at once. */
    private static List<Reply> race(List<Callable<Reply>> calls) throws Exception {
        return Race.run(THREADS, calls);
    }

    @Test
    void twoHundredDistinctTagsIntoOneNewGroupLeaveExactlyTwoHundredVersions() throws Exception {
        String project = "race-distinct";
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = "{\"swr_path\":\"" + SWR + "team/raced:v" + i + "\"}";
            calls.add(() -> api.json("POST", "/v1/" + project + "/images", body));
        }
        List<Reply> replies = race(calls);

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        JsonNode groups = api.get("/v1/" + project + "/images/group?type=DEDICATED").json();
        assertThat(groups.get("total").asLong()).isEqualTo(1);
        assertThat(groups.get("data").get(0).get("version_count").asInt()).isEqualTo(200);
        assertThat(api.get("/v1/" + project + "/images?type=DEDICATED&limit=1").json().get("total").asLong())
                .isEqualTo(200);
    }

    @Test
    void fiftyRegistrationsOfOneTagLeaveOneImageAndFortyNineClean400s() throws Exception {
        String project = "race-same";
        String body = "{\"swr_path\":\"" + SWR + "team/contended:v1\"}";
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> api.json("POST", "/v1/" + project + "/images", body));
        }
        List<Reply> replies = race(calls);

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        List<Reply> refused = replies.stream().filter(r -> r.status() != 200).toList();
        assertThat(refused).hasSize(49).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error_code").asText()).isEqualTo("ModelArts.6737");
        });
        JsonNode groups = api.get("/v1/" + project + "/images/group?type=DEDICATED").json();
        assertThat(groups.get("data").get(0).get("version_count").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/" + project + "/images?type=DEDICATED").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsAndDeletionsKeepTheCountExact() throws Exception {
        String project = "race-mixed";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(api.json("POST", "/v1/" + project + "/images", "{\"swr_path\":\"" + SWR + "team/mixed:old" + i + "\"}")
                    .json().get("id").asText());
        }
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = ids.get(i);
            String body = "{\"swr_path\":\"" + SWR + "team/mixed:new" + i + "\"}";
            calls.add(() -> api.delete("/v1/" + project + "/images/" + id));
            calls.add(() -> api.json("POST", "/v1/" + project + "/images", body));
        }
        List<Reply> replies = race(calls);

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        JsonNode group = api.get("/v1/" + project + "/images/group?type=DEDICATED").json().get("data").get(0);
        assertThat(group.get("version_count").asInt()).isEqualTo(40);
    }
}
