package dev.modelarts.local.db;

/** One row of image_groups: an image (namespace/name) in a scope, with its aggregates. */
public record GroupRow(
        String id,
        String scope,
        String type,
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
        long updateAt) {
}
