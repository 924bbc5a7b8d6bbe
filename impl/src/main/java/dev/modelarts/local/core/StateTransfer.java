package dev.modelarts.local.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.db.StateDao;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.StateSnapshot;
import dev.modelarts.local.model.Transition;

/**
 * State export and import ({@code /_modelarts/state}, {@code --state FILE}): every DEDICATED
 * group, image and transition as one snapshot, and the checks an imported one passes before it
 * replaces the stored state (a failed check names the entry, {@code groups[2].images[0]}).
 */
public final class StateTransfer {

    /** The document format this server reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_TAGS = 20;

    private final StateDao dao;

    public StateTransfer(StateDao dao) {
        this.dao = dao;
    }

    public StateSnapshot export() {
        return dao.read();
    }

    /**
     * Replaces the state with {@code state}, all or nothing; its document's version was checked
     * first ({@link #checkVersion}), before the document was read into it.
     *
     * @throws ApiException 400 naming the first entry that breaks a rule
     */
    public void replace(StateSnapshot state) {
        check(state);
        try {
            dao.replace(state);
        } catch (StateDao.Conflict e) {
            throw invalid("groups", "an id in the document is taken by the built-in catalog");
        }
    }

    /** A document of another format is refused before anything else in it is read. */
    public static void checkVersion(int formatVersion) {
        if (formatVersion != FORMAT_VERSION) {
            throw invalid("format_version", "is " + formatVersion + "; this server reads format_version "
                    + FORMAT_VERSION);
        }
    }

    /** The rules of a state document that its schema cannot state. */
    static void check(StateSnapshot state) {
        Set<String> groupIds = new HashSet<>();
        Set<String> groupKeys = new HashSet<>();
        Set<String> imageIds = new HashSet<>();
        for (int i = 0; i < state.groups().size(); i++) {
            String at = "groups[" + i + "]";
            GroupRow group = state.groups().get(i).group();
            require(ID.matcher(group.id()).matches(), at + ".id", "must be 1 to 36 of A-Z a-z 0-9 -");
            require(groupIds.add(group.id()), at + ".id", "is given twice");
            require(groupKeys.add(group.scope() + "\n" + group.namespace() + "\n" + group.name()), at,
                    "is a second group " + group.namespace() + "/" + group.name() + " in its project and workspace");
            require(group.tags().size() <= MAX_TAGS, at + ".tags", "has more than " + MAX_TAGS + " tags");
            Set<String> tags = new HashSet<>();
            List<ImageRow> images = state.groups().get(i).images();
            for (int j = 0; j < images.size(); j++) {
                checkImage(at + ".images[" + j + "]", images.get(j), group, imageIds, tags);
            }
        }
        Set<String> moving = new HashSet<>();
        for (int k = 0; k < state.transitions().size(); k++) {
            String at = "transitions[" + k + "]";
            Transition t = state.transitions().get(k);
            require(imageIds.contains(t.imageId()), at + ".image_id", "names no image of the document");
            require(moving.add(t.imageId()), at + ".image_id", "has a second transition");
            require(!t.path().isEmpty(), at + ".path", "is empty");
            require(t.kind() != Transition.Kind.DELETE || t.path().equals(List.of(ImageStatus.DELETED)),
                    at + ".path", "of a DeleteImage transition is [DELETED]");
            require(t.seen() >= 0, at + ".seen", "is negative");
        }
    }

    private static void checkImage(String at, ImageRow image, GroupRow group, Set<String> ids, Set<String> tags) {
        require(ID.matcher(image.id()).matches(), at + ".id", "must be 1 to 36 of A-Z a-z 0-9 -");
        require(ids.add(image.id()), at + ".id", "is given twice");
        require(image.type() == ImageType.DEDICATED, at + ".type", "must be DEDICATED");
        require(group.name().equals(image.name()) && group.namespace().equals(image.namespace()), at,
                "is not of its group: " + image.namespace() + "/" + image.name());
        require(image.workspaceId() == null || image.workspaceId().equals(group.workspaceId()), at + ".workspace_id",
                "is not its group's");
        require(TAG.matcher(image.tag()).matches(), at + ".tag", "must be 1 to 128 of A-Z a-z 0-9 . _ -");
        require(tags.add(image.tag()), at + ".tag", image.tag() + " is given twice in its group");
        SwrPath path = SwrPath.parse(image.swrPath()).orElse(null);
        require(path != null && path.namespace().equals(image.namespace()) && path.name().equals(image.name())
                && path.tag().equals(image.tag()), at + ".swr_path",
                "must be [registry[:port]/]namespace/name:tag with the image's namespace, name and tag");
        require(image.swrPath().length() <= 2048, at + ".swr_path", "is longer than 2048 characters");
        length(at + ".description", image.description(), 512);
        length(at + ".status_message", image.statusMessage(), 512);
        length(at + ".flavor_type", image.flavorType(), 32);
        length(at + ".swr_instance_id", image.swrInstanceId(), 128);
        length(at + ".show_name", image.showName(), 256);
        length(at + ".show_tag", image.showTag(), 256);
        require(image.tags().size() <= MAX_TAGS, at + ".tags", "has more than " + MAX_TAGS + " tags");
        distinct(at + ".resource_categories", image.resourceCategories());
        distinct(at + ".support_res_categories", image.supportResCategories());
        distinct(at + ".dev_services", image.devServices());
    }

    private static void distinct(String at, List<?> values) {
        require(values.stream().distinct().count() == values.size(), at, "lists a value twice");
    }

    private static void length(String at, String value, int max) {
        require(value == null || value.length() <= max, at, "is longer than " + max + " characters");
    }

    private static void require(boolean holds, String at, String why) {
        if (!holds) {
            throw invalid(at, why);
        }
    }

    private static ApiException invalid(String at, String why) {
        return new ApiException(ErrorCode.PARAMETER_ERROR, "Parameter error: state document " + at + " " + why + ".");
    }
}
