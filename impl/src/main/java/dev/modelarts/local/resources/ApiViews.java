package dev.modelarts.local.resources;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.Image;
import dev.modelarts.local.api.model.ImageGroup;
import dev.modelarts.local.api.model.ImageResponse;
import dev.modelarts.local.api.model.TmsTag;
import dev.modelarts.local.http.JsonMapperProvider;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Tag;

/**
 * Rows as the API shows them. Empty lists and absent values are left out (null), so that the
 * JSON omits them, as the real service does.
 */
final class ApiViews {

    private static final ObjectMapper JSON = JsonMapperProvider.createMapper();

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

    /**
     * An image as ShowImage, RegisterImage, DeleteImage and SyncImage answer it: as ListImage
     * lists it, plus support_res_categories. The two are separate schemas in the spec (so
     * separate generated classes) with the same fields otherwise; one answer is one conversion.
     */
    static Image image(ImageRow row) {
        Image image = JSON.convertValue(listed(row), Image.class);
        image.setSupportResCategories(orNull(row.supportResCategories()));
        return image;
    }

    /** An image as ListImage lists it. */
    static ImageResponse listed(ImageRow row) {
        return ImageResponse.builder()
                .id(row.id())
                .name(row.name())
                .namespace(row.namespace())
                .tag(row.tag())
                .swrPath(row.swrPath())
                .type(row.type())
                .status(row.status())
                .statusMessage(row.statusMessage())
                .arch(row.arch())
                .origin(row.origin())
                .serviceType(row.serviceType())
                .visibility(row.visibility())
                .description(row.description())
                .resourceCategories(orNull(row.resourceCategories()))
                .devServices(orNull(row.devServices()))
                .size(row.imageSize())
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

    private static <T> List<T> orNull(List<T> values) {
        return values.isEmpty() ? null : values;
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
