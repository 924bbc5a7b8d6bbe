package dev.modelarts.local.contract;

import static dev.modelarts.local.testing.TestImages.dedicated;

import java.util.Map;

import dev.modelarts.local.db.DuplicateImageException;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.db.ImageGroupDao;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.testing.TestServer;

/**
 * The provider states the pacts name, set up through the real data layer. Parameters come from
 * the pact; what a state returns is injected into the request where the consumer asked for it.
 */
final class ProviderStates {

    private final TestServer server;

    ProviderStates(TestServer server) {
        this.server = server;
    }

    /**
     * "an image group exists": project_id, workspace_id ("0"), namespace, name, versions (tags
     * v1..vN, a hundred seconds apart). Idempotent.
     */
    Map<String, Object> imageGroupExists(Map<String, Object> params) {
        String project = text(params, "project_id", "dev-project");
        String workspace = text(params, "workspace_id", "0");
        String namespace = text(params, "namespace", "team");
        String name = text(params, "name", "app");
        int versions = Integer.parseInt(text(params, "versions", "1"));
        ImageDao images = server.images();
        for (int v = 1; v <= versions; v++) {
            long at = 1_700_000_000_000L + (v - 1) * 100_000L;
            try {
                images.insert(dedicated(project, workspace, namespace, name, "v" + v, at), GroupDetails.NONE);
            } catch (DuplicateImageException alreadySeeded) {
                // an earlier interaction seeded this version
            }
        }
        return Map.of();
    }

    /** "an image is registered": project_id, namespace, name, tag; returns its "id". */
    Map<String, Object> imageIsRegistered(Map<String, Object> params) {
        String project = text(params, "project_id", "dev-project");
        ImageRow image = dedicated(project, "0", text(params, "namespace", "team"), text(params, "name", "app"),
                text(params, "tag", "v1"), System.currentTimeMillis());
        ImageRow stored = server.images().insert(image, GroupDetails.NONE);
        return Map.of("id", stored.id());
    }

    /** "no image group exists": project_id, namespace, name; deletes it if an earlier interaction made it. */
    Map<String, Object> noImageGroup(Map<String, Object> params) {
        String project = text(params, "project_id", "dev-project");
        ImageGroupDao groups = server.data().groups();
        GroupFilter filter = GroupFilter.visibleTo(project, "0").withNamespace(text(params, "namespace", "team"))
                .withName(text(params, "name", "app"), false);
        server.data().listing().list(filter, 10, 0).page().items().forEach(g -> groups.delete(g.id()));
        return Map.of();
    }

    /** "a credential that may only read": returns the "token" of such a credential, for project-a. */
    Map<String, Object> readOnlyCredential() {
        return Map.of("token", TestServer.READER_TOKEN, "project_id", TestServer.PROJECT_A);
    }

    private static String text(Map<String, Object> params, String key, String fallback) {
        Object value = params.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
