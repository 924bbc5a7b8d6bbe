package dev.modelarts.local.model;

import java.util.List;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.ImageOrigin;
import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ImageVisibility;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.ServiceType;

/**
 * One image: one version (tag) of an image group, named by its SWR path first, then placed (its
 * group, scope and owner). Where the spec has an enum, so does the row (the generated enums: the
 * spec stays the one source). Made with {@link #builder()}.
 */
public record ImageRow(
        String id,
        String namespace,
        String name,
        String tag,
        String swrPath,
        String groupId,
        String scope,
        ImageType type,
        String projectId,
        String workspaceId,
        Arch arch,
        ImageOrigin origin,
        ServiceType serviceType,
        ImageStatus status,
        String statusMessage,
        ImageVisibility visibility,
        String description,
        List<ResourceCategory> resourceCategories,
        List<ResourceCategory> supportResCategories,
        List<ImageService> devServices,
        Long imageSize,
        String flavorType,
        String swrInstanceId,
        String showName,
        String showTag,
        long createAt,
        long updateAt,
        List<Tag> tags) {

    public ImageRow {
        resourceCategories = resourceCategories == null ? List.of() : List.copyOf(resourceCategories);
        supportResCategories = supportResCategories == null ? List.of() : List.copyOf(supportResCategories);
        devServices = devServices == null ? List.of() : List.copyOf(devServices);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isBuiltIn() {
        return Scopes.BUILD_IN.equals(scope);
    }

    /** The group this image is a version of, as a write declares it changed. */
    public GroupKey groupKey() {
        return new GroupKey(scope, groupId);
    }

    /** This row attached to another group (the group id is only known when the write runs). */
    public ImageRow withGroupId(String newGroupId) {
        return toBuilder().groupId(newGroupId).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).groupId(groupId).scope(scope).type(type).projectId(projectId)
                .workspaceId(workspaceId).namespace(namespace).name(name).tag(tag).swrPath(swrPath).arch(arch)
                .origin(origin).serviceType(serviceType).status(status).statusMessage(statusMessage)
                .visibility(visibility).description(description).resourceCategories(resourceCategories)
                .supportResCategories(supportResCategories).devServices(devServices).imageSize(imageSize)
                .flavorType(flavorType).swrInstanceId(swrInstanceId).showName(showName).showTag(showTag)
                .createAt(createAt).updateAt(updateAt).tags(tags);
    }

    /** Every field absent (null, empty, 0) until set. */
    public static final class Builder {
        private String id;
        private String groupId;
        private String scope;
        private ImageType type;
        private String projectId;
        private String workspaceId;
        private String namespace;
        private String name;
        private String tag;
        private String swrPath;
        private Arch arch;
        private ImageOrigin origin;
        private ServiceType serviceType;
        private ImageStatus status;
        private String statusMessage;
        private ImageVisibility visibility;
        private String description;
        private List<ResourceCategory> resourceCategories;
        private List<ResourceCategory> supportResCategories;
        private List<ImageService> devServices;
        private Long imageSize;
        private String flavorType;
        private String swrInstanceId;
        private String showName;
        private String showTag;
        private long createAt;
        private long updateAt;
        private List<Tag> tags;

        private Builder() {
        }

        // @formatter:off
        public Builder id(String v) { id = v; return this; }
        public Builder groupId(String v) { groupId = v; return this; }
        public Builder scope(String v) { scope = v; return this; }
        public Builder type(ImageType v) { type = v; return this; }
        public Builder projectId(String v) { projectId = v; return this; }
        public Builder workspaceId(String v) { workspaceId = v; return this; }
        public Builder namespace(String v) { namespace = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder tag(String v) { tag = v; return this; }
        public Builder swrPath(String v) { swrPath = v; return this; }
        public Builder arch(Arch v) { arch = v; return this; }
        public Builder origin(ImageOrigin v) { origin = v; return this; }
        public Builder serviceType(ServiceType v) { serviceType = v; return this; }
        public Builder status(ImageStatus v) { status = v; return this; }
        public Builder statusMessage(String v) { statusMessage = v; return this; }
        public Builder visibility(ImageVisibility v) { visibility = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder resourceCategories(List<ResourceCategory> v) { resourceCategories = v; return this; }
        public Builder supportResCategories(List<ResourceCategory> v) { supportResCategories = v; return this; }
        public Builder devServices(List<ImageService> v) { devServices = v; return this; }
        public Builder imageSize(Long v) { imageSize = v; return this; }
        public Builder flavorType(String v) { flavorType = v; return this; }
        public Builder swrInstanceId(String v) { swrInstanceId = v; return this; }
        public Builder showName(String v) { showName = v; return this; }
        public Builder showTag(String v) { showTag = v; return this; }
        public Builder createAt(long v) { createAt = v; return this; }
        public Builder updateAt(long v) { updateAt = v; return this; }
        public Builder tags(List<Tag> v) { tags = v; return this; }
        // @formatter:on

        public ImageRow build() {
            return new ImageRow(id, namespace, name, tag, swrPath, groupId, scope, type, projectId, workspaceId, arch,
                    origin, serviceType, status, statusMessage, visibility, description, resourceCategories,
                    supportResCategories, devServices, imageSize, flavorType, swrInstanceId, showName, showTag, createAt,
                    updateAt, tags);
        }
    }
}
