package dev.modelarts.local.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupRow;

/**
 * One scope's groups at one revision, in the listing's order: an immutable value. A change
 * makes a new one ({@link #with}); a listing reads one and sees one state of the scope.
 *
 * <p>Its indexes (the names as one text, the groups by exact name and by namespace) are made by
 * the first filter that needs them and belong to this value, so writes never pay for them.
 */
public final class ScopeGroups {

    private final long revision;
    private final GroupRow[] groups;
    private final int enterpriseCount;
    private final long versionCount;
    private volatile NameText names;
    private final Lookup byName = new Lookup(GroupRow::name);
    private final Lookup byNamespace = new Lookup(GroupRow::namespace);

    private ScopeGroups(long revision, GroupRow[] sorted) {
        this.revision = revision;
        this.groups = sorted;
        int enterprise = 0;
        long versions = 0;
        for (GroupRow group : sorted) {
            if (group.swrInstanceId() != null) {
                enterprise++;
            }
            versions += group.versionCount();
        }
        this.enterpriseCount = enterprise;
        this.versionCount = versions;
    }

    /** The groups of a scope at {@code revision}, in any order. */
    public static ScopeGroups of(long revision, Collection<GroupRow> groups) {
        GroupRow[] sorted = groups.toArray(GroupRow[]::new);
        Arrays.sort(sorted, ListingOrder.ORDER);
        return new ScopeGroups(revision, sorted);
    }

    public long revision() {
        return revision;
    }

    public int size() {
        return groups.length;
    }

    /**
     * A copy at {@code newRevision} with the groups in {@code changed} (by id) put in, or taken
     * out where the value is null.
     */
    public ScopeGroups with(long newRevision, Map<String, GroupRow> changed) {
        List<GroupRow> kept = new ArrayList<>(groups.length + changed.size());
        for (GroupRow group : groups) {
            if (!changed.containsKey(group.id())) {
                kept.add(group);
            }
        }
        for (GroupRow after : changed.values()) {
            if (after != null) {
                int at = Collections.binarySearch(kept, after, ListingOrder.ORDER);
                kept.add(at >= 0 ? at : -at - 1, after);
            }
        }
        return new ScopeGroups(newRevision, kept.toArray(GroupRow[]::new));
    }

    /** How many images (versions) the groups that match {@code filter} hold. */
    long versionCount(GroupFilter filter) {
        Selection selected = select(filter);
        if (selected.rows() == groups) {
            return versionCount;
        }
        long total = 0;
        for (GroupRow group : selected.rows()) {
            total += group.versionCount();
        }
        return total;
    }

    /**
     * The groups that match {@code filter}, in order. A filtered listing costs about what its
     * matches cost, not what the scope holds: a substring of the name is one scan of all the
     * names, an exact name or a namespace a lookup; what that first step does not decide is then
     * tested on its result.
     */
    Selection select(GroupFilter filter) {
        Selection first;
        boolean namespaceDone = false;
        if (filter.name() != null && filter.nameFuzzy()) {
            NameText text = names;
            if (text == null) {
                text = new NameText(groups);
                names = text;
            }
            first = Selection.of(text.containing(filter.name(), groups));
        } else if (filter.name() != null) {
            first = byName.find(groups, filter.name());
        } else if (filter.namespace() != null) {
            first = byNamespace.find(groups, filter.namespace());
            namespaceDone = true;
        } else {
            first = new Selection(groups, enterpriseCount > 0);
        }
        String namespace = namespaceDone ? null : filter.namespace();
        String instance = filter.swrInstanceId();
        if (namespace == null && instance == null) {
            return first;
        }
        List<GroupRow> rest = new ArrayList<>();
        for (GroupRow group : first.rows()) {
            if ((namespace == null || namespace.equals(group.namespace()))
                    && (instance == null || instance.equals(group.swrInstanceId()))) {
                rest.add(group);
            }
        }
        return Selection.of(rest);
    }
}
