package dev.modelarts.local.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ImageVisibility;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.ServiceType;
import dev.modelarts.local.db.DuplicateImageException;
import dev.modelarts.local.model.NewImage;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.model.BuiltInIds;

/**
 * The ModelArts preset images every project sees (type BUILD_IN), shipped as the resource
 * {@value #RESOURCE}.
 */
public final class BuiltInCatalog {

    public static final String RESOURCE = "/catalog/built-in-images.json";

    private final List<NewImage> entries;

    private BuiltInCatalog(List<NewImage> entries) {
        this.entries = List.copyOf(entries);
    }


    public static BuiltInCatalog load() {
        try (InputStream in = BuiltInCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            ObjectMapper mapper = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return fromDocument(mapper.readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static BuiltInCatalog fromDocument(Document doc) {
        List<NewImage> entries = new ArrayList<>();
        for (GroupJson g : doc.groups) {
            GroupDetails details = new GroupDetails(g.description, null, g.iconName, null);
            for (VersionJson v : g.versions) {
                String swrPath = doc.registry + "/" + g.namespace + "/" + g.name + ":" + v.tag;
                ImageRow image = ImageRow.builder()
                        .id(BuiltInIds.image(swrPath))
                        .scope(Scopes.BUILD_IN)
                        .type(ImageType.BUILD_IN)
                        .namespace(g.namespace)
                        .name(g.name)
                        .tag(v.tag)
                        .swrPath(swrPath)
                        .arch(v.arch)
                        .serviceType(v.serviceType)
                        .status(ImageStatus.ACTIVE)
                        .visibility(ImageVisibility.PUBLIC)
                        .description(g.description)
                        .resourceCategories(v.resourceCategories)
                        .supportResCategories(v.resourceCategories)
                        .devServices(v.devServices)
                        .imageSize(v.size)
                        .flavorType(v.flavorType)
                        .showName(v.showName)
                        .showTag(v.showTag)
                        .createAt(v.createAt)
                        .updateAt(v.createAt)
                        .build();
                entries.add(new NewImage(image, details));
            }
        }
        return new BuiltInCatalog(entries);
    }

    public List<NewImage> entries() {
        return entries;
    }

    public long groupCount() {
        return entries.stream().map(e -> e.image().namespace() + "/" + e.image().name()).distinct().count();
    }

    /**
     * Inserts the images that the database does not have yet; safe to run on every start, and
     * from several instances at once.
     *
     * @return how many images were inserted
     */
    public int installInto(ImageDao images) {
        try {
            return images.insertMissing(entries);
        } catch (DuplicateImageException anotherInstanceWasFirst) {
            // several instances starting at once over one database: one installs, the others
            // find its images on a second look and insert nothing
            return images.insertMissing(entries);
        }
    }

    // The resource's JSON shape.

    private static final class Document {
        @JsonProperty("registry") String registry;
        @JsonProperty("description") String description;
        @JsonProperty("groups") List<GroupJson> groups = List.of();
    }

    private static final class GroupJson {
        @JsonProperty("namespace") String namespace;
        @JsonProperty("name") String name;
        @JsonProperty("description") String description;
        @JsonProperty("icon_name") String iconName;
        @JsonProperty("versions") List<VersionJson> versions = List.of();
    }

    private static final class VersionJson {
        @JsonProperty("tag") String tag;
        @JsonProperty("arch") Arch arch;
        @JsonProperty("resource_categories") List<ResourceCategory> resourceCategories = List.of();
        @JsonProperty("service_type") ServiceType serviceType;
        @JsonProperty("size") Long size;
        @JsonProperty("create_at") long createAt;
        @JsonProperty("show_name") String showName;
        @JsonProperty("show_tag") String showTag;
        @JsonProperty("dev_services") List<ImageService> devServices = List.of();
        @JsonProperty("flavor_type") String flavorType;
    }
}
