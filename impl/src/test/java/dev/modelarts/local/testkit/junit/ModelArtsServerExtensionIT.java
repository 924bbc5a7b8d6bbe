package dev.modelarts.local.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.huaweicloud.sdk.core.auth.BasicCredentials;

import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.testkit.ModelArtsClient;
import dev.modelarts.local.testkit.TestCredential;

/**
 * The example of a user's test in docs/testing.md, as written there, plus what it says of @Nested
 * classes and of the kit's client, seed and requests.
 */
class ModelArtsServerExtensionIT {

    @RegisterExtension
    static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder().build();

    @BeforeEach
    void isolate() {
        modelArts.reset();
    }

    @Test
    void myToolListsTheBuiltInPyTorchImages() {
        ModelArtsClient.Reply groups = modelArts.client().get(modelArts.client().projectPath("images/group?name=pytorch"));
        assertEquals(200, groups.status());
        assertTrue(groups.body().contains("\"name\":\"pytorch"), groups.body());
        assertTrue(groups.requestId() != null);
    }

    /** The reset example of docs/testing.md: a registration is gone after reset(), the catalog stays. */
    @Test
    void resetForgetsWhatATestRegistered() {
        ModelArtsClient client = modelArts.client();
        assertEquals(200, client.post(client.projectPath("images"),
                "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/team/reset-me:v1\"}").status());
        String dedicated = client.projectPath("images?type=DEDICATED");
        assertTrue(client.get(dedicated).body().contains("\"total\":1"));

        modelArts.reset();

        assertTrue(client.get(dedicated).body().contains("\"total\":0"));
        long catalogGroups = BuiltInCatalog.load().groupCount();
        assertTrue(client.get(client.projectPath("images/group?type=BUILD_IN")).body().contains("\"total\":" + catalogGroups));
    }

    @Test
    void seedRegistersAndRequestsListsWhatWasSent() {
        assertEquals(2, modelArts.seed("""
                {"images": [
                  {"project_id": "dev-project", "swr_path": "swr.cn-north-4.myhuaweicloud.com/team/seeded:v1"},
                  {"project_id": "dev-project", "swr_path": "swr.cn-north-4.myhuaweicloud.com/team/seeded:v2"}]}
                """));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> modelArts.seed("{\"images\": [{\"project_id\": \"dev-project\"}]}"));
        assertTrue(bad.getMessage().contains("swr_path"), bad.getMessage());

        long since = System.currentTimeMillis();
        modelArts.client().get(modelArts.client().projectPath("images/group?name=seeded"));
        String journal = modelArts.requests("operation=ListImageGroup&status=200&since=" + since);
        assertTrue(journal.contains("\"count\":1"), journal);
        assertTrue(journal.contains("name=seeded"), journal);
        assertTrue(!journal.contains(":null"), "fields without a value are left out, as the API leaves them: " + journal);
        assertThrows(IllegalArgumentException.class, () -> modelArts.requests("operation=NoSuchOperation"));
    }

    @Test
    void theKitNamesTheDevelopmentCredentialAndTheSdksCredentials() {
        assertEquals(TestCredential.DEVELOPMENT, modelArts.credential());
        assertEquals("dev-project", modelArts.projectId());
        BasicCredentials sdk = modelArts.sdkCredentials();
        assertEquals(List.of("DEVACCESSKEY0000000", "dev-project"), List.of(sdk.getAk(), sdk.getProjectId()));
        assertTrue(modelArts.endpoint().toString().matches("http://127\\.0\\.0\\.1:\\d+/"), modelArts.endpoint().toString());
    }

    @Nested
    class InANestedClass {

        @Test
        void theServerIsTheEnclosingClasss() {
            assertEquals(200, modelArts.client().get("health").status());
        }
    }
}
