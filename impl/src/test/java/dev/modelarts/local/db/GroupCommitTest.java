package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.Ids;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestImages;

/**
 * The writer's rule, on a real database: a write must say which groups it changed, or that it
 * changed none. One that forgets fails loudly and keeps nothing, rather than leaving the
 * listing silently stale.
 */
class GroupCommitTest {

    @TempDir
    Path dir;
    private Database database;
    private GroupIndex listing;
    private GroupCommit writes;
    private final ImageWrites rows = new ImageWrites(Ids.random());

    @BeforeEach
    void open() {
        database = Database.open(TestDatabase.fresh(dir));
        RowMappers.register(database.jdbi());
        ScopeRevisions revisions = new ScopeRevisions();
        GroupRows groups = new GroupRows();
        listing = new GroupIndex(database.jdbi(), database.isExclusive(), revisions, groups);
        writes = new GroupCommit(database.jdbi(), revisions, groups, listing, database::afterCommit);
    }

    @AfterEach
    void close() {
        writes.close();
        listing.close();
        database.close();
    }

    private static ImageRow image(String tag) {
        return TestImages.dedicated("p1", "0", "team", "app", tag, 1_000);
    }

    private long groupsListed() {
        return listing.list(GroupFilter.visibleTo("p1", "0"), 100, 0).page().total();
    }

    private long imagesStored() {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from images").mapTo(Long.class).one());
    }

    @Test
    void aWriteThatForgetsToDeclareWhatItChangedFailsAndKeepsNothing() {
        assertThatThrownBy(() -> writes.run("k", (h, changed) -> rows.insert(h, image("v1"), GroupDetails.NONE)))
                .isInstanceOf(GroupCommit.UndeclaredChange.class)
                .hasMessageContaining("returned without declaring the groups it changed");

        assertThat(imagesStored()).as("its transaction rolled back").isZero();
        assertThat(groupsListed()).isZero();
    }

    @Test
    void aWriteThatDeclaresItsGroupIsListedAtOnce() {
        ImageRow stored = writes.run("k", (h, changed) -> {
            ImageRow row = rows.insert(h, image("v1"), GroupDetails.NONE);
            changed.add(row.groupKey());
            return row;
        });

        assertThat(imagesStored()).isEqualTo(1);
        assertThat(groupsListed()).isEqualTo(1);
        assertThat(stored.groupKey().scope()).isEqualTo(stored.scope());
    }

    @Test
    void aWriteThatChangedNothingSaysSo() {
        String answer = writes.run("k", (h, changed) -> {
            changed.none();
            return "nothing";
        });
        assertThat(answer).isEqualTo("nothing");
    }

    @Test
    void theOtherWritesOfABatchStillCommitWhenOneForgets() throws Exception {
        Thread forgetful = new Thread(() -> {
            try {
                writes.run("a", (h, changed) -> rows.insert(h, image("v1"), GroupDetails.NONE));
            } catch (GroupCommit.UndeclaredChange expected) {
                // the forgetful write's own failure
            }
        });
        forgetful.start();
        writes.run("b", (h, changed) -> {
            ImageRow row = rows.insert(h, image("v2"), GroupDetails.NONE);
            changed.add(row.groupKey());
            return row;
        });
        forgetful.join();

        assertThat(imagesStored()).isEqualTo(1);
        assertThat(groupsListed()).isEqualTo(1);
    }
}
