package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestImages;

/**
 * ListImage and the look-up by id stay exact while writes land, whatever is kept (ImagePages,
 * ShownImages): each writer, right after its registration is answered, lists its own group and
 * finds every image it registered, and the project's totals it reads never go back, on the count
 * from the groups and on the count in SQL alike; an image deleted is not found.
 */
@Tag(TestDatabase.BOTH)
class ListImageWhileWrittenTest {

    private static final int WRITERS = 4;
    private static final int IMAGES_EACH = 40;

    @TempDir
    Path dir;

    @Test
    void everyWriterListsWhatItWroteAndNoTotalGoesBack() throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(dir)); DataLayer data = DataLayer.over(database)) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String group = "app-" + w;
                    writers.add(pool.submit(() -> {
                        write(data.images(), group);
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(total(data.images(), project(null), null)).isEqualTo(WRITERS * IMAGES_EACH);
        }
    }

    /** An image found by id, then deleted, is not found; registered again under its tag, the new one is. */
    @Test
    void anImageShownThenDeletedIsGone() {
        try (Database database = Database.open(TestDatabase.fresh(dir)); DataLayer data = DataLayer.over(database)) {
            ImageDao images = data.images();
            for (int k = 1; k <= 20; k++) {
                var stored = images.insert(TestImages.dedicated("p1", "0", "team", "shown", "v1", 1_000L * k),
                        GroupDetails.NONE);
                assertThat(images.find(stored.id())).as("round %d", k).contains(stored);
                assertThat(images.find(stored.id())).as("asked again").contains(stored);
                assertThat(images.delete(stored.id(), 2_000L * k)).isPresent();
                assertThat(images.find(stored.id())).as("round %d, deleted", k).isEmpty();
            }
        }
    }

    private static GroupFilter project(String name) {
        return new GroupFilter("p1", "0", ImageType.DEDICATED, name, false, null, null);
    }

    private static long total(ImageDao images, GroupFilter groups, ImageStatus status) {
        return images.list(new ImageFilter(groups, null, null, null, status), ImageSort.DEFAULT, 10, 0).total();
    }

    private static void write(ImageDao images, String group) {
        long seenByGroups = 0;
        long seenInSql = 0;
        for (int k = 1; k <= IMAGES_EACH; k++) {
            images.insert(TestImages.dedicated("p1", "0", "team", group, "v" + k, 1_000L * k), GroupDetails.NONE);
            assertThat(total(images, project(group), null)).as("%s's images after its registration %d", group, k)
                    .isEqualTo(k);
            assertThat(total(images, project(group), ImageStatus.ACTIVE)).as("counted in SQL").isEqualTo(k);
            long byGroups = total(images, project(null), null);
            long inSql = total(images, project(null), ImageStatus.ACTIVE);
            assertThat(byGroups).as("the project's total from the groups").isGreaterThanOrEqualTo(seenByGroups);
            assertThat(inSql).as("the project's total in SQL").isGreaterThanOrEqualTo(seenInSql);
            seenByGroups = byGroups;
            seenInSql = inSql;
        }
    }
}
