package dev.modelarts.local.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * State export and import: export, reset, import, and every ListImage and ListImageGroup page
 * answers the same bytes as before, a transition in progress goes on where it was; a document of
 * another format_version or with a bad entry is refused and changes nothing; {@code --state FILE}
 * loads one at start. On H2 and on PostgreSQL.
 */
@Tag(TestDatabase.BOTH)
class StateIT {

    private static final String[] CLOCK = {"--clock", "2026-01-01T00:00:00Z", "--clock-fixed"};
    private static final String WORKSPACE = "0123456789abcdef0123456789abcdef";
    private static final List<String> SCOPES = List.of(TestServer.PROJECT_A + "/0", "project-b/0",
            "project-b/" + WORKSPACE);

    @RegisterExtension
    static final TestServer server = TestServer.withOptions(CLOCK);

    @TempDir
    Path dir;

    private static ApiClient admin() {
        return ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN);
    }

    @Test
    void exportResetImportGivesEveryListingPageBackByteForByte() throws Exception {
        String slowId = buildState();
        List<String> before = everyPage(server);
        Reply exported = admin().get("/_modelarts/state");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.json().get("format_version").asInt()).isEqualTo(1);
        assertThat(exported.json().get("transitions")).hasSize(1);

        admin().json("POST", "/_modelarts/reset", "");
        assertThat(server.client().get("/v1/" + TestServer.PROJECT_A + "/images?type=DEDICATED").json()
                .get("total").asLong()).isZero();
        Reply imported = admin().json("PUT", "/_modelarts/state", exported.body());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("transitions").asLong()).isEqualTo(1);

        assertThat(everyPage(server)).isEqualTo(before);
        assertThat(admin().get("/_modelarts/state").body()).isEqualTo(exported.body());
        // the transition goes on where it was: one of its three polls was counted before the export
        List<String> answered = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            answered.add(server.client().get("/v1/" + TestServer.PROJECT_A + "/images/" + slowId).json()
                    .get("status").asText());
        }
        assertThat(answered).containsExactly("CREATING", "CREATING", "ACTIVE");
    }

    @Test
    void aDocumentOfAnotherFormatOrWithABadEntryIsRefusedAndChangesNothing() throws Exception {
        buildState();
        List<String> before = everyPage(server);
        JsonNode document = admin().get("/_modelarts/state").json();

        Reply otherVersion = admin().json("PUT", "/_modelarts/state",
                document.toString().replace("\"format_version\":1", "\"format_version\":99"));
        assertThat(otherVersion.status()).isEqualTo(400);
        assertThat(otherVersion.json().get("error_msg").asText()).contains("format_version is 99")
                .contains("reads format_version 1");

        String firstImageId = document.get("groups").get(0).get("images").get(0).get("id").asText();
        String secondImageId = document.get("groups").get(1).get("images").get(0).get("id").asText();
        Reply duplicate = admin().json("PUT", "/_modelarts/state", document.toString().replace(secondImageId, firstImageId));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("error_msg").asText()).contains("groups[1].images[0].id is given twice");

        Reply notItsGroup = admin().json("PUT", "/_modelarts/state",
                document.toString().replaceFirst("\"namespace\":\"team\",\"status\"", "\"namespace\":\"other\",\"status\""));
        assertThat(notItsGroup.status()).isEqualTo(400);
        assertThat(notItsGroup.json().get("error_msg").asText()).contains("is not of its group");

        assertThat(everyPage(server)).as("all or nothing").isEqualTo(before);
    }

    @Test
    void aStateFileIsLoadedAtStart() throws Exception {
        buildState();
        List<String> before = everyPage(server);
        Path file = dir.resolve("state.json");
        Files.writeString(file, admin().get("/_modelarts/state").body());
        TestServer restored = TestServer.withOptions("--state", file.toString(), CLOCK[0], CLOCK[1], CLOCK[2]);
        restored.start();
        try {
            assertThat(everyPage(restored)).isEqualTo(before);
        } finally {
            restored.close();
        }
    }

    @Test
    void aDocumentOfThousandsOfImagesIsImportedAndExportedWhole() {
        StringBuilder groups = new StringBuilder();
        int images = 0;
        for (int g = 0; g < 1_500; g++) {
            StringBuilder versions = new StringBuilder();
            for (int v = 0; v < 3; v++) {
                images++;
                versions.append(v == 0 ? "" : ",").append("{\"id\": \"00000000-0000-7000-8000-").append(String.format("%012d", images))
                        .append("\", \"name\": \"big").append(g).append("\", \"namespace\": \"team\", \"tag\": \"v").append(v)
                        .append("\", \"swr_path\": \"swr.example.com/team/big").append(g).append(":v").append(v)
                        .append("\", \"type\": \"DEDICATED\", \"status\": \"ACTIVE\", \"arch\": \"X86_64\",")
                        .append(" \"resource_categories\": [\"CPU\", \"GPU\"], \"dev_services\": [\"NOTEBOOK\", \"SSH\"],")
                        .append(" \"tags\": [{\"key\": \"k\", \"value\": \"v\"}], \"create_at\": 1, \"update_at\": 2}");
            }
            groups.append(g == 0 ? "" : ",").append("{\"id\": \"00000000-0000-7000-9000-").append(String.format("%012d", g))
                    .append("\", \"project_id\": \"").append(TestServer.PROJECT_A).append("\", \"namespace\": \"team\",")
                    .append(" \"name\": \"big").append(g).append("\", \"create_at\": 1, \"update_at\": 2, \"images\": [")
                    .append(versions).append("]}");
        }
        Reply imported = admin().json("PUT", "/_modelarts/state",
                "{\"format_version\": 1, \"groups\": [" + groups + "], \"transitions\": []}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("images").asLong()).isEqualTo(4_500);
        assertThat(server.client().get("/v1/" + TestServer.PROJECT_A + "/images?type=DEDICATED&limit=1").json()
                .get("total").asLong()).isEqualTo(4_500);
        assertThat(admin().get("/_modelarts/state").json().get("groups")).hasSize(1_500);
    }

    /** Groups in three scopes, updated groups, tags, a deletion, and one image on its way; answers that image's id. */
    private static String buildState() {
        admin().json("POST", "/_modelarts/reset", "");
        ApiClient client = server.client();
        for (String scope : SCOPES) {
            String project = scope.substring(0, scope.indexOf('/'));
            String workspace = scope.substring(scope.indexOf('/') + 1);
            for (int i = 0; i < 7; i++) {
                Reply r = client.json("POST", "/v1/" + project + "/images", "{\"swr_path\": \"swr.example.com/team/app"
                        + (i % 4) + ":v" + i + "\", \"workspace_id\": \"" + workspace + "\", \"description\": \"d" + i
                        + "\", \"tags\": [\"k" + i + "=v\"], \"resource_category\": [\"ASCEND\"]}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                admin().json("POST", "/_modelarts/clock", "{\"advance_ms\": 1000}");
            }
        }
        JsonNode group = client.get("/v1/" + TestServer.PROJECT_A + "/images/group?name=app1&name_fuzzy_match=false")
                .json().get("data").get(0);
        client.json("PUT", "/v1/" + TestServer.PROJECT_A + "/images/group/" + group.get("id").asText(),
                "{\"read_me\": \"# app1\", \"tags\": [{\"key\": \"team\", \"value\": \"ml\"}]}");
        String someImage = client.get("/v1/project-b/images?type=DEDICATED&limit=1").json().get("data").get(0)
                .get("id").asText();
        client.delete("/v1/project-b/images/" + someImage);
        admin().json("POST", "/_modelarts/transitions",
                "{\"swr_path\": \"*:slow\", \"path\": [\"CREATING\", \"ACTIVE\"], \"polls\": 3}");
        String slow = client.json("POST", "/v1/" + TestServer.PROJECT_A + "/images",
                "{\"swr_path\": \"swr.example.com/team/app0:slow\"}").json().get("id").asText();
        client.get("/v1/" + TestServer.PROJECT_A + "/images/" + slow);
        return slow;
    }

    /** The bodies of every page of both listings, in every scope, DEDICATED and all. */
    private static List<String> everyPage(TestServer target) {
        ApiClient client = target.client();
        List<String> pages = new ArrayList<>();
        for (String scope : SCOPES) {
            String base = "/v1/" + scope.substring(0, scope.indexOf('/')) + "/images";
            String workspace = "workspace_id=" + scope.substring(scope.indexOf('/') + 1);
            for (String type : List.of("&type=DEDICATED", "")) {
                for (int offset = 0; offset < 12; offset += 2) {
                    pages.add(client.get(base + "/group?limit=2&offset=" + offset + "&" + workspace + type).body());
                }
                for (int offset = 0; offset < 12; offset += 3) {
                    pages.add(client.get(base + "?limit=3&offset=" + offset + "&" + workspace + type).body());
                }
            }
            pages.add(client.get(base + "?sort_key=create_at&sort_dir=ASC&" + workspace + "&type=DEDICATED").body());
        }
        return pages;
    }
}
