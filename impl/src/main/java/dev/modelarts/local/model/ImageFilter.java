package dev.modelarts.local.model;

import java.util.Objects;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ServiceType;

/**
 * What an image listing asks for; absent filters are null, {@code type} null means both types.
 */
public record ImageFilter(
        String projectId,
        String workspaceId,
        ImageType type,
        String name,
        boolean nameFuzzy,
        String namespace,
        ServiceType serviceType,
        String showName,
        String showTag) {

    public ImageFilter {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }
}
