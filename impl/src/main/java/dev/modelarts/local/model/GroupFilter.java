package dev.modelarts.local.model;

import java.util.Objects;

import dev.modelarts.local.api.model.ImageType;

/**
 * What a group listing asks for. Absent filters are null; {@code type} null means both types.
 *
 * @param projectId     the project in the path
 * @param workspaceId   the workspace whose DEDICATED groups are visible ("0" by default)
 * @param type          BUILD_IN, DEDICATED, or null for both
 * @param name          exact name, or a substring when {@code nameFuzzy}
 * @param nameFuzzy     whether {@code name} is a substring; {@code _} and {@code %} are literal
 * @param namespace     exact namespace
 * @param swrInstanceId exact SWR enterprise instance id
 */
public record GroupFilter(
        String projectId,
        String workspaceId,
        ImageType type,
        String name,
        boolean nameFuzzy,
        String namespace,
        String swrInstanceId) {

    public GroupFilter {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }

    /** Everything visible to a project's workspace, no filter. */
    public static GroupFilter visibleTo(String projectId, String workspaceId) {
        return new GroupFilter(projectId, workspaceId, null, null, true, null, null);
    }

    public GroupFilter withType(ImageType newType) {
        return new GroupFilter(projectId, workspaceId, newType, name, nameFuzzy, namespace, swrInstanceId);
    }

    public GroupFilter withName(String newName, boolean fuzzy) {
        return new GroupFilter(projectId, workspaceId, type, newName, fuzzy, namespace, swrInstanceId);
    }

    public GroupFilter withNamespace(String newNamespace) {
        return new GroupFilter(projectId, workspaceId, type, name, nameFuzzy, newNamespace, swrInstanceId);
    }

    public GroupFilter withSwrInstanceId(String newSwrInstanceId) {
        return new GroupFilter(projectId, workspaceId, type, name, nameFuzzy, namespace, newSwrInstanceId);
    }
}
