package dev.modelarts.local.contract;

import static dev.modelarts.local.testing.TestImages.dedicated;

import java.nio.file.Path;
import java.util.Map;

import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.modelarts.local.db.DuplicateImageException;
import dev.modelarts.local.db.GroupDetails;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.testing.TestServer;

/**
 * Verifies every pact in {@code contract-tests/pacts/} against the real server, started on a free
 * port over a fresh H2 file. Provider states seed through the real data layer. A folder with no
 * pacts fails the build, as Pact intends. Each request gets the test token unless the pact
 * itself carries a credential.
 */
@Provider("modelarts-image-server")
@PactFolder("pacts")
class ImageServerPactTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("127.0.0.1", server.server().port()));
    }

    /** Adds a credential to each request, and changes nothing else. */
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        if (!request.containsHeader("X-Auth-Token") && !request.containsHeader("Authorization")) {
            request.addHeader("X-Auth-Token", TestServer.TOKEN);
        }
        context.verifyInteraction();
    }

    @State("the built-in catalog is loaded")
    void builtInCatalog() {
        // the server installs it at start
    }

    /**
     * Params: project_id, workspace_id (default "0"), namespace, name, versions (tags v1..vN,
     * a hundred seconds apart). Seeding twice is harmless: the group is created once.
     */
    @State("an image group exists")
    void imageGroupExists(Map<String, Object> params) {
        String project = String.valueOf(params.get("project_id"));
        String workspace = String.valueOf(params.getOrDefault("workspace_id", "0"));
        String namespace = String.valueOf(params.get("namespace"));
        String name = String.valueOf(params.get("name"));
        int versions = Integer.parseInt(String.valueOf(params.getOrDefault("versions", 1)));
        ImageDao images = server.images();
        for (int v = 1; v <= versions; v++) {
            long at = 1_700_000_000_000L + (v - 1) * 100_000L;
            try {
                images.insert(dedicated(project, workspace, namespace, name, "v" + v, at), GroupDetails.NONE);
            } catch (DuplicateImageException alreadySeeded) {
                // an earlier interaction seeded this version
            }
        }
    }
}
