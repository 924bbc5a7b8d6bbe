package dev.modelarts.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.config.DatabaseSettings.SharedReads;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.Await;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;
import dev.modelarts.local.testing.TestServers;

/**
 * {@code --shared-reads notified} over PostgreSQL: instance B hears of A's writes by notification
 * (seen soon, not necessarily by the very next read) and sees its own writes at once, as A does.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class NotifiedReadsIT {

    private static final String SWR = "swr.cn-north-4.myhuaweicloud.com/";
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(10);

    private static final Supplier<DatabaseSettings> SHARED = TestDatabase.shared(Path.of("target", "notified-reads"));
    private static final TestServer exact = TestServer.on(SHARED);
    private static final TestServer notified = TestServer.on(() -> SHARED.get().withSharedReads(SharedReads.notified));

    @RegisterExtension
    static final TestServers BOTH = TestServers.startedTogether(exact, notified);

    private static String register(String project, String tag) {
        return "{\"swr_path\":\"" + SWR + "team/" + project + ":" + tag + "\"}";
    }

    private static long groups(TestServer server, String project) {
        return server.client().get("/v1/" + project + "/images/group?type=DEDICATED").json().get("total").asLong();
    }

    private static int versions(TestServer server, String project) {
        var data = server.client().get("/v1/" + project + "/images/group?type=DEDICATED").json().get("data");
        return data.isEmpty() ? 0 : data.get(0).get("version_count").asInt();
    }


    @Test
    void theOtherInstancesRegistrationAndDeleteAreSeenOnceHeard() throws Exception {
        String project = "heard-view";
        Reply registered = exact.client().json("POST", "/v1/" + project + "/images", register(project, "v1"));
        assertThat(registered.status()).isEqualTo(200);
        String id = registered.json().get("id").asText();
        Await.until(() -> groups(notified, project) == 1, HEARD_WITHIN, "the registration through the exact instance listed");
        assertThat(notified.client().get("/v1/" + project + "/images/" + id).status()).isEqualTo(200);

        assertThat(exact.client().delete("/v1/" + project + "/images/" + id).status()).isEqualTo(200);
        Await.until(() -> groups(notified, project) == 0, HEARD_WITHIN, "the delete through the exact instance listed");
    }

    @Test
    void itsOwnWritesAreSeenByItsVeryNextRead() {
        String project = "own-writes";
        for (int i = 1; i <= 50; i++) {
            assertThat(notified.client().json("POST", "/v1/" + project + "/images", register(project, "v" + i)).status())
                    .isEqualTo(200);
            assertThat(versions(notified, project)).as("after registration %d", i).isEqualTo(i);
        }
    }

    @Test
    void theExactInstanceSeesTheNotifiedOnesWritesByItsNextRead() {
        String project = "exact-sees-notified";
        for (int i = 1; i <= 20; i++) {
            assertThat(notified.client().json("POST", "/v1/" + project + "/images", register(project, "v" + i)).status())
                    .isEqualTo(200);
            assertThat(versions(exact, project)).as("after registration %d", i).isEqualTo(i);
        }
    }

    @Test
    void writesThroughBothEndWithTheSameCountsOnBoth() throws Exception {
        String project = "both-write";
        for (int i = 0; i < 60; i++) {
            TestServer through = i % 2 == 0 ? exact : notified;
            assertThat(through.client().json("POST", "/v1/" + project + "/images", register(project, "v" + i)).status())
                    .isEqualTo(200);
        }
        assertThat(versions(exact, project)).isEqualTo(60);
        Await.until(() -> versions(notified, project) == 60, HEARD_WITHIN, "every write heard");
    }
}
