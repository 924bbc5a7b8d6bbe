package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.builtIn;
import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.testing.TestDatabase;

/** The group listing's queries on a real H2 file. */
@Tag(TestDatabase.BOTH)
class ImageGroupDaoTest {

    private static final String P = "project-a";
    private static final String WS = "0";
    private static final String OTHER_WS = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private Database database;
    private DataLayer data;
    private ImageDao images;
    private GroupIndex groups;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabase.fresh(dir));
        data = DataLayer.over(database);
        images = data.images();
        groups = data.listing();
    }

    @AfterEach
    void close() {
        data.close();
        database.close();
    }

    private GroupPage list(GroupFilter filter) {
        return groups.list(filter, 200, 0);
    }

    private static List<String> names(GroupPage page) {
        return page.page().items().stream().map(GroupRow::name).toList();
    }

    private GroupFilter all() {
        return GroupFilter.visibleTo(P, WS);
    }

    @Nested
    class Visibility {

        @BeforeEach
        void seed() {
            images.insert(builtIn("atelier", "pytorch_1_8", "v1", 1_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team", "mine", "v1", 2_000), GroupDetails.NONE);
            images.insert(dedicated(P, OTHER_WS, "team", "other-workspace", "v1", 3_000), GroupDetails.NONE);
            images.insert(dedicated("project-b", WS, "team", "theirs", "v1", 4_000), GroupDetails.NONE);
        }

        @Test
        void aProjectSeesBuiltInGroupsAndItsOwnInItsWorkspace() {
            assertThat(names(list(all()))).containsExactly("mine", "pytorch_1_8");
        }

        @Test
        void anotherWorkspaceSeesOnlyItsOwnDedicatedGroups() {
            assertThat(names(list(GroupFilter.visibleTo(P, OTHER_WS))))
                    .containsExactly("other-workspace", "pytorch_1_8");
        }

        @Test
        void typeBuiltInListsOnlyBuiltInGroups() {
            assertThat(names(list(all().withType(ImageType.BUILD_IN)))).containsExactly("pytorch_1_8");
        }

        @Test
        void typeDedicatedListsOnlyTheProjectsOwnGroups() {
            assertThat(names(list(all().withType(ImageType.DEDICATED)))).containsExactly("mine");
            assertThat(names(list(GroupFilter.visibleTo("project-b", WS).withType(ImageType.DEDICATED))))
                    .containsExactly("theirs");
        }

        @Test
        void aProjectWithNothingOfItsOwnSeesOnlyBuiltIn() {
            assertThat(names(list(GroupFilter.visibleTo("project-z", WS)))).containsExactly("pytorch_1_8");
        }
    }

    @Nested
    class Filters {

        @BeforeEach
        void seed() {
            images.insert(dedicated(P, WS, "team", "pytorch_1_8", "v1", 1_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team", "pytorch-1-8", "v1", 2_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team", "pytorchx1x8", "v1", 3_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team2", "tensorflow", "v1", 4_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team-b", "pytorch_1_8", "v1", 5_000, 5_000, "swr-instance-1"),
                    GroupDetails.NONE);
        }

        @Test
        void fuzzyNameMatchesSubstrings() {
            assertThat(names(list(all().withName("torch", true))))
                    .containsExactlyInAnyOrder("pytorch_1_8", "pytorch-1-8", "pytorchx1x8", "pytorch_1_8");
            assertThat(names(list(all().withName("flow", true)))).containsExactly("tensorflow");
        }

        @Test
        void exactNameMatchesOnlyTheWholeName() {
            assertThat(names(list(all().withName("pytorch", false)))).isEmpty();
            assertThat(names(list(all().withName("pytorch_1_8", false))))
                    .containsExactly("pytorch_1_8", "pytorch_1_8");
        }

        @Test
        void underscoreInAFuzzyNameIsLiteralNotAWildcard() {
            assertThat(names(list(all().withName("h_1_", true)))).containsExactly("pytorch_1_8", "pytorch_1_8");
            assertThat(names(list(all().withName("_", true)))).containsOnly("pytorch_1_8");
        }

        @Test
        void percentInANameIsLiteralNotAWildcard() {
            assertThat(names(list(all().withName("%", true)))).isEmpty();
            assertThat(names(list(all().withName("py%8", true)))).isEmpty();
            assertThat(names(list(all().withName("%", false)))).isEmpty();
        }

        @Test
        void backslashInANameIsLiteral() {
            assertThat(names(list(all().withName("\\", true)))).isEmpty();
        }

        @Test
        void namespaceMatchesExactly() {
            assertThat(names(list(all().withNamespace("team"))))
                    .containsExactlyInAnyOrder("pytorch_1_8", "pytorch-1-8", "pytorchx1x8");
            assertThat(names(list(all().withNamespace("tea")))).isEmpty();
        }

        @Test
        void filtersCombine() {
            GroupPage page = list(all().withNamespace("team-b").withName("torch", true));
            assertThat(page.page().items()).singleElement()
                    .satisfies(g -> assertThat(g.namespace()).isEqualTo("team-b"));
        }

        @Test
        void swrInstanceIdFiltersAndMarksEnterprise() {
            GroupPage page = list(all().withSwrInstanceId("swr-instance-1"));
            assertThat(page.page().items()).singleElement()
                    .satisfies(g -> assertThat(g.swrInstanceId()).isEqualTo("swr-instance-1"));
            assertThat(page.anySwrEnterprise()).isTrue();
            assertThat(list(all().withNamespace("team")).anySwrEnterprise()).isFalse();
        }
    }

    @Nested
    class Aggregates {

        @Test
        void aGroupCountsItsVersionsAndSpansTheirTimes() {
            images.insert(dedicated(P, WS, "team", "app", "v2", 5_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team", "app", "v1", 1_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "team", "app", "v3", 9_000), GroupDetails.NONE);

            GroupRow group = list(all()).page().items().get(0);
            assertThat(group.versionCount()).isEqualTo(3);
            assertThat(group.createAt()).isEqualTo(1_000);
            assertThat(group.updateAt()).isEqualTo(9_000);
        }

        @Test
        void aDuplicateTagIsRefusedAndChangesNothing() {
            images.insert(dedicated(P, WS, "team", "app", "v1", 1_000), GroupDetails.NONE);
            assertThatThrownBy(() -> images.insert(dedicated(P, WS, "team", "app", "v1", 2_000), GroupDetails.NONE))
                    .isInstanceOf(DuplicateImageException.class)
                    .hasMessageContaining("team/app").hasMessageContaining("v1");
            GroupRow group = list(all()).page().items().get(0);
            assertThat(group.versionCount()).isEqualTo(1);
            assertThat(group.updateAt()).isEqualTo(1_000);
        }

        @Test
        void theSameNameInAnotherNamespaceIsAnotherGroup() {
            images.insert(dedicated(P, WS, "team", "app", "v1", 1_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "other", "app", "v1", 1_000), GroupDetails.NONE);
            assertThat(list(all()).page().total()).isEqualTo(2);
        }
    }

    @Nested
    class Paging {

        @BeforeEach
        void seed() {
            // five groups; two share update_at, so namespace then name break the tie
            images.insert(dedicated(P, WS, "ns-b", "e", "v1", 1_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "ns-a", "d", "v1", 2_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "ns-b", "c", "v1", 3_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "ns-a", "b", "v1", 3_000), GroupDetails.NONE);
            images.insert(dedicated(P, WS, "ns-a", "a", "v1", 4_000), GroupDetails.NONE);
        }

        @Test
        void orderIsNewestFirstThenNamespaceThenName() {
            assertThat(names(list(all()))).containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        void offsetZero() {
            GroupPage page = groups.list(all(), 2, 0);
            assertThat(names(page)).containsExactly("a", "b");
            assertThat(page.page().total()).isEqualTo(5);
            assertThat(page.page().current()).isEqualTo(1);
            assertThat(page.page().pages()).isEqualTo(3);
            assertThat(page.page().size()).isEqualTo(2);
        }

        @Test
        void lastPartialPage() {
            GroupPage page = groups.list(all(), 2, 4);
            assertThat(names(page)).containsExactly("e");
            assertThat(page.page().current()).isEqualTo(3);
            assertThat(page.page().size()).isEqualTo(1);
        }

        @Test
        void offsetEqualToTotalIsAnEmptyPageWithTheTotal() {
            GroupPage page = groups.list(all(), 2, 5);
            assertThat(page.page().items()).isEmpty();
            assertThat(page.page().total()).isEqualTo(5);
            assertThat(page.page().size()).isZero();
        }

        @Test
        void offsetPastTheEndIsAnEmptyPageWithTheTotal() {
            GroupPage page = groups.list(all(), 2, 1_000);
            assertThat(page.page().items()).isEmpty();
            assertThat(page.page().total()).isEqualTo(5);
            assertThat(page.page().pages()).isEqualTo(3);
        }

        @Test
        void limitOneWalksEveryGroupOnceInOrder() {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 5; offset++) {
                GroupPage page = groups.list(all(), 1, offset);
                assertThat(page.page().current()).isEqualTo(offset + 1);
                assertThat(page.page().pages()).isEqualTo(5);
                seen.addAll(names(page));
            }
            assertThat(seen).containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        void totalZeroIsOneEmptyPage() {
            GroupPage page = groups.list(GroupFilter.visibleTo("nobody", WS), 10, 0);
            assertThat(page.page().items()).isEmpty();
            assertThat(page.page().total()).isZero();
            assertThat(page.page().pages()).isEqualTo(1);
            assertThat(page.page().current()).isEqualTo(1);
            assertThat(page.anySwrEnterprise()).isFalse();
        }
    }
}
