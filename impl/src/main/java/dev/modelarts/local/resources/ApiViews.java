package dev.modelarts.local.resources;

import java.util.List;
import java.util.function.Function;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.Image;
import dev.modelarts.local.api.model.ImageGroup;
import dev.modelarts.local.api.model.ImageOrigin;
import dev.modelarts.local.api.model.ImageResponse;
import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ImageVisibility;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.ServiceType;
import dev.modelarts.local.api.model.TmsTag;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Tag;

/**
 * Rows as the API shows them. Empty lists and absent values are left out (null), so that the
 * JSON omits them, as the real service does.
 */
final class ApiViews {

    private ApiViews() {
    }

    static ImageGroup group(GroupRow row) {
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
                .tags(tags(row.tags()))
                .build();
    }

    /** An image as ShowImage, RegisterImage, DeleteImage and SyncImage answer it. */
    static Image image(ImageRow row) {
        return Image.builder()
                .id(row.id())
                .name(row.name())
                .namespace(row.namespace())
                .tag(row.tag())
                .swrPath(row.swrPath())
                .type(ImageType.fromValue(row.type()))
                .status(ImageStatus.fromValue(row.status()))
                .statusMessage(row.statusMessage())
                .arch(Arch.fromValue(row.arch()))
                .origin(row.origin() == null ? null : ImageOrigin.fromValue(row.origin()))
                .serviceType(row.serviceType() == null ? null : ServiceType.fromValue(row.serviceType()))
                .visibility(row.visibility() == null ? null : ImageVisibility.fromValue(row.visibility()))
                .description(row.description())
                .resourceCategories(list(row.resourceCategories(), ResourceCategory::fromValue))
                .supportResCategories(list(row.supportResCategories(), ResourceCategory::fromValue))
                .devServices(list(row.devServices(), ImageService::fromValue))
                .size(row.size())
                .flavorType(row.flavorType())
                .swrInstanceId(row.swrInstanceId())
                .showName(row.showName())
                .showTag(row.showTag())
                .workspaceId(row.workspaceId())
                .createAt(row.createAt())
                .updateAt(row.updateAt())
                .tags(tags(row.tags()))
                .build();
    }

    /** An image as ListImage lists it: the same without support_res_categories. */
    static ImageResponse listed(ImageRow row) {
        return ImageResponse.builder()
                .id(row.id())
                .name(row.name())
                .namespace(row.namespace())
                .tag(row.tag())
                .swrPath(row.swrPath())
                .type(ImageType.fromValue(row.type()))
                .status(ImageStatus.fromValue(row.status()))
                .statusMessage(row.statusMessage())
                .arch(Arch.fromValue(row.arch()))
                .origin(row.origin() == null ? null : ImageOrigin.fromValue(row.origin()))
                .serviceType(row.serviceType() == null ? null : ServiceType.fromValue(row.serviceType()))
                .visibility(row.visibility() == null ? null : ImageVisibility.fromValue(row.visibility()))
                .description(row.description())
                .resourceCategories(list(row.resourceCategories(), ResourceCategory::fromValue))
                .devServices(list(row.devServices(), ImageService::fromValue))
                .size(row.size())
                .flavorType(row.flavorType())
                .swrInstanceId(row.swrInstanceId())
                .showName(row.showName())
                .showTag(row.showTag())
                .workspaceId(row.workspaceId())
                .createAt(row.createAt())
                .updateAt(row.updateAt())
                .tags(tags(row.tags()))
                .build();
    }

    private static <T> List<T> list(List<String> values, Function<String, T> parse) {
        return values.isEmpty() ? null : values.stream().map(parse).toList();
    }

    private static List<TmsTag> tags(List<Tag> tags) {
        return tags.isEmpty() ? null : tags.stream().map(ApiViews::tag).toList();
    }

    private static TmsTag tag(Tag tag) {
        TmsTag view = new TmsTag(tag.key());
        view.setValue(tag.value());
        return view;
    }
}
