package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.core.GroupFilter;
import dev.modelarts.local.core.Page;

/**
 * The group listing's read model: each scope's groups held in memory in the listing's order, so
 * that a listing sorts, counts and filters nothing in SQL (BENCHMARKS.md has the figures that led
 * here). image_groups stays the record; this is a copy of it that is never written first.
 *
 * <p>How the copy stays true. Every transaction that changes a scope's groups raises the scope's
 * row in scope_revisions ({@link Change#of}) and, once committed, hands the groups as they now are
 * to {@link #apply}. A scope's copy is loaded on first use and replaced, never changed
 * in place, so a listing's count and page come from one state. A change whose revision does not
 * follow the copy's (another instance wrote in between) drops the copy; the next listing loads
 * it again. Loads and applies of one scope take turns on the scope's lock; readers take no lock.
 *
 * <p>Who else writes. On an embedded H2 file this process is the only writer (H2 locks the
 * file), so its own applies are all there is. Over a shared database ({@code exclusive} false)
 * other instances write too: each listing then reads the visible scopes' revisions (one query on
 * the primary key) and loads again any scope that has moved on.
 *
 * <p>Order: update_at descending, then namespace, name and id, compared as Java strings (UTF-16
 * code units): the same on every database, whatever its collation.
 */
final class GroupIndex {

    static final Comparator<GroupRow> ORDER = GroupIndex::compare;

