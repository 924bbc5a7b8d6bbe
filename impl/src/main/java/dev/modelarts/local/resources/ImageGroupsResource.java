package dev.modelarts.local.resources;

import java.util.List;

import dev.modelarts.local.api.ImageGroupsApi;
import dev.modelarts.local.api.model.DeleteRequestBody;
import dev.modelarts.local.api.model.ImageGroup;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ListImageGroupResponse;
import dev.modelarts.local.api.model.TmsTag;
import dev.modelarts.local.api.model.UpdateImageGroupRequestBody;
import dev.modelarts.local.core.ImageRegistry;
import dev.modelarts.local.http.KeptJson;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.Page;

/**
 * ListImageGroup, UpdateImageGroup and DeleteImageGroup. Parameters arrive validated against the spec (the constraints are on the
 * generated interface), with the spec's defaults applied.
 */
public final class ImageGroupsResource implements ImageGroupsApi {

    private final ImageRegistry registry;
    private final KeptJson kept;

    /** @param kept where the views of the listing's kept answers are kept, and their JSON */
    public ImageGroupsResource(ImageRegistry registry, KeptJson kept) {
        this.registry = registry;
        this.kept = kept;
    }

    @Override
    public ListImageGroupResponse listImageGroup(String projectId, String name, Boolean nameFuzzyMatch,
            String namespace, ImageType type, String workspaceId, Integer limit, Integer offset,
            String swrInstanceId) {
        GroupFilter filter = new GroupFilter(projectId, workspaceId, type, name,
                nameFuzzyMatch, namespace, swrInstanceId);
        return kept.view(registry.listGroups(filter, limit, offset), ImageGroupsResource::view);
    }

    private static ListImageGroupResponse view(GroupPage result) {
        Page<GroupRow> page = result.page();
        List<ImageGroup> data = page.items().stream().map(ApiViews::group).toList();
        return ListImageGroupResponse.builder()
                .current(page.current())
                .data(data)
                .pages(page.pages())
                .size(page.size())
                .total(page.total())
                .isSwrEnterprise(result.anySwrEnterprise())
                .build();
    }

    @Override
    public ImageGroup updateImageGroup(String projectId, String id, UpdateImageGroupRequestBody body) {
        String readMe = body == null ? null : body.getReadMe();
        List<TmsTag> tags = body == null || body.getTags() == null ? null : body.getTags();
        return ApiViews.group(registry.updateGroup(projectId, id, readMe, tags));
    }

    /** The body's {@code is_force} is accepted and has no effect: there is no SWR content here. */
    @Override
    public ImageGroup deleteImageGroup(String projectId, String id, DeleteRequestBody body) {
        return ApiViews.group(registry.deleteGroup(projectId, id));
    }
}
