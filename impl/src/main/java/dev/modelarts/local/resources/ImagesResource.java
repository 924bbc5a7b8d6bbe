package dev.modelarts.local.resources;

import dev.modelarts.local.api.ImagesApi;
import dev.modelarts.local.api.model.DeleteRequestBody;
import dev.modelarts.local.api.model.Image;
import dev.modelarts.local.api.model.ImageRegRequest;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ListImageResponse;
import dev.modelarts.local.api.model.ServiceType;
import dev.modelarts.local.api.model.SortDir;
import dev.modelarts.local.core.ImageRegistry;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.http.KeptJson;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.Page;

/**
 * RegisterImage, ListImage, ShowImage, DeleteImage and SyncImage. Parameters and bodies arrive
 * validated against the spec; the rules are {@link ImageRegistry}'s.
 */
public final class ImagesResource implements ImagesApi {

    private final ImageRegistry registry;
    private final KeptJson kept;

    /** @param kept where the views of ListImage's and ShowImage's kept answers are kept, and their JSON */
    public ImagesResource(ImageRegistry registry, KeptJson kept) {
        this.registry = registry;
        this.kept = kept;
    }

    @Override
    public Image registerImage(String projectId, ImageRegRequest request) {
        return ApiViews.image(registry.register(projectId, request));
    }

    @Override
    public ListImageResponse listImage(String projectId, Integer limit, Integer offset, String name,
            Boolean nameFuzzyMatch, String namespace, String workspaceId, ServiceType serviceType, SortDir sortDir,
            String sortKey, ImageType type, String showName, String showTag, ImageStatus status) {
        ImageFilter filter = new ImageFilter(
                new GroupFilter(projectId, workspaceId, type, name, nameFuzzyMatch, namespace, null),
                serviceType, showName, showTag, status);
        ImageSort sort;
        try {
            sort = ImageSort.parse(sortKey, sortDir != SortDir.ASC);
        } catch (ImageSort.UnsortableField e) {
            throw new ApiException(ErrorCode.SORT_NOT_SUPPORTED, e.getMessage());
        }
        return kept.view(registry.list(filter, sort, limit, offset), ImagesResource::view);
    }

    private static ListImageResponse view(Page<ImageRow> page) {
        return ListImageResponse.builder()
                .current(page.index())
                .data(page.items().stream().map(ApiViews::listed).toList())
                .pages(page.pages())
                .size(page.limit())
                .total(page.total())
                .build();
    }

    @Override
    public Image showImage(String projectId, String id) {
        return kept.view(registry.show(projectId, id), ApiViews::image);
    }

    /** Both the documents' {@code ?force=} and the SDKs' body {@code is_force} are accepted; neither acts here. */
    @Override
    public Image deleteImage(String projectId, String id, Boolean force, DeleteRequestBody body) {
        Image deleted = ApiViews.image(registry.delete(projectId, id));
        deleted.setStatus(ImageStatus.DELETED);
        return deleted;
    }

    @Override
    public Image syncImage(String projectId, String imageId) {
        return ApiViews.image(registry.current(projectId, imageId));
    }
}
