package dev.modelarts.local.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A group as the listing knows it: its scope (the project and workspace it is visible in, empty
 * for the built-in catalog) and its id. What a write declares it changed, so that the listing
 * of that scope shows the change.
 */
public record GroupKey(String scope, String groupId) implements Comparable<GroupKey> {

    private static final Comparator<GroupKey> ORDER =
            Comparator.comparing(GroupKey::scope).thenComparing(GroupKey::groupId);

    public GroupKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    public int compareTo(GroupKey other) {
        return ORDER.compare(this, other);
    }
}
