package dev.modelarts.local.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.Page;
import dev.modelarts.local.model.Scopes;

/**
 * ListImageGroup over the visible scopes' groups: which scopes a project's workspace sees, which
 * groups match, their order, the page and the figures. Pure: it reads {@link ScopeGroups}
 * values and nothing else (no database, no threads), so it is tested against a naive reading
 * of the same rules over random groups.
 */
public final class GroupListing {

    private GroupListing() {
    }

    /** The scopes a project's workspace sees: BUILD_IN (''), its own, or both when {@code type} is null. */
    public static List<String> visibleScopes(String projectId, String workspaceId, ImageType type) {
        String own = Scopes.dedicated(projectId, workspaceId);
        return type == null ? List.of(Scopes.BUILD_IN, own)
                : type == ImageType.BUILD_IN ? List.of(Scopes.BUILD_IN) : List.of(own);
    }

    /** The scopes that {@code filter} sees. */
    public static List<String> visibleScopes(GroupFilter filter) {
        return visibleScopes(filter.projectId(), filter.workspaceId(), filter.type());
    }

    /**
     * One page of the groups in {@code scopes} (the visible ones) that match {@code filter},
     * with the matching total and whether any match lives in an SWR enterprise instance.
     */
    public static GroupPage page(List<ScopeGroups> scopes, GroupFilter filter, int limit, long offset) {
        // each scope is selected on its own (already in order), and only its matches are merged
        GroupRow[][] matching = new GroupRow[scopes.size()][];
        long total = 0;
        boolean enterprise = false;
        for (int i = 0; i < matching.length; i++) {
            Selection selected = scopes.get(i).select(filter);
            matching[i] = selected.rows();
            total += matching[i].length;
            enterprise |= selected.enterprise();
        }
        List<GroupRow> page = new ArrayList<>(Math.min(limit, 64));
        if (offset < total) {
            new Merge(matching).skip(offset).take(limit, page);
        }
        return new GroupPage(new Page<>(page, total, limit, offset), enterprise);
    }

    /**
     * What the groups that match a filter hold: their images in all, and the groups' ids when the
     * filter names a name or a namespace and those images are few.
     */
    public record Matches(long versions, Optional<List<String>> fewIds) {
    }

    /**
     * The groups in {@code scopes} that match {@code filter}, in one pass over them: how many
     * images they hold, and their ids when the filter names a name or a namespace and they hold
     * at most {@code maxVersions} images (empty when it names neither, or when they hold more).
     */
    public static Matches matching(List<ScopeGroups> scopes, GroupFilter filter, long maxVersions) {
        if (filter.name() == null && filter.namespace() == null) {
            return new Matches(versionCount(scopes, filter), Optional.empty());
        }
        List<String> ids = new ArrayList<>();
        long versions = 0;
        for (ScopeGroups scope : scopes) {
            for (GroupRow group : scope.select(filter).rows()) {
                versions += group.versionCount();
                if (ids != null && versions <= maxVersions) {
                    ids.add(group.id());
                } else {
                    ids = null; // too many to read group by group; go on counting
                }
            }
        }
        return new Matches(versions, Optional.ofNullable(ids));
    }

    /**
     * How many images (versions) the matching groups hold: the total of a ListImage that
     * filters on nothing the groups do not know.
     */
    public static long versionCount(List<ScopeGroups> scopes, GroupFilter filter) {
        long total = 0;
        for (ScopeGroups scope : scopes) {
            total += scope.versionCount(filter);
        }
        return total;
    }
}
