package dev.modelarts.local.model;

import java.util.List;

import dev.modelarts.local.api.model.ImageType;

/** One row of image_groups: an image (namespace/name) in a scope, with its aggregates. */
public record GroupRow(
        String id,
        String scope,
        ImageType type,
        String projectId,
        String workspaceId,
        String namespace,
        String name,
        String description,
        String readMe,
        String iconName,
        String swrInstanceId,
        String swrInstanceName,
        int versionCount,
        long createAt,
        long updateAt,
        List<Tag> tags) {

    public GroupRow {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isBuiltIn() {
        return Scopes.BUILD_IN.equals(scope);
    }

    /** This group, as a write declares it changed. */
    public GroupKey key() {
        return new GroupKey(scope, id);
    }
}
