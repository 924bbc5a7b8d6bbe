package dev.modelarts.local.resources;

import java.util.ArrayList;
import java.util.List;

import dev.modelarts.local.api.model.Image;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.StateDocument;
import dev.modelarts.local.api.model.StateGroup;
import dev.modelarts.local.api.model.StateTransition;
import dev.modelarts.local.api.model.TmsTag;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.model.StateSnapshot;
import dev.modelarts.local.model.Tag;
import dev.modelarts.local.model.Transition;

/** The state document ({@code /_modelarts/state}) to and from the stored rows. */
public final class StateViews {

    private StateViews() {
    }

    public static StateDocument document(StateSnapshot state) {
        List<StateGroup> groups = new ArrayList<>();
        for (StateSnapshot.Group entry : state.groups()) {
            GroupRow g = entry.group();
            groups.add(StateGroup.builder().id(g.id()).projectId(g.projectId()).workspaceId(g.workspaceId())
                    .namespace(g.namespace()).name(g.name()).description(g.description()).readMe(g.readMe())
                    .iconName(g.iconName()).swrInstanceId(g.swrInstanceId()).swrInstanceName(g.swrInstanceName())
                    .createAt(g.createAt()).updateAt(g.updateAt())
                    .tags(g.tags().isEmpty() ? null : g.tags().stream().map(StateViews::tag).toList())
                    .images(entry.images().stream().map(ApiViews::image).toList())
                    .build());
        }
        List<StateTransition> transitions = state.transitions().stream().<StateTransition>map(t -> StateTransition.builder()
                .imageId(t.imageId())
                .operation(StateTransition.OperationEnum.fromValue(t.kind().operation()))
                .path(t.path()).polls(t.polls()).stepMs(t.stepMs()).statusMessage(t.statusMessage())
                .startedAt(t.startedAt()).seen(t.seen())
                .build()).toList();
        return StateDocument.builder().formatVersion(StateTransfer.FORMAT_VERSION).groups(groups)
                .transitions(transitions).build();
    }

    public static StateSnapshot snapshot(StateDocument document) {
        List<StateSnapshot.Group> groups = new ArrayList<>();
        for (StateGroup g : document.getGroups()) {
            String workspace = g.getWorkspaceId() == null ? "0" : g.getWorkspaceId();
            String scope = Scopes.dedicated(g.getProjectId(), workspace);
            GroupRow row = new GroupRow(g.getId(), scope, ImageType.DEDICATED, g.getProjectId(), workspace,
                    g.getNamespace(), g.getName(), g.getDescription(), g.getReadMe(), g.getIconName(),
                    g.getSwrInstanceId(), g.getSwrInstanceName(), g.getImages().size(), g.getCreateAt(),
                    g.getUpdateAt(), tags(g.getTags()));
            groups.add(new StateSnapshot.Group(row, g.getImages().stream().map(i -> image(i, row)).toList()));
        }
        List<Transition> transitions = new ArrayList<>();
        for (int k = 0; k < document.getTransitions().size(); k++) {
            StateTransition t = document.getTransitions().get(k);
            if ((t.getPolls() == null) == (t.getStepMs() == null)) {
                throw new ApiException(ErrorCode.PARAMETER_ERROR, "Parameter error: state document transitions[" + k
                        + "] must have exactly one of 'polls' and 'step_ms'.");
            }
            transitions.add(new Transition(t.getImageId(), Transition.Kind.ofOperation(t.getOperation().toString()),
                    t.getPath(), t.getPolls(), t.getStepMs(), t.getStatusMessage(), t.getStartedAt(), t.getSeen()));
        }
        return new StateSnapshot(groups, transitions);
    }

    private static ImageRow image(Image i, GroupRow group) {
        return ImageRow.builder().id(i.getId()).groupId(group.id()).scope(group.scope()).type(i.getType())
                .projectId(group.projectId()).workspaceId(i.getWorkspaceId() == null ? group.workspaceId()
                        : i.getWorkspaceId())
                .namespace(i.getNamespace()).name(i.getName()).tag(i.getTag()).swrPath(i.getSwrPath())
                .arch(i.getArch()).origin(i.getOrigin()).serviceType(i.getServiceType()).status(i.getStatus())
                .statusMessage(i.getStatusMessage()).visibility(i.getVisibility()).description(i.getDescription())
                .resourceCategories(i.getResourceCategories()).supportResCategories(i.getSupportResCategories())
                .devServices(i.getDevServices()).imageSize(i.getSize()).flavorType(i.getFlavorType())
                .swrInstanceId(i.getSwrInstanceId()).showName(i.getShowName()).showTag(i.getShowTag())
                .createAt(i.getCreateAt()).updateAt(i.getUpdateAt()).tags(tags(i.getTags()))
                .build();
    }

    private static List<Tag> tags(List<TmsTag> tags) {
        return tags == null ? List.of() : tags.stream().map(t -> new Tag(t.getKey(), t.getValue())).toList();
    }

    private static TmsTag tag(Tag tag) {
        TmsTag view = new TmsTag(tag.key());
        view.setValue(tag.value());
        return view;
    }
}
