package dev.modelarts.local.model;

import java.util.List;

/** One row of images: one version (tag) of an image. List columns are stored comma-separated. */
public record ImageRow(
        String id,
        String groupId,
        String scope,
        String type,
        String projectId,
        String workspaceId,
        String namespace,
        String name,
        String tag,
        String swrPath,
        String arch,
        String origin,
        String serviceType,
        String status,
        String statusMessage,
        String visibility,
        String description,
        List<String> resourceCategories,
        List<String> supportResCategories,
        List<String> devServices,
        Long size,
        String flavorType,
        String swrInstanceId,
        String showName,
        String showTag,
        long createAt,
        long updateAt,
        List<Tag> tags) {

    public ImageRow {
        resourceCategories = List.copyOf(resourceCategories);
        supportResCategories = List.copyOf(supportResCategories);
        devServices = List.copyOf(devServices);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isBuiltIn() {
        return Scopes.BUILD_IN.equals(scope);
    }

    /** This row attached to another group (the group id is only known when the write runs). */
    public ImageRow withGroupId(String newGroupId) {
        return new ImageRow(id, newGroupId, scope, type, projectId, workspaceId, namespace, name, tag,
                swrPath, arch, origin, serviceType, status, statusMessage, visibility, description,
                resourceCategories, supportResCategories, devServices, size, flavorType, swrInstanceId,
                showName, showTag, createAt, updateAt, tags);
    }
}
