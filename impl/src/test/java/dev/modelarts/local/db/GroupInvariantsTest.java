package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.listing.ListingOrder;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.testing.TestDatabase;

/**
 * After any sequence of registrations and deletions, each group's aggregates equal what its
 * images say: version_count their number, create_at the oldest's, update_at the newest change;
 * a group without images does not exist, nor an image without its group (no foreign key keeps
 * that, the writes do); and the listing, served from memory, equals the table.
 */
@Tag(TestDatabase.BOTH)
class GroupInvariantsTest {

    @TempDir
    Path dir;

    private record Expected(long newestChange) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void holdAfterARandomSequenceOfWrites(long seed) {
        Random random = new Random(seed);
        try (Database database = Database.open(TestDatabase.fresh(dir.resolve("s" + seed)));
                DataLayer data = DataLayer.over(database)) {
            ImageDao images = data.images();
            GroupIndex groups = data.listing();
            List<ImageRow> live = new ArrayList<>();
            Map<String, Long> newestChange = new HashMap<>();
            long clock = 1_000_000;
            for (int step = 0; step < 300; step++) {
                if (step % 50 == 1) {
                    // the listing's in-memory copy is loaded early and then kept up by the writes
                    assertListingMatchesTable(database, groups);
                }
                clock += 1 + random.nextInt(1000);
                if (live.isEmpty() || random.nextInt(100) < 60) {
                    String name = "app" + random.nextInt(6);
                    long created = clock - random.nextInt(500_000); // registered images may carry older times
                    ImageRow image = dedicated("p", random.nextBoolean() ? "0" : "ws", "team", name,
                            "t" + step, created, clock, null);
                    live.add(images.insert(image, GroupDetails.NONE));
                    newestChange.merge(image.scope() + "/" + name, clock, Math::max);
                } else {
                    ImageRow victim = live.remove(random.nextInt(live.size()));
                    assertThat(images.delete(victim.id(), clock)).isPresent();
                    newestChange.merge(victim.scope() + "/" + victim.name(), clock, Math::max);
                }
            }
            assertInvariants(database, live, newestChange);
            assertListingMatchesTable(database, groups);
        }
    }

