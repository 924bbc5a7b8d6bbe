package dev.modelarts.local.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.Scopes;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * ListImageGroup's logic against a naive reading of its rules, over random groups whose names
 * and namespaces hold {@code _}, {@code %}, upper case and non-ASCII letters, with ties in
 * update_at: filter every group one by one, sort the whole list, slice. No database. ListImage's
 * narrowing to the few matching groups is checked against the same reading.
 */
class GroupListingPropertyTest {

    private static final String PROJECT = "p";
    private static final String WORKSPACE = "0";
    private static final List<String> SCOPES = List.of(Scopes.BUILD_IN, Scopes.dedicated(PROJECT, WORKSPACE),
            Scopes.dedicated(PROJECT, "0123456789abcdef0123456789abcdef"), Scopes.dedicated("other", WORKSPACE));
    private static final Comparator<GroupRow> NAIVE_ORDER = Comparator.comparingLong(GroupRow::updateAt).reversed()
            .thenComparing(GroupRow::namespace).thenComparing(GroupRow::name).thenComparing(GroupRow::id);

    private static Gen<String> text() {
        return lists().of(arbitrary().pick('a', 'b', '_', '%', 'A', 'é', 'Ω', '-', '.')).ofSizeBetween(1, 4)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** {@code gen}, or null in {@code percent} % of the examples. */
    private static <T> Gen<T> orNull(Gen<T> gen, int percent) {
        return gen.toOptionals(percent).map(value -> value.orElse(null));
    }

    private static Gen<List<GroupRow>> groups() {
        Gen<GroupRow> named = arbitrary().pick(SCOPES).zip(text(), text(), longs().between(1, 6),
                (scope, namespace, name, updateAt) -> group("?", scope, namespace, name, updateAt, null, 1));
        Gen<GroupRow> group = named.zip(arbitrary().pick("", "i1", "i2"), integers().between(1, 5),
                (g, instance, versions) -> group("?", g.scope(), g.namespace(), g.name(), g.updateAt(),
                        instance.isEmpty() ? null : instance, versions));
        return lists().of(group).ofSizeBetween(0, 60).map(GroupListingPropertyTest::withIds);
    }

    private static Gen<GroupFilter> filters() {
        Gen<GroupFilter> named = orNull(arbitrary().pick(ImageType.BUILD_IN, ImageType.DEDICATED), 40)
                .zip(orNull(text(), 40), booleans().all(), orNull(text(), 60),
                        (type, name, fuzzy, namespace) -> new GroupFilter(PROJECT, WORKSPACE, type, name, fuzzy,
                                namespace, null));
        return named.zip(orNull(arbitrary().pick("i1", "i2"), 70), GroupFilter::withSwrInstanceId);
    }

    @Test
    void aPageIsTheNaiveFilterSortAndSlice() {
        qt().withExamples(1500).forAll(groups(), filters(), integers().between(1, 12), integers().between(0, 70))
                .checkAssert(this::aPageIsTheNaiveFilterSortAndSlice);
    }

    private void aPageIsTheNaiveFilterSortAndSlice(List<GroupRow> groups, GroupFilter filter, int limit, int offset) {
        List<GroupRow> expected = naive(groups, filter);
        GroupPage page = GroupListing.page(snapshots(groups, filter), filter, limit, offset);

        assertThat(page.page().total()).isEqualTo(expected.size());
        assertThat(page.page().items()).containsExactlyElementsOf(
                expected.stream().skip(offset).limit(limit).toList());
        assertThat(page.anySwrEnterprise()).isEqualTo(expected.stream().anyMatch(g -> g.swrInstanceId() != null));
        long versions = expected.stream().mapToLong(GroupRow::versionCount).sum();
        assertThat(GroupListing.versionCount(snapshots(groups, filter), filter)).isEqualTo(versions);
        // ListImage's narrowing, the offset standing in for its bound
        GroupListing.Matches matches = GroupListing.matching(snapshots(groups, filter), filter, offset);
        assertThat(matches.versions()).isEqualTo(versions);
        Optional<List<String>> few = matches.fewIds();
        if ((filter.name() == null && filter.namespace() == null) || versions > offset) {
            assertThat(few).isEmpty();
        } else {
            assertThat(few).hasValueSatisfying(ids -> assertThat(ids)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(GroupRow::id).toList()));
        }
    }

