package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.listing.GroupListing;
import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.Scopes;

/** The kept group pages as values: given again for the very same copies, and only for them. */
class GroupPagesTest {

    private static final String SCOPE = Scopes.dedicated("p", "0");
    private static final GroupFilter ALL = new GroupFilter("p", "0", null, null, true, null, null);
    private static final GroupPages.Question FIRST_TEN = new GroupPages.Question(ALL, 10, 0);

    private static GroupRow group(String id, String name, long updateAt) {
        return new GroupRow(id, SCOPE, ImageType.DEDICATED, "p", "0", "team", name, null, null, null, null, null, 1,
                0, updateAt, List.of());
    }

    @Test
    void theSameCopiesGiveTheKeptAnswerItself() {
        GroupPages pages = new GroupPages(10);
        List<ScopeGroups> copies = List.of(ScopeGroups.of(1, List.of(group("a", "alpha", 1), group("b", "beta", 2))));

        GroupPage first = pages.answer(FIRST_TEN, () -> copies);
        GroupPage again = pages.answer(FIRST_TEN, () -> copies);

        assertThat(again).isSameAs(first);
        assertThat(first).isEqualTo(GroupListing.page(copies, ALL, 10, 0));
        assertThat(pages.answer(new GroupPages.Question(ALL, 1, 0), () -> copies)).isNotSameAs(first)
                .isEqualTo(GroupListing.page(copies, ALL, 1, 0));
    }

    @Test
    void aReplacedCopyIsListedAgain() {
        GroupPages pages = new GroupPages(10);
        ScopeGroups before = ScopeGroups.of(1, List.of(group("a", "alpha", 1)));
        AtomicReference<ScopeGroups> current = new AtomicReference<>(before);
        GroupPage first = pages.answer(FIRST_TEN, () -> List.of(current.get()));

        current.set(before.with(2, Map.of("b", group("b", "beta", 2))));
        GroupPage after = pages.answer(FIRST_TEN, () -> List.of(current.get()));

        assertThat(after).isNotSameAs(first).isEqualTo(GroupListing.page(List.of(current.get()), ALL, 10, 0));
        assertThat(after.page().items()).extracting(GroupRow::name).containsExactly("beta", "alpha");
        // an equal copy that is not the same one is not trusted: only a replaced copy can differ
        ScopeGroups equalCopy = ScopeGroups.of(2, after.page().items());
        assertThat(pages.answer(FIRST_TEN, () -> List.of(equalCopy))).isNotSameAs(after);
    }

    @Test
    void aKeptAnswerDoesNotKeepItsCopyAlive() throws InterruptedException {
        GroupPages pages = new GroupPages(10);
        WeakReference<ScopeGroups> copy = keepAnAnswerOfACopyNoOneHolds(pages);
        for (int i = 0; i < 50 && copy.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(copy.get()).as("the replaced copy, held only by a kept answer").isNull();
    }

    private static WeakReference<ScopeGroups> keepAnAnswerOfACopyNoOneHolds(GroupPages pages) {
        ScopeGroups copy = ScopeGroups.of(1, List.of(group("a", "alpha", 1)));
        pages.answer(FIRST_TEN, () -> List.of(copy));
        return new WeakReference<>(copy);
    }
}