    /** update_at descending, then namespace, name and id ascending. */
    private static int compare(GroupRow a, GroupRow b) {
        int c = Long.compare(b.updateAt(), a.updateAt());
        if (c == 0) {
            c = a.namespace().compareTo(b.namespace());
        }
        if (c == 0) {
            c = a.name().compareTo(b.name());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    }

    private final Jdbi jdbi;
    private final boolean exclusive;
    private final Map<String, Snapshot> scopes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    GroupIndex(Jdbi jdbi, boolean exclusive) {
        this.jdbi = jdbi;
        this.exclusive = exclusive;
    }

    /** One page of the groups that match {@code filter}, with the matching total. */
    GroupPage list(GroupFilter filter, int limit, long offset) {
        List<Snapshot> sources = snapshots(visibleScopes(filter.projectId(), filter.workspaceId(), filter.type()));
        // each scope is selected on its own (already in order), and only its matches are merged
        GroupRow[][] matching = new GroupRow[sources.size()][];
        long total = 0;
        boolean enterprise = false;
        for (int i = 0; i < matching.length; i++) {
            Selection selected = sources.get(i).select(filter);
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
     * How many images (versions) the groups that match {@code filter} hold: the total of a
     * ListImage that filters on nothing the groups do not know.
     */
    long versionCount(GroupFilter filter) {
        long total = 0;
        for (Snapshot source : snapshots(visibleScopes(filter.projectId(), filter.workspaceId(), filter.type()))) {
            Selection selected = source.select(filter);
            if (selected.rows() == source.groups) {
                total += source.versionCount;
            } else {
                for (GroupRow group : selected.rows()) {
                    total += group.versionCount();
                }
            }
        }
        return total;
    }

    /** The scopes a project's workspace sees: BUILD_IN (''), its own, or both when {@code type} is null. */
    static List<String> visibleScopes(String projectId, String workspaceId, ImageType type) {
        String own = Scopes.dedicated(projectId, workspaceId);
        return type == null ? List.of(Scopes.BUILD_IN, own)
                : type == ImageType.BUILD_IN ? List.of(Scopes.BUILD_IN) : List.of(own);
    }

    /** Groups in the listing's order, and whether any of them is in an SWR enterprise instance. */
    record Selection(GroupRow[] rows, boolean enterprise) {

        static Selection of(List<GroupRow> rows) {
            boolean enterprise = false;
            for (GroupRow row : rows) {
                enterprise |= row.swrInstanceId() != null;
            }
            return new Selection(rows.toArray(GroupRow[]::new), enterprise);
        }
    }

    /**
     * Raises a scope's revision inside a write's transaction and returns the new one. The row's
     * lock is then held until the transaction ends, so the scope's writers commit in revision
     * order.
     */
    static long raise(Handle h, String scope) {
        String raise = "update scope_revisions set revision = revision + 1 where scope = :scope";
        if (h.createUpdate(raise).bind("scope", scope).execute() == 0) {
            h.createUpdate("insert into scope_revisions (scope, revision) values (:scope, 0) on conflict do nothing")
                    .bind("scope", scope).execute();
            h.createUpdate(raise).bind("scope", scope).execute();
        }
        return h.createQuery("select revision from scope_revisions where scope = :scope")
                .bind("scope", scope).mapTo(Long.class).one();
    }

    /**
     * What one transaction did to a scope's groups: the scope's new revision, and each changed
     * group as it now is (null: deleted).
     */
    record Change(String scope, long revision, Map<String, GroupRow> groups) {

        /** Raises the scope's revision and reads the changed groups, inside the transaction. */
        static Change of(Handle h, String scope, Collection<String> groupIds) {
            long revision = raise(h, scope);
            Map<String, GroupRow> groups = new HashMap<>();
            for (String id : groupIds) {
                groups.put(id, ImageGroupDao.find(h, id, false).orElse(null));
            }
            return new Change(scope, revision, groups);
        }
    }

    void apply(Change change) {
        String scope = change.scope();
        synchronized (lock(scope)) {
            Snapshot current = scopes.get(scope);
            if (current == null || change.revision() <= current.revision) {
                return; // not held, or already in the copy
            }
            if (change.revision() != current.revision + 1) {
                scopes.remove(scope); // a change in between is missing: load again when asked
                return;
            }
            scopes.put(scope, current.with(change.revision(), change.groups()));
        }
    }

    private List<Snapshot> snapshots(List<String> visible) {
        Map<String, Long> revisions = exclusive ? Map.of() : revisions(visible);
        List<Snapshot> result = new ArrayList<>(visible.size());
        for (String scope : visible) {
            Snapshot held = scopes.get(scope);
            if (held == null || (!exclusive && held.revision != revisions.getOrDefault(scope, 0L))) {
                held = load(scope, held);
            }
            result.add(held);
        }
        return result;
    }

    private Map<String, Long> revisions(List<String> visible) {
        Map<String, Long> revisions = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select scope, revision from scope_revisions where scope in (<scopes>)")
                .bindList("scopes", visible)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> revisions.put(e.getKey(), e.getValue())));
        return revisions;
    }

    /** Loads a scope's copy, unless another thread replaced {@code stale} while this one waited. */
    private Snapshot load(String scope, Snapshot stale) {
        synchronized (lock(scope)) {
            Snapshot held = scopes.get(scope);
            if (held != null && held != stale) {
                return held;
            }
            // the revision first: the groups read after it are at least that new, and applying
            // a change to a group that already has it changes nothing
            Snapshot loaded = jdbi.withHandle(h -> {
                long revision = h.createQuery("select revision from scope_revisions where scope = :scope")
                        .bind("scope", scope).mapTo(Long.class).findOne().orElse(0L);
                GroupRow[] groups = h.createQuery("select " + RowMappers.GROUP_COLUMNS
                                + " from image_groups where scope = :scope")
                        .bind("scope", scope).map(RowMappers.GROUP).list().toArray(GroupRow[]::new);
                Arrays.sort(groups, ORDER);
                return new Snapshot(revision, groups);
            });
            scopes.put(scope, loaded);
            return loaded;
        }
    }

    private Object lock(String scope) {
        return locks.computeIfAbsent(scope, s -> new Object());
    }

    /** One scope's groups at one revision, in the listing's order; never changed once made. */
    private static final Selection NONE = new Selection(new GroupRow[0], false);

    private static final class Snapshot {

        final long revision;
        final GroupRow[] groups;
        final int enterpriseCount;
        final long versionCount;
        /** The names as one text, made by the first substring search of this snapshot. */
        private volatile NameText names;
        /** The groups by exact name and by namespace, in order; made by the first such filter. */
        private final Lookup byName = new Lookup(GroupRow::name);
        private final Lookup byNamespace = new Lookup(GroupRow::namespace);

        Snapshot(long revision, GroupRow[] groups) {
            this.revision = revision;
            this.groups = groups;
            int enterprise = 0;
            long versions = 0;
            for (GroupRow group : groups) {
                if (group.swrInstanceId() != null) {
                    enterprise++;
                }
                versions += group.versionCount();
            }
            this.enterpriseCount = enterprise;
            this.versionCount = versions;
        }

        /**
         * The groups that match {@code filter}, in order. A filtered listing costs about what its
         * matches cost, not what the scope holds: a substring of the name is one scan of all
         * the names (NameText), an exact name or a namespace a lookup; what the first step does
         * not decide is then tested on its result. The lookups are made when first needed and
         * belong to this snapshot, so writes do not pay for them.
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

        /** A copy with the groups in {@code changed} replaced, or removed where null. */
        Snapshot with(long newRevision, Map<String, GroupRow> changed) {
            List<GroupRow> kept = new ArrayList<>(groups.length + changed.size());
            for (GroupRow group : groups) {
                if (!changed.containsKey(group.id())) {
                    kept.add(group);
                }
            }
            for (GroupRow after : changed.values()) {
                if (after != null) {
                    int at = Collections.binarySearch(kept, after, ORDER);
                    kept.add(at >= 0 ? at : -at - 1, after);
                }
            }
            return new Snapshot(newRevision, kept.toArray(GroupRow[]::new));
        }
    }

    /** One snapshot's groups by one key, each key's in order; made on first use. */
    private static final class Lookup {

        private final Function<GroupRow, String> key;
        private volatile Map<String, Selection> byKey;

        Lookup(Function<GroupRow, String> key) {
            this.key = key;
        }

        Selection find(GroupRow[] groups, String value) {
            Map<String, Selection> map = byKey;
            if (map == null) {
                Map<String, List<GroupRow>> lists = new HashMap<>();
                for (GroupRow group : groups) {
                    lists.computeIfAbsent(key.apply(group), k -> new ArrayList<>(2)).add(group);
                }
                map = new HashMap<>(lists.size() * 2);
                for (Map.Entry<String, List<GroupRow>> entry : lists.entrySet()) {
                    map.put(entry.getKey(), Selection.of(entry.getValue()));
                }
                byKey = map;
            }
            return map.getOrDefault(value, NONE);
        }
    }

    /**
     * A scope's names joined into one string, each after a line feed, so that a substring search
     * is one indexOf scan over contiguous memory instead of a visit to every group and its name
     * (at a million versions that visit is most of a fuzzy listing's time). A search text that
     * holds a line feed, or names that do, fall back to testing each name.
     */
    private static final class NameText {

        private static final char SEPARATOR = '\n';
        private final String text;
        /** Where each group's name starts in {@code text}. */
        private final int[] starts;
        private final boolean usable;

        NameText(GroupRow[] groups) {
            StringBuilder joined = new StringBuilder(groups.length * 16);
            starts = new int[groups.length];
            boolean clean = true;
            for (int i = 0; i < groups.length; i++) {
                joined.append(SEPARATOR);
                starts[i] = joined.length();
                String name = groups[i].name();
                clean &= name.indexOf(SEPARATOR) < 0;
                joined.append(name);
            }
            text = joined.toString();
            usable = clean;
        }

        /** The groups whose name contains {@code part}, in their order. */
        List<GroupRow> containing(String part, GroupRow[] groups) {
            List<GroupRow> found = new ArrayList<>();
            if (!usable || part.isEmpty() || part.indexOf(SEPARATOR) >= 0) {
                for (GroupRow group : groups) {
                    if (group.name().contains(part)) {
                        found.add(group);
                    }
                }
                return found;
            }
            int from = 0;
            int at;
            while ((at = text.indexOf(part, from)) >= 0) {
                // a match cannot span two names: it would hold the separator
                int group = Arrays.binarySearch(starts, at);
                group = group >= 0 ? group : -group - 2;
                found.add(groups[group]);
                if (group + 1 >= starts.length) {
                    break;
                }
                from = starts[group + 1]; // one hit per name
            }
            return found;
        }
    }

    /** The visible scopes' groups as one sequence in the listing's order. */
    private static final class Merge {

        private final GroupRow[][] arrays;
        private final int[] positions;

        Merge(GroupRow[][] arrays) {
            this.arrays = arrays;
            this.positions = new int[arrays.length];
        }

        /** The next group, or null at the end. */
        GroupRow next() {
            int best = -1;
            for (int i = 0; i < arrays.length; i++) {
                if (positions[i] < arrays[i].length && (best < 0
                        || ORDER.compare(arrays[i][positions[i]], arrays[best][positions[best]]) < 0)) {
                    best = i;
                }
            }
            return best < 0 ? null : arrays[best][positions[best]++];
        }

        Merge skip(long count) {
            for (long i = 0; i < count && next() != null; i++) {
                // skipped
            }
            return this;
        }

        void take(int count, List<GroupRow> into) {
            while (into.size() < count) {
                GroupRow group = next();
                if (group == null) {
                    return;
                }
                into.add(group);
            }
        }
    }
}
