package dev.modelarts.local.testing;

import java.util.List;
import java.util.UUID;

import dev.modelarts.local.api.model.ImageType;
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
        return new ImageRow(UUID.randomUUID().toString(), null, Scopes.dedicated(projectId, workspaceId),
                ImageType.DEDICATED.toString(), projectId, workspaceId, namespace, name, tag,
                REGISTRY + "/" + namespace + "/" + name + ":" + tag, "X86_64", "CUSTOMIZE", "UNKNOWN",
                "ACTIVE", null, "PRIVATE", null, List.of("CPU", "GPU"), List.of("CPU", "GPU"),
                List.of("NOTEBOOK", "SSH"), 1024L, null, swrInstanceId, null, null, createAt, updateAt, List.of());
    }

    /** A BUILD_IN image, visible to every project. */
    public static ImageRow builtIn(String namespace, String name, String tag, long createAt) {
        String swrPath = REGISTRY + "/" + namespace + "/" + name + ":" + tag;
        return new ImageRow(UUID.randomUUID().toString(), null, Scopes.BUILD_IN, ImageType.BUILD_IN.toString(),
                null, null, namespace, name, tag, swrPath, "X86_64", null, "DEV", "ACTIVE", null, "PUBLIC",
                null, List.of("GPU"), List.of("GPU"), List.of("NOTEBOOK", "SSH"), 2048L, null, null, null,
                null, createAt, createAt, List.of());
    }
}
