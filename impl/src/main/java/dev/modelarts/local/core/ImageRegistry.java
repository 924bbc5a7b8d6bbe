package dev.modelarts.local.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.ImageOrigin;
import dev.modelarts.local.api.model.ImageRegRequest;
import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ImageVisibility;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.ServiceType;
import dev.modelarts.local.api.model.TmsTag;
import dev.modelarts.local.db.DuplicateImageException;
import dev.modelarts.local.db.GroupIndex;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.model.NewImage;
import dev.modelarts.local.db.ImageGroupDao;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.Ids;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.Page;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.model.Tag;
import dev.modelarts.local.model.Transition;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * The rules of the image family: what a project may see and change, the defaults of a
 * registration, and the answers the real service gives when a rule is broken.
 */
public final class ImageRegistry {

    private static final List<ResourceCategory> DEFAULT_CATEGORIES = List.of(ResourceCategory.CPU, ResourceCategory.GPU);
    private static final List<ImageService> DEFAULT_SERVICES = List.of(ImageService.NOTEBOOK, ImageService.SSH);
    private static final int MAX_TAG_KEY = 128;
    private static final int MAX_TAG_VALUE = 255;
    /** Statuses of an image that may be on its way along a transition. */
    private static final Set<ImageStatus> IN_PROGRESS = Set.of(ImageStatus.INIT, ImageStatus.CREATING,
            ImageStatus.DELETED);

    private final ImageDao images;
    private final ImageGroupDao groups;
    private final GroupIndex listing;
    private final TransitionRules transitions;
    private final Clock clock;
    private final Ids ids;

    /**
     * @param clock the server's clock: every create_at and update_at
     * @param ids where new images' ids come from
     */
    public ImageRegistry(ImageDao images, ImageGroupDao groups, GroupIndex listing, TransitionRules transitions,
            Clock clock, Ids ids) {
        this.images = images;
        this.groups = groups;
        this.listing = listing;
        this.transitions = transitions;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * One page of the groups that match {@code filter}, with the filtered total. The count and
     * the page come from one state of each visible scope, so they agree even while others write.
     */
    public GroupPage listGroups(GroupFilter filter, int limit, long offset) {
        transitions.settle();
        return listing.list(filter, limit, offset);
    }

    /**
     * Registers an image pushed to SWR as a DEDICATED image of the project: ACTIVE, or at the
     * first status of the transition a rule gives it.
     */
    public ImageRow register(String projectId, ImageRegRequest request) {
        NewImage registration = registration(projectId, request);
        Optional<Transition> transition = transitions.forRegistration(registration.image());
        ImageRow image = transition.map(t -> registration.image().toBuilder().status(t.status(0).orElseThrow())
                .statusMessage(t.statusMessageAt(0)).build()).orElse(registration.image());
        try {
            return images.insert(image, registration.group(), transition);
        } catch (DuplicateImageException e) {
            throw new ApiException(ErrorCode.DUPLICATE_TAG, "Conflict tag " + e.tag() + " for image "
                    + e.image() + ", tag cannot be duplicated.");
        }
    }

    /**
     * The image a registration makes, with the details of its group if the group is new: the
     * request's values, RegisterImage's defaults, a new id.
     *
     * @throws ApiException when the request breaks a rule the spec's constraints do not state
     */
    public NewImage registration(String projectId, ImageRegRequest request) {
        SwrPath path = SwrPath.parse(request.getSwrPath()).orElseThrow(() ->
                new ApiException(ErrorCode.FIELD_INVALID, "'swr_path' property value is incorrect:"
                        + " expected [registry[:port]/]namespace/name:tag."));
        String workspaceId = request.getWorkspaceId() == null ? "0" : request.getWorkspaceId();
        List<ResourceCategory> categories = orDefault(request.getResourceCategory(), DEFAULT_CATEGORIES);
        long now = clock.millis();
        ImageRow image = ImageRow.builder()
                .id(ids.next())
                .scope(Scopes.dedicated(projectId, workspaceId))
                .type(ImageType.DEDICATED)
                .projectId(projectId)
                .workspaceId(workspaceId)
                .namespace(path.namespace())
                .name(path.name())
                .tag(path.tag())
                .swrPath(request.getSwrPath())
                .arch(Objects.requireNonNullElse(request.getArch(), Arch.X86_64))
                .origin(Objects.requireNonNullElse(request.getOrigin(), ImageOrigin.CUSTOMIZE))
                .serviceType(Objects.requireNonNullElse(request.getServiceType(), ServiceType.UNKNOWN))
                .status(ImageStatus.ACTIVE)
                .visibility(Objects.requireNonNullElse(request.getVisibility(), ImageVisibility.PRIVATE))
                .description(request.getDescription())
                .resourceCategories(categories)
                .supportResCategories(categories)
                .devServices(orDefault(request.getServices(), DEFAULT_SERVICES))
                .flavorType(request.getFlavorType())
                .swrInstanceId(request.getSwrInstanceId())
                .createAt(now)
                .updateAt(now)
                .tags(registrationTags(request.getTags()))
                .build();
        return new NewImage(image, new GroupDetails(request.getDescription(), request.getReadMe(), null, null));
    }

    /** An image the project may see: BUILD_IN, or its own in any workspace. */
    public ImageRow visibleImage(String projectId, String id) {
        return images.find(id).filter(image -> visible(image.isBuiltIn(), image.projectId(), projectId))
                .orElseThrow(() -> imageNotFound(id));
    }

    /**
     * ShowImage: the image as it is now. An image on its way along a transition that goes by
     * polls counts the call, after answering it with the status it found.
     */
    public ImageRow show(String projectId, String id) {
        ImageRow image = current(projectId, id);
        if (!IN_PROGRESS.contains(image.status())) {
            return image;
        }
        return transitions.poll(id).orElseThrow(() -> imageNotFound(id));
    }

    /** An image the project may see, after the timed status steps due now. */
    public ImageRow current(String projectId, String id) {
        transitions.settle();
        return visibleImage(projectId, id);
    }

    public Page<ImageRow> list(ImageFilter filter, ImageSort sort, int limit, long offset) {
        transitions.settle();
        return images.list(filter, sort, limit, offset);
    }

    /**
     * Deletes one of the project's images; BUILD_IN images are refused. A deletion rule makes it
     * gradual: the image shows DELETED until its transition ends.
     */
    public ImageRow delete(String projectId, String id) {
        ImageRow image = current(projectId, id);
        if (image.isBuiltIn()) {
            throw notAuthorized("modelarts:image:delete", "built-in images cannot be deleted");
        }
        if (image.status() == ImageStatus.DELETED && transitions.onItsWay(id)) {
            return image; // being deleted already
        }
        Optional<Transition> gradual = transitions.forDeletion(image);
        if (gradual.isPresent()) {
            return transitions.beginDelete(id, gradual.get()).orElseThrow(() -> imageNotFound(id));
        }
        return images.delete(id, clock.millis()).orElseThrow(() -> imageNotFound(id));
    }

    /** Sets a group's README and/or tags; only the project's own groups. */
    public GroupRow updateGroup(String projectId, String id, String readMe, List<TmsTag> tags) {
        transitions.settle();
        ownGroup(projectId, id, "modelarts:image:updateGroup");
        List<Tag> newTags = tags == null ? null : tags.stream().map(t -> new Tag(t.getKey(), t.getValue())).toList();
        return groups.updateDetails(id, readMe, newTags, clock.millis()).orElseThrow(() -> groupNotFound(id));
    }

    /** Deletes a group of the project with all its versions; answers with the group as it was. */
    public GroupRow deleteGroup(String projectId, String id) {
        transitions.settle();
        ownGroup(projectId, id, "modelarts:image:deleteGroup");
        return groups.delete(id).orElseThrow(() -> groupNotFound(id));
    }

    private void ownGroup(String projectId, String id, String action) {
        GroupRow group = groups.find(id).filter(g -> visible(g.isBuiltIn(), g.projectId(), projectId))
                .orElseThrow(() -> groupNotFound(id));
        if (group.isBuiltIn()) {
            throw notAuthorized(action, "built-in image groups cannot be changed");
        }
    }

    private static boolean visible(boolean builtIn, String owner, String projectId) {
        return builtIn || projectId.equals(owner);
    }

    private static ApiException imageNotFound(String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "The image " + id + " does not exist.");
    }

