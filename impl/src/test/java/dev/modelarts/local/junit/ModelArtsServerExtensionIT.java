package dev.modelarts.local.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.catalog.BuiltInCatalog;

/**
 * The README's example of a user's test, as written there (section "Start this server in your own
 * tests"), plus what the README says of @Nested classes.
 */
class ModelArtsServerExtensionIT {

    @RegisterExtension
    static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void myToolListsTheBuiltInPyTorchImages() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        modelArts.baseUri().resolve("v1/dev-project/images/group?name=pytorch"))
                .header("X-Auth-Token", ModelArtsServerExtension.DEV_TOKEN)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"name\":\"pytorch"), response.body());
    }

    /** The README's reset example: a registration is gone after reset(), the catalog stays. */
    @Test
    void resetForgetsWhatATestRegistered() throws Exception {
        HttpRequest register = HttpRequest.newBuilder(modelArts.baseUri().resolve("v1/dev-project/images"))
                .header("X-Auth-Token", ModelArtsServerExtension.DEV_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/team/reset-me:v1\"}"))
                .build();
        assertEquals(200, http.send(register, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest dedicated = HttpRequest.newBuilder(modelArts.baseUri().resolve("v1/dev-project/images?type=DEDICATED"))
                .header("X-Auth-Token", ModelArtsServerExtension.DEV_TOKEN).build();
        assertTrue(http.send(dedicated, HttpResponse.BodyHandlers.ofString()).body().contains("\"total\":1"));

        modelArts.reset();

        assertTrue(http.send(dedicated, HttpResponse.BodyHandlers.ofString()).body().contains("\"total\":0"));
        HttpRequest builtIn = HttpRequest.newBuilder(modelArts.baseUri().resolve("v1/dev-project/images/group?type=BUILD_IN"))
                .header("X-Auth-Token", ModelArtsServerExtension.DEV_TOKEN).build();
        long catalogGroups = BuiltInCatalog.load().groupCount();
        assertTrue(http.send(builtIn, HttpResponse.BodyHandlers.ofString()).body().contains("\"total\":" + catalogGroups));
    }

    @Nested
    class InANestedClass {

        @Test
        void theServerIsTheEnclosingClasss() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(modelArts.baseUri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(modelArts.data().images().find("no-such-image").isEmpty());
        }
    }
}
