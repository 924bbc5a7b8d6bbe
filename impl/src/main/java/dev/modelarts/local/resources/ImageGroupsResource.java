package dev.modelarts.local.resources;

import java.util.List;

import dev.modelarts.local.api.ImageGroupsApi;
import dev.modelarts.local.api.model.ImageGroup;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ListImageGroupResponse;
import dev.modelarts.local.core.GroupFilter;
import dev.modelarts.local.core.Page;
import dev.modelarts.local.db.GroupPage;
import dev.modelarts.local.db.GroupRow;
import dev.modelarts.local.db.ImageGroupDao;

/**
 * ListImageGroup. Parameters arrive validated against the spec (the constraints are on the
 * generated interface), with the spec's defaults applied.
 */
public final class ImageGroupsResource implements ImageGroupsApi {

    private final ImageGroupDao groups;

    public ImageGroupsResource(ImageGroupDao groups) {
        this.groups = groups;
    }

    @Override
    public ListImageGroupResponse listImageGroup(String projectId, String name, Boolean nameFuzzyMatch,
            String namespace, ImageType type, String workspaceId, Integer limit, Integer offset,
            String swrInstanceId) {
        GroupFilter filter = new GroupFilter(projectId, workspaceId, type, name,
                nameFuzzyMatch, namespace, swrInstanceId);
        GroupPage result = groups.list(filter, limit, offset);
        Page<GroupRow> page = result.page();
        List<ImageGroup> data = page.items().stream().map(ImageGroupsResource::toApi).toList();
        return ListImageGroupResponse.builder()
                .current(page.current())
                .data(data)
                .pages(page.pages())
                .size(page.size())
                .total(page.total())
                .isSwrEnterprise(result.anySwrEnterprise())
                .build();
    }

    static ImageGroup toApi(GroupRow row) {
        return ImageGroup.builder()
                .id(row.id())
                .name(row.name())
                .namespace(row.namespace())
                .createAt(row.createAt())
                .updateAt(row.updateAt())
                .versionCount(row.versionCount())
                .description(row.description())
                .readMe(row.readMe())
                .iconName(row.iconName())
                .swrInstanceId(row.swrInstanceId())
                .swrInstanceName(row.swrInstanceName())
                .build();
    }
}
