package dev.modelarts.local.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.ImageRegRequest;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.SeedImage;
import dev.modelarts.local.db.DuplicateImageException;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.db.ImageDao.DeleteCount;
import dev.modelarts.local.db.ImageDao.InsertCount;
import dev.modelarts.local.model.NewImage;
import dev.modelarts.local.db.GroupIndex;
import dev.modelarts.local.db.ImageGroupDao;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * What tests and CI control on this server (not part of the real service): reset, seed, and
 * Pact's provider states, each through the same data layer as the API.
 */
public final class TestControl {

    /** A token that may only read, and the project it is bound to. */
    public record ReaderToken(String token, String projectId) {
    }

    /** What a reset deleted. */
    public record ResetCount(long images, long groups) {
    }

    /** What a seed registered, and what it found registered already. */
    public record SeedCount(long registered, long existing) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageRegistry registry;
    private final ImageDao images;
    private final ImageGroupDao groups;
    private final GroupIndex listing;
    private final Optional<ReaderToken> reader;
    private final FaultRules faults;
    private final TransitionRules transitions;
    private final ServerClock clock;

    public TestControl(ImageRegistry registry, ImageDao images, ImageGroupDao groups, GroupIndex listing,
            Optional<ReaderToken> reader, FaultRules faults, TransitionRules transitions, ServerClock clock) {
        this.registry = registry;
        this.images = images;
        this.groups = groups;
        this.listing = listing;
        this.reader = reader;
        this.faults = faults;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * Every DEDICATED image and group gone, in one transaction (the built-in catalog stays);
     * the fault and transition rules gone; the clock back to how the server was started.
     */
    public ResetCount reset() {
        faults.clear();
        transitions.clear();
        clock.reset();
        DeleteCount deleted = images.deleteAllDedicated();
        return new ResetCount(deleted.images(), deleted.groups());
    }

    /**
     * Registers every entry in one transaction, or none: an entry that breaks a rule is a 400
     * naming it ({@code images[N]}); one registered already is counted as existing.
     */
    public SeedCount seed(List<SeedImage> entries) {
        List<NewImage> registrations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SeedImage entry = entries.get(i);
            try {
                registrations.add(registry.registration(entry.getProjectId(), asRequest(entry)));
            } catch (ApiException e) {
                throw new ApiException(e.code(), "images[" + i + "]: " + e.getMessage());
            }
        }
        InsertCount count = images.insertAll(registrations);
        return new SeedCount(count.inserted(), count.existing());
    }

    /** A seed entry as the RegisterImage body it is, less its project. */
    private static ImageRegRequest asRequest(SeedImage entry) {
        Map<?, ?> fields = JSON.convertValue(entry, Map.class);
        fields.remove("project_id");
        return JSON.convertValue(fields, ImageRegRequest.class);
    }

    /**
     * Sets up a Pact provider state and returns the values it made; teardown changes nothing.
     *
     * @throws ApiException 400 for a state this server does not know
     */
    public Map<String, Object> providerState(String state, Map<String, Object> params, boolean setup) {
        if (!setup || state == null || state.isBlank()) {
            return Map.of(); // teardown, or an interaction with no state: nothing to do
        }
        return switch (state) {
            case "the built-in catalog is loaded" -> Map.of(); // installed at start, never removed
            case "an image group exists" -> imageGroupExists(state, params);
            case "an image is registered" -> imageIsRegistered(state, params);
            case "no image group exists" -> noImageGroup(state, params);
            case "a credential that may only read" -> reader
                    .<Map<String, Object>>map(r -> Map.of("token", r.token(), "project_id", r.projectId()))
                    .orElseThrow(() -> new ApiException(ErrorCode.PARAMETER_ERROR,
                            "Parameter error: no credential that may only read is configured."));
            default -> throw new ApiException(ErrorCode.PARAMETER_ERROR,
                    "Parameter error: unknown provider state '" + state + "'.");
        };
    }

    /** project_id, workspace_id ("0"), namespace, name, versions: tags v1..vN, a hundred seconds apart. */
    private Map<String, Object> imageGroupExists(String state, Map<String, Object> given) {
        StateParams params = StateParams.check(state, given,
                Set.of("project_id", "workspace_id", "namespace", "name", "versions"));
        String project = params.text("project_id", "dev-project");
        String workspace = params.text("workspace_id", "0");
        String namespace = params.text("namespace", "team");
        String name = params.text("name", "app");
        int versions = params.versions(1);
        List<NewImage> entries = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            long at = 1_700_000_000_000L + (v - 1) * 100_000L;
            ImageRow image = registry.registration(project, new ImageRegRequest("swr.cn-north-4.myhuaweicloud.com/"
                    + namespace + "/" + name + ":v" + v).workspaceId(workspace)).image();
            entries.add(new NewImage(image.toBuilder().createAt(at).updateAt(at).build(), GroupDetails.NONE));
        }
        images.insertAll(entries);
        return Map.of();
    }

    /** project_id, namespace, name, tag; returns the image's "id". */
    private Map<String, Object> imageIsRegistered(String state, Map<String, Object> given) {
        StateParams params = StateParams.check(state, given, Set.of("project_id", "namespace", "name", "tag"));
        String project = params.text("project_id", "dev-project");
        String path = "swr.cn-north-4.myhuaweicloud.com/" + params.text("namespace", "team") + "/"
                + params.text("name", "app") + ":" + params.text("tag", "v1");
        NewImage registration = registry.registration(project, new ImageRegRequest(path));
        try {
            return Map.of("id", images.insert(registration.image(), registration.group()).id());
        } catch (DuplicateImageException registeredBefore) {
            ImageRow wanted = registration.image();
            ImageRow existing = images.findByTag(wanted.scope(), wanted.namespace(), wanted.name(), wanted.tag())
                    .orElseThrow(() -> registeredBefore);
            return Map.of("id", existing.id());
        }
    }

    /** project_id, namespace, name: deleted if an earlier interaction made it. */
    private Map<String, Object> noImageGroup(String state, Map<String, Object> given) {
        StateParams params = StateParams.check(state, given, Set.of("project_id", "namespace", "name"));
        GroupFilter filter = GroupFilter.visibleTo(params.text("project_id", "dev-project"), "0")
                .withType(ImageType.DEDICATED)
                .withNamespace(params.text("namespace", "team"))
                .withName(params.text("name", "app"), false);
        for (GroupRow group : listing.list(filter, 10, 0).page().items()) {
            groups.delete(group.id());
        }
        return Map.of();
    }

}
