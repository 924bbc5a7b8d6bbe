package dev.modelarts.local.model;

/**
 * How visibility is stored: BUILD_IN rows have the empty scope, visible everywhere; DEDICATED
 * rows have the scope of the project and workspace that own them.
 */
public final class Scopes {

    public static final String BUILD_IN = "";

    private Scopes() {
    }

    public static String dedicated(String projectId, String workspaceId) {
        return projectId + "/" + workspaceId;
    }
}
