package dev.modelarts.local.model;

import java.util.List;

/**
 * Every DEDICATED group with its images, and the transitions in progress: what a state export
 * holds and an import replaces, in the document's order.
 */
public record StateSnapshot(List<Group> groups, List<Transition> transitions) {

    public StateSnapshot {
        groups = List.copyOf(groups);
        transitions = List.copyOf(transitions);
    }

    /** A group as stored, and its images. */
    public record Group(GroupRow group, List<ImageRow> images) {

        public Group {
            images = List.copyOf(images);
        }
    }

    public long imageCount() {
        return groups.stream().mapToLong(g -> g.images().size()).sum();
    }
}
