package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.listing.ListingOrder;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.testing.TestDatabase;

/**
 * What each revision changed: recorded, told, pruned; and a second instance catching its copy up
 * on it rather than reading the scope whole, ending equal to the table.
 */
@Tag(TestDatabase.BOTH)
class ScopeChangesTest {

    private static final String SCOPE = "p:0";

    @TempDir
    Path dir;

    @Test
    void theGroupsOfTheRevisionsBetweenAreToldWhileEveryRevisionIsRecorded() {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeChanges changes = new ScopeChanges(true);
            jdbi.useTransaction(h -> {
                changes.record(h, SCOPE, 1, Set.of("a"));
                changes.record(h, SCOPE, 2, Set.of("b"));
                changes.record(h, SCOPE, 3, Set.of("a", "c"));
                changes.record(h, "other", 4, Set.of("d"));
                changes.record(h, SCOPE, 5, Set.of("e"));
            });
            jdbi.useHandle(h -> {
                assertThat(changes.changedBetween(h, SCOPE, 0, 3)).contains(Set.of("a", "b", "c"));
                assertThat(changes.changedBetween(h, SCOPE, 2, 3)).contains(Set.of("a", "c"));
                assertThat(changes.changedBetween(h, SCOPE, 3, 3)).as("nothing between").isEmpty();
                assertThat(changes.changedBetween(h, SCOPE, 3, 5)).as("revision 4 not recorded here").isEmpty();
                assertThat(new ScopeChanges(false).changedBetween(h, SCOPE, 0, 3)).as("not recording").isEmpty();
            });
        }
    }

    @Test
    void aRevisionOfTooManyGroupsIsNotRecordedAndOldRevisionsArePruned() {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeChanges changes = new ScopeChanges(true);
            Set<String> many = Set.copyOf(IntStream.rangeClosed(0, ScopeChanges.MOST_GROUPS).mapToObj(i -> "g" + i).toList());
            jdbi.useTransaction(h -> {
                changes.record(h, SCOPE, 1, many);
                for (int revision = 2; revision <= 2 * ScopeChanges.KEPT; revision++) {
                    changes.record(h, SCOPE, revision, Set.of("g" + revision));
                }
            });
            jdbi.useHandle(h -> {
                assertThat(changes.changedBetween(h, SCOPE, 0, 2)).as("revision 1 had too many").isEmpty();
                long last = 2L * ScopeChanges.KEPT;
                assertThat(changes.changedBetween(h, SCOPE, last - ScopeChanges.KEPT, last)).get()
                        .satisfies(groups -> assertThat(groups).hasSize(ScopeChanges.KEPT));
                assertThat(changes.changedBetween(h, SCOPE, last - ScopeChanges.KEPT - 1, last - 1))
                        .as("revision %d pruned", last - ScopeChanges.KEPT).isEmpty();
                assertThat(h.createQuery("select count(*) from scope_changes").mapTo(Long.class).one())
                        .as("rows left after the prune at %d", last).isEqualTo(ScopeChanges.KEPT);
            });
        }
    }

    /**
     * Instance A writes on four threads while instance B lists; B's copy catches up by the
     * recorded groups (it reads the scope whole once, at its first listing) and ends equal to
     * the table.
     */
    @Test
    void anotherInstancesCopyCatchesUpOnTheChangedGroupsAndEndsEqualToTheTable() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a shared database is PostgreSQL here");
        DatabaseSettings settings = TestDatabase.fresh(dir);
        try (Database first = Database.open(settings); Database second = Database.open(settings);
                DataLayer writer = DataLayer.over(first); DataLayer reader = DataLayer.over(second)) {
            GroupFilter dedicated = GroupFilter.visibleTo("p", "0").withType(ImageType.DEDICATED);
            writer.images().insert(dedicated("p", "0", "team", "first", "v0", 1), GroupDetails.NONE);
            reader.listing().list(dedicated, 10, 0);
            List<String> wholeScopeReads = new CopyOnWriteArrayList<>();
            second.jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext ctx) {
                    String sql = ctx.getParsedSql().getSql();
                    if (sql.contains("from image_groups where scope = ") && !sql.contains(" id in ")) {
                        wholeScopeReads.add(sql);
                    }
                }
            });
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread writing = new Thread(() -> {
                    Random random = new Random(thread);
                    List<ImageRow> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        if (mine.isEmpty() || random.nextInt(100) < 70) {
                            mine.add(writer.images().insert(dedicated("p", "0", "team", "app" + random.nextInt(6),
                                    "t" + thread + "-" + i, 1_000 + i), GroupDetails.NONE));
                        } else {
                            writer.images().delete(mine.remove(random.nextInt(mine.size())).id(), 2_000 + i);
                        }
                    }
                });
                writing.start();
                threads.add(writing);
            }
            while (threads.stream().anyMatch(Thread::isAlive)) {
                reader.listing().list(dedicated, 10, 0);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            List<GroupRow> table = new ArrayList<>(first.jdbi().withHandle(h -> h.createQuery(
                            "select " + RowMappers.GROUP_COLUMNS + " from image_groups where scope = :scope")
                    .bind("scope", Scopes.dedicated("p", "0")).mapTo(GroupRow.class).list()));
            table.sort(ListingOrder.ORDER);
            assertThat(reader.listing().list(dedicated, 1000, 0).page().items()).isEqualTo(table);
            assertThat(wholeScopeReads).as("the scope read whole after the first listing").isEmpty();
        }
    }
}
