package dev.modelarts.local.testing;

import java.util.List;
import java.util.UUID;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.ImageOrigin;
import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ImageVisibility;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.ServiceType;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;

/** Builds image rows for tests. */
public final class TestImages {

    public static final String REGISTRY = "swr.cn-north-4.myhuaweicloud.com";

    private TestImages() {
    }

    /** A DEDICATED image of {@code projectId} in {@code workspaceId}. */
    public static ImageRow dedicated(String projectId, String workspaceId, String namespace, String name,
            String tag, long createAt) {
        return dedicated(projectId, workspaceId, namespace, name, tag, createAt, createAt, null);
    }

    public static ImageRow dedicated(String projectId, String workspaceId, String namespace, String name,
            String tag, long createAt, long updateAt, String swrInstanceId) {
        return ImageRow.builder()
                .id(UUID.randomUUID().toString())
                .scope(Scopes.dedicated(projectId, workspaceId))
                .type(ImageType.DEDICATED)
                .projectId(projectId)
                .workspaceId(workspaceId)
                .namespace(namespace)
                .name(name)
                .tag(tag)
                .swrPath(REGISTRY + "/" + namespace + "/" + name + ":" + tag)
                .arch(Arch.X86_64)
                .origin(ImageOrigin.CUSTOMIZE)
                .serviceType(ServiceType.UNKNOWN)
                .status(ImageStatus.ACTIVE)
                .visibility(ImageVisibility.PRIVATE)
                .resourceCategories(List.of(ResourceCategory.CPU, ResourceCategory.GPU))
                .supportResCategories(List.of(ResourceCategory.CPU, ResourceCategory.GPU))
                .devServices(List.of(ImageService.NOTEBOOK, ImageService.SSH))
                .imageSize(1024L)
                .swrInstanceId(swrInstanceId)
                .createAt(createAt)
                .updateAt(updateAt)
                .build();
    }

    /** A BUILD_IN image, visible to every project. */
    public static ImageRow builtIn(String namespace, String name, String tag, long createAt) {
        String swrPath = REGISTRY + "/" + namespace + "/" + name + ":" + tag;
        return ImageRow.builder()
                .id(UUID.randomUUID().toString())
                .scope(Scopes.BUILD_IN)
                .type(ImageType.BUILD_IN)
                .namespace(namespace)
                .name(name)
                .tag(tag)
                .swrPath(swrPath)
                .arch(Arch.X86_64)
                .serviceType(ServiceType.DEV)
                .status(ImageStatus.ACTIVE)
                .visibility(ImageVisibility.PUBLIC)
                .resourceCategories(List.of(ResourceCategory.GPU))
                .supportResCategories(List.of(ResourceCategory.GPU))
                .devServices(List.of(ImageService.NOTEBOOK, ImageService.SSH))
                .imageSize(2048L)
                .createAt(createAt)
                .updateAt(createAt)
                .build();
    }
}