    /** Changing a snapshot group by group lists what a snapshot made afresh lists. */
    @Test
    void changesAppliedOneByOneListLikeAFreshSnapshot() {
        qt().withExamples(500).forAll(groups(), lists().of(integers().between(0, 100)).ofSizeBetween(0, 10),
                        longs().between(1, 9), filters())
                .checkAssert(this::changesAppliedOneByOneListLikeAFreshSnapshot);
    }

    private void changesAppliedOneByOneListLikeAFreshSnapshot(List<GroupRow> before, List<Integer> touched,
            long newUpdateAt, GroupFilter filter) {
        String scope = Scopes.dedicated(PROJECT, WORKSPACE);
        List<GroupRow> inScope = before.stream().filter(g -> g.scope().equals(scope)).toList();
        Map<String, GroupRow> after = new LinkedHashMap<>();
        inScope.forEach(g -> after.put(g.id(), g));
        ScopeGroups changed = ScopeGroups.of(1, inScope);
        long revision = 1;
        for (int pick : touched) {
            Map<String, GroupRow> change = new HashMap<>();
            if (!inScope.isEmpty() && pick % 3 != 0) {
                GroupRow old = inScope.get(pick % inScope.size());
                GroupRow now = pick % 3 == 1 ? null
                        : group(old.id(), scope, old.namespace(), old.name(), newUpdateAt, old.swrInstanceId(), old.versionCount() + 1);
                change.put(old.id(), now);
            } else {
                GroupRow fresh = group("new-" + pick, scope, "ns" + pick % 4, "n" + pick, pick % 7, null, 1);
                change.put(fresh.id(), fresh);
            }
            change.forEach((id, g) -> {
                if (g == null) {
                    after.remove(id);
                } else {
                    after.put(id, g);
                }
            });
            changed = changed.with(++revision, change);
        }
        GroupFilter own = filter.withType(ImageType.DEDICATED);
        GroupPage incremental = GroupListing.page(List.of(changed), own, 1000, 0);
        GroupPage fresh = GroupListing.page(List.of(ScopeGroups.of(revision, after.values())), own, 1000, 0);
        assertThat(incremental.page().items()).containsExactlyElementsOf(fresh.page().items());
        assertThat(changed.revision()).isEqualTo(revision);
    }

    private static List<GroupRow> naive(List<GroupRow> groups, GroupFilter f) {
        List<String> visible = new ArrayList<>();
        if (f.type() != ImageType.DEDICATED) {
            visible.add(Scopes.BUILD_IN);
        }
        if (f.type() != ImageType.BUILD_IN) {
            visible.add(Scopes.dedicated(f.projectId(), f.workspaceId()));
        }
        return groups.stream()
                .filter(g -> visible.contains(g.scope()))
                .filter(g -> f.name() == null || (f.nameFuzzy() ? g.name().contains(f.name()) : g.name().equals(f.name())))
                .filter(g -> f.namespace() == null || g.namespace().equals(f.namespace()))
                .filter(g -> f.swrInstanceId() == null || f.swrInstanceId().equals(g.swrInstanceId()))
                .sorted(NAIVE_ORDER)
                .toList();
    }

    private static List<ScopeGroups> snapshots(List<GroupRow> groups, GroupFilter filter) {
        Map<String, List<GroupRow>> byScope = groups.stream().collect(Collectors.groupingBy(GroupRow::scope));
        return GroupListing.visibleScopes(filter).stream()
                .map(scope -> ScopeGroups.of(7, byScope.getOrDefault(scope, List.of())))
                .toList();
    }

    private static List<GroupRow> withIds(List<GroupRow> groups) {
        List<GroupRow> result = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupRow g = groups.get(i);
            result.add(group(String.format("g%03d", i), g.scope(), g.namespace(), g.name(), g.updateAt(), g.swrInstanceId(),
                    g.versionCount()));
        }
        return result;
    }

    static GroupRow group(String id, String scope, String namespace, String name, long updateAt, String instance, int versions) {
        boolean builtIn = scope.equals(Scopes.BUILD_IN);
        String project = builtIn ? null : scope.substring(0, scope.indexOf('/'));
        String workspace = builtIn ? null : scope.substring(scope.indexOf('/') + 1);
        return new GroupRow(id, scope, builtIn ? ImageType.BUILD_IN : ImageType.DEDICATED, project, workspace, namespace, name,
                null, null, null, instance, null, versions, 0, updateAt, List.of());
    }
}
