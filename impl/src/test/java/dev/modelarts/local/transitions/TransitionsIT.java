package dev.modelarts.local.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;

/**
 * Status over time over real HTTP, on a server whose clock stands at 2026-01-01: by polls, by the
 * clock to the millisecond, a failure a poller stops on, a gradual deletion; ShowImage, ListImage
 * (its status filter too) and ListImageGroup agreeing at every step.
 */
class TransitionsIT {

    private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @RegisterExtension
    static final TestServer server = TestServer.withOptions("--clock", "2026-01-01T00:00:00Z", "--clock-fixed");

    private static final String IMAGES = "/v1/" + TestServer.PROJECT_A + "/images";

    private static ApiClient admin() {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    private static void rule(String json) {
        Reply added = admin().json("POST", "/_modelarts/transitions", json);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private static JsonNode register(String swrPath) {
        Reply registered = server.client().json("POST", IMAGES, "{\"swr_path\": \"" + swrPath + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json();
    }

    private static JsonNode show(String id) {
        Reply shown = server.client().get(IMAGES + "/" + id);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return shown.json();
    }

    private static long listed(String status) {
        return server.client().get(IMAGES + "?type=DEDICATED&status=" + status).json().get("total").asLong();
    }

    private static void advance(long ms) {
        assertThat(admin().json("POST", "/_modelarts/clock", "{\"advance_ms\": " + ms + "}").status()).isEqualTo(200);
    }

    @AfterEach
    void reset() {
        assertThat(admin().json("POST", "/_modelarts/reset", "").status()).isEqualTo(200);
    }

    @Test
    void byPollsShowImageAnswersCreatingCreatingActiveAndTheListingsAgree() {
        rule("{\"swr_path\": \"swr.example.com/slow/*\", \"path\": [\"CREATING\", \"ACTIVE\"], \"polls\": 2}");
        JsonNode image = register("swr.example.com/slow/app:v1");
        assertThat(image.get("status").asText()).isEqualTo("CREATING");
        assertThat(register("swr.example.com/fast/app:v1").get("status").asText()).as("no rule matches").isEqualTo("ACTIVE");
        String id = image.get("id").asText();

        List<String> answered = new ArrayList<>();
        List<Long> activeListed = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            activeListed.add(listed("ACTIVE"));
            answered.add(show(id).get("status").asText());
        }
        assertThat(answered).containsExactly("CREATING", "CREATING", "ACTIVE");
        // the fast image is ACTIVE throughout; the slow one joins it once its second poll moved it
        assertThat(activeListed).containsExactly(1L, 1L, 2L);
        assertThat(listed("CREATING")).isZero();
        JsonNode groups = server.client().get("/v1/" + TestServer.PROJECT_A + "/images/group?type=DEDICATED&name=app")
                .json();
        assertThat(groups.get("data").findValuesAsText("version_count")).containsExactlyInAnyOrder("1", "1");
    }

    @Test
    void anImageNotYetActiveCountsInItsGroup() {
        rule("{\"swr_path\": \"*:slow\", \"path\": [\"INIT\", \"ACTIVE\"], \"polls\": 5}");
        register("swr.example.com/team/counted:v1");
        register("swr.example.com/team/counted:slow");
        JsonNode group = server.client().get("/v1/" + TestServer.PROJECT_A + "/images/group?name=counted&name_fuzzy_match=false")
                .json().get("data").get(0);
        assertThat(group.get("version_count").asInt()).isEqualTo(2);
        assertThat(server.client().get(IMAGES + "?name=counted&name_fuzzy_match=false").json().get("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void aPollerStopsOnCreateFailedWithinTheConfiguredPollsAndReadsTheMessage() {
        rule("{\"swr_path\": \"*/failing/*\", \"path\": [\"INIT\", \"CREATING\", \"CREATE_FAILED\"], \"polls\": 1,"
                + " \"status_message\": \"image layer 3 failed to copy\"}");
        String id = register("swr.example.com/failing/app:v1").get("id").asText();
        int maxPolls = 3; // two steps of one poll each: the third call sees the end
        JsonNode last = null;
        int polls = 0;
        while (polls < maxPolls) {
            last = show(id);
            polls++;
            if (List.of("ACTIVE", "CREATE_FAILED", "ERROR").contains(last.get("status").asText())) {
                break;
            }
        }
        assertThat(last.get("status").asText()).isEqualTo("CREATE_FAILED");
        assertThat(polls).isEqualTo(3);
        assertThat(last.get("status_message").asText()).isEqualTo("image layer 3 failed to copy");
        assertThat(listed("CREATE_FAILED")).isEqualTo(1);
    }

    @Test
    void bySecondsNotYetAt1999MillisecondsDoneAt2000() {
        rule("{\"project_id\": \"" + TestServer.PROJECT_A + "\", \"path\": [\"CREATING\", \"ACTIVE\"], \"seconds\": 2}");
        String id = register("swr.example.com/timed/app:v1").get("id").asText();
        advance(1_999);
        assertThat(show(id).get("status").asText()).isEqualTo("CREATING");
        assertThat(listed("ACTIVE")).isZero();
        advance(1);
        JsonNode done = show(id);
        assertThat(done.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(done.get("update_at").asLong()).as("the step's own time").isEqualTo(START + 2_000);
        assertThat(listed("ACTIVE")).isEqualTo(1);
        assertThat(server.client().get("/v1/" + TestServer.PROJECT_A + "/images/group?name=app&namespace=timed")
                .json().get("data").get(0).get("update_at").asLong()).isEqualTo(START + 2_000);
    }

    @Test
    void aGradualDeletionShowsDeletedForItsPollsThenTheImageIsGone() {
        rule("{\"operation\": \"DeleteImage\", \"polls\": 2}");
        String id = register("swr.example.com/going/app:v1").get("id").asText();
        Reply deleted = server.client().delete(IMAGES + "/" + id);
        assertThat(deleted.json().get("status").asText()).isEqualTo("DELETED");
        assertThat(listed("DELETED")).isEqualTo(1);
        assertThat(show(id).get("status").asText()).isEqualTo("DELETED");
        assertThat(server.client().delete(IMAGES + "/" + id).json().get("status").asText())
                .as("deleting again while it goes").isEqualTo("DELETED");
        assertThat(show(id).get("status").asText()).isEqualTo("DELETED");
        Reply gone = server.client().get(IMAGES + "/" + id);
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.json().get("error_code").asText()).isEqualTo("ModelArts.6404");
        assertThat(server.client().get("/v1/" + TestServer.PROJECT_A + "/images/group?namespace=going").json()
                .get("total").asLong()).as("its group went with its last image").isZero();
    }

    @Test
    void resetRemovesTheRulesAndSetsTheClockBackToItsStart() {
        rule("{\"path\": [\"CREATING\", \"ACTIVE\"], \"polls\": 1}");
        advance(60_000);
        admin().json("POST", "/_modelarts/reset", "");
        assertThat(admin().get("/_modelarts/transitions").json().get("rules")).isEmpty();
        JsonNode clock = admin().get("/_modelarts/clock").json();
        assertThat(clock.get("now").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(clock.get("mode").asText()).isEqualTo("fixed");
        assertThat(register("swr.example.com/after/app:v1").get("create_at").asLong()).isEqualTo(START);
    }

    @Test
    void theClockIsSetMovedStoppedAndFreed() {
        JsonNode set = admin().json("POST", "/_modelarts/clock", "{\"set\": \"2030-05-06T07:08:09.010+02:00\"}").json();
        assertThat(set.get("now").asText()).isEqualTo("2030-05-06T05:08:09.010Z");
        assertThat(set.get("mode").asText()).isEqualTo("fixed");
        assertThat(register("swr.example.com/when/app:v1").get("create_at").asLong()).isEqualTo(set.get("now_ms").asLong());
        JsonNode running = admin().json("POST", "/_modelarts/clock", "{\"fixed\": false}").json();
        assertThat(running.get("mode").asText()).isEqualTo("running");
        JsonNode real = admin().json("POST", "/_modelarts/clock", "{\"real\": true}").json();
        assertThat(real.get("mode").asText()).isEqualTo("real");
        assertThat(Math.abs(real.get("now_ms").asLong() - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void badRulesAndClockChangesAreRefusedNamingWhatIsWrong() {
        for (String[] bad : new String[][] {
            {"{\"path\": [\"ACTIVE\", \"ACTIVE\"], \"polls\": 1}", "first status must be INIT or CREATING"},
            {"{\"path\": [\"CREATING\", \"ACTIVE\"]}", "exactly one of 'polls' and 'seconds'"},
            {"{\"path\": [\"CREATING\", \"ACTIVE\"], \"polls\": 0}", "polls"},
            {"{\"operation\": \"DeleteImage\", \"path\": [\"CREATING\"], \"polls\": 1}", "[DELETED]"},
        }) {
            Reply refused = admin().json("POST", "/_modelarts/transitions", bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.json().get("error_msg").asText()).as(bad[0]).contains(bad[1]);
        }
        for (String[] bad : new String[][] {
            {"{}", "exactly one of"},
            {"{\"advance_ms\": 1, \"set\": \"2026-01-01T00:00:00Z\"}", "exactly one of"},
            {"{\"set\": \"yesterday\"}", "ISO-8601"},
            {"{\"real\": true, \"fixed\": true}", "'real'"},
        }) {
            Reply refused = admin().json("POST", "/_modelarts/clock", bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.json().get("error_msg").asText()).as(bad[0]).contains(bad[1]);
        }
    }
}
