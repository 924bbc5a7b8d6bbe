package dev.modelarts.local.db;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import dev.modelarts.local.model.GroupKey;

/**
 * The groups one {@link GroupCommit.Write} changed; {@link #declared} once it said which, or that
 * none.
 */
final class ChangedGroups {

    private final Set<GroupKey> keys = new TreeSet<>();
    private boolean declared;

    /** The write changed this group (its rows, its images or its aggregates). */
    void add(GroupKey key) {
        keys.add(key);
        declared = true;
    }

    /** The write changed these groups; an empty list declares that it changed none. */
    void addAll(Collection<GroupKey> changed) {
        keys.addAll(changed);
        declared = true;
    }

    /** The write changed no group. */
    void none() {
        declared = true;
    }

    boolean declared() {
        return declared;
    }

    Set<GroupKey> keys() {
        return Set.copyOf(keys);
    }
}