    private static ApiException groupNotFound(String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "The image group " + id + " does not exist.");
    }

    private static ApiException notAuthorized(String action, String why) {
        return new ApiException(ErrorCode.NOT_AUTHORIZED,
                "You are not authorized to perform the (" + action + ") operation: " + why + ".");
    }

    /** The values once each, in their order; the default when there are none. */
    private static <T> List<T> orDefault(Collection<T> values, List<T> fallback) {
        return values == null || values.isEmpty() ? fallback : values.stream().distinct().toList();
    }

    /**
     * RegisterImage's tags: the SDKs send strings, the documents describe key/value objects
     * (docs/api-reference.md §9.7). A string is {@code key} or {@code key=value}.
     */
    static List<Tag> registrationTags(List<Object> tags) {
        if (tags == null) {
            return List.of();
        }
        List<Tag> result = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            Object tag = tags.get(i);
            Tag parsed;
            if (tag instanceof String text) {
                int eq = text.indexOf('=');
                parsed = eq < 0 ? new Tag(text, null) : new Tag(text.substring(0, eq), text.substring(eq + 1));
            } else if (tag instanceof Map<?, ?> map && map.get("key") instanceof String key
                    && (map.get("value") == null || map.get("value") instanceof String)
                    && map.keySet().stream().allMatch(k -> "key".equals(k) || "value".equals(k))) {
                parsed = new Tag(key, (String) map.get("value"));
            } else {
                throw invalidTag(i, "must be a string or an object with a string 'key' and 'value'");
            }
            check(parsed.key(), 1, MAX_TAG_KEY, i, "key");
            if (parsed.value() != null) {
                check(parsed.value(), 0, MAX_TAG_VALUE, i, "value");
            }
            result.add(parsed);
        }
        return result;
    }

    private static void check(String text, int min, int max, int index, String part) {
        int length = text.length();
        if (length < min || length > max) {
            throw invalidTag(index, "its " + part + " must be " + min + " to " + max + " characters long");
        }
    }

    private static ApiException invalidTag(int index, String why) {
        return new ApiException(ErrorCode.FIELD_INVALID,
                "'tags[" + index + "]' property value is incorrect: " + why + ".");
    }
}
