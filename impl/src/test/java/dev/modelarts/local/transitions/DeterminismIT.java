package dev.modelarts.local.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;

/**
 * Two fresh servers started with {@code --deterministic 42 --clock 2026-01-01T00:00:00Z
 * --clock-fixed} and sent the same 30 calls (registrations, listings, shows, deletes) answer the
 * same bytes and the same {@code X-Request-Id}s: their SHA-256 digests are equal.
 */
class DeterminismIT {

    private static final String[] OPTIONS = {"--deterministic", "42", "--clock", "2026-01-01T00:00:00Z",
        "--clock-fixed"};
    private static final String IMAGES = "/v1/" + TestServer.PROJECT_A + "/images";

    @Test
    void theSameSeedClockAndCallsGiveTheSameAnswersAndRequestIds() throws Exception {
        List<String> first = run(TestServer.withOptions(OPTIONS));
        List<String> second = run(TestServer.withOptions(OPTIONS));
        assertThat(first).hasSize(30);
        assertThat(first).doesNotHaveDuplicates(); // every answer carries its own request id
        assertThat(sha256(second)).isEqualTo(sha256(first));
        assertThat(second).isEqualTo(first);

        List<String> otherSeed = run(TestServer.withOptions("--deterministic", "43", "--clock", "2026-01-01T00:00:00Z",
                "--clock-fixed"));
        assertThat(sha256(otherSeed)).as("another seed, other ids").isNotEqualTo(sha256(first));
    }

    /** The script: each answer as "status request-id body". */
    private static List<String> run(TestServer server) throws Exception {
        server.start();
        try {
            ApiClient client = ApiClient.withToken(server.baseUri(), TestServer.TOKEN);
            List<String> answers = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Reply registered = client.json("POST", IMAGES, "{\"swr_path\": \"swr.example.com/team/app" + (i % 3)
                        + ":v" + i + "\", \"description\": \"image " + i + "\"}");
                ids.add(registered.json().get("id").asText());
                answers.add(answer(registered));
            }
            for (int page = 0; page < 4; page++) {
                answers.add(answer(client.get(IMAGES + "/group?type=DEDICATED&limit=1&offset=" + page)));
            }
            for (int page = 0; page < 4; page++) {
                answers.add(answer(client.get(IMAGES + "?type=DEDICATED&limit=3&offset=" + (3 * page))));
            }
            for (int i = 0; i < 4; i++) {
                answers.add(answer(client.get(IMAGES + "/" + ids.get(i))));
            }
            for (int i = 0; i < 4; i++) {
                answers.add(answer(client.delete(IMAGES + "/" + ids.get(i))));
            }
            answers.add(answer(client.get(IMAGES + "/group?type=DEDICATED")));
            answers.add(answer(client.get(IMAGES + "?type=DEDICATED&sort_key=create_at")));
            answers.add(answer(client.get(IMAGES + "/" + ids.get(0))));
            answers.add(answer(client.get(IMAGES + "/group?name=app1&name_fuzzy_match=false")));
            return answers;
        } finally {
            server.close();
        }
    }

    private static String answer(Reply reply) {
        return reply.status() + " " + reply.header("X-Request-Id") + " " + reply.body();
    }

    private static String sha256(List<String> answers) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        answers.forEach(a -> digest.update((a + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