    /** Writers on eight threads at once: the listing ends equal to the table. */
    @Test
    void theListingFollowsConcurrentWriters(@TempDir Path other) throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(other)); DataLayer data = DataLayer.over(database)) {
            ImageDao images = data.images();
            GroupIndex groups = data.listing();
            assertListingMatchesTable(database, groups);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(thread);
                    List<ImageRow> mine = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        if (mine.isEmpty() || random.nextInt(100) < 70) {
                            mine.add(images.insert(dedicated("p", "0", "team", "app" + random.nextInt(5),
                                    "t" + thread + "-" + i, 1_000 + i), GroupDetails.NONE));
                        } else {
                            images.delete(mine.remove(random.nextInt(mine.size())).id(), 2_000 + i);
                        }
                        groups.list(GroupFilter.visibleTo("p", "0"), 10, 0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertListingMatchesTable(database, groups);
        }
    }

    /**
     * Two instances over one PostgreSQL database: each one's listing follows the other's writes
     * (scope revisions), not only its own.
     */
    @Test
    void twoInstancesOverOneDatabaseEachSeeTheOthersWrites(@TempDir Path other) {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "a shared database is PostgreSQL here");
        DatabaseSettings settings = TestDatabase.fresh(other);
        try (Database first = Database.open(settings); Database second = Database.open(settings);
                DataLayer firstData = DataLayer.over(first); DataLayer secondData = DataLayer.over(second)) {
            GroupIndex firstGroups = firstData.listing();
            GroupIndex secondGroups = secondData.listing();
            assertListingMatchesTable(first, firstGroups);
            assertListingMatchesTable(second, secondGroups);
            ImageRow a = firstData.images().insert(dedicated("p", "0", "team", "a", "v1", 1_000), GroupDetails.NONE);
            secondData.images().insert(dedicated("p", "0", "team", "b", "v1", 2_000), GroupDetails.NONE);
            assertListingMatchesTable(first, firstGroups);
            assertListingMatchesTable(second, secondGroups);
            secondData.images().delete(a.id(), 3_000);
            assertThat(firstGroups.list(GroupFilter.visibleTo("p", "0").withType(ImageType.DEDICATED), 10, 0)
                    .page().items()).extracting(GroupRow::name).containsExactly("b");
            assertListingMatchesTable(second, secondGroups);
        }
    }

    /** Each scope's listing, read from memory, is the table's rows in the listing's order. */
    private static void assertListingMatchesTable(Database database, GroupIndex groups) {
        for (String workspace : List.of("0", "ws")) {
            List<GroupRow> table = new ArrayList<>(database.jdbi().withHandle(h -> h.createQuery(
                            "select " + RowMappers.GROUP_COLUMNS + " from image_groups where scope = :scope")
                    .bind("scope", Scopes.dedicated("p", workspace)).mapTo(GroupRow.class).list()));
            table.sort(ListingOrder.ORDER);
            GroupPage listed = groups.list(GroupFilter.visibleTo("p", workspace).withType(ImageType.DEDICATED),
                    1000, 0);
            assertThat(listed.page().items()).as("workspace %s", workspace).isEqualTo(table);
            assertThat(listed.page().total()).isEqualTo(table.size());
        }
    }

    private static void assertInvariants(Database database, List<ImageRow> live, Map<String, Long> newestChange) {
        List<Map<String, Object>> groups = database.jdbi().withHandle(h -> h.createQuery(
                "select g.id, g.scope, g.name, g.version_count, g.create_at, g.update_at,"
                        + " (select count(*) from images i where i.group_id = g.id) as images,"
                        + " (select min(i.create_at) from images i where i.group_id = g.id) as oldest"
                        + " from image_groups g").mapToMap().list());
        Map<String, List<ImageRow>> expected = new HashMap<>();
        live.forEach(i -> expected.computeIfAbsent(i.scope() + "/" + i.name(), k -> new ArrayList<>()).add(i));

        assertThat(groups).hasSize(expected.size());
        long orphans = database.jdbi().withHandle(h -> h.createQuery("select count(*) from images i"
                + " where not exists (select 1 from image_groups g where g.id = i.group_id)").mapTo(Long.class).one());
        assertThat(orphans).as("images whose group_id names no group").isZero();
        for (Map<String, Object> g : groups) {
            String key = g.get("scope") + "/" + g.get("name");
            List<ImageRow> members = expected.get(key);
            assertThat(members).as("group %s has images", key).isNotNull();
            assertThat(((Number) g.get("version_count")).intValue()).isEqualTo(members.size())
                    .isEqualTo(((Number) g.get("images")).intValue());
            long oldest = members.stream().mapToLong(ImageRow::createAt).min().orElseThrow();
            assertThat(((Number) g.get("create_at")).longValue()).isEqualTo(oldest)
                    .isEqualTo(((Number) g.get("oldest")).longValue());
            assertThat(((Number) g.get("update_at")).longValue()).isEqualTo(newestChange.get(key));
        }
    }

    @Test
    void deletingTheLastVersionDeletesTheGroup(@TempDir Path other) {
        try (Database database = Database.open(TestDatabase.fresh(other)); DataLayer data = DataLayer.over(database)) {
            ImageDao images = data.images();
            ImageRow only = images.insert(dedicated("p", "0", "team", "solo", "v1", 1_000), GroupDetails.NONE);
            assertThat(images.delete(only.id(), 2_000)).isPresent();
            long groups = database.jdbi().withHandle(h -> h.createQuery("select count(*) from image_groups")
                    .mapTo(Long.class).one());
            assertThat(groups).isZero();
            assertThat(images.delete(only.id(), 3_000)).isEmpty();
        }
    }
}
