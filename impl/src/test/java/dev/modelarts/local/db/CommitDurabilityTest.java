package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.model.GroupDetails;

/**
 * A SIGKILL right after a write is answered leaves the H2 file as it is at that moment: every
 * commit that returned must be found by the recovery H2 runs when it opens that file. Here the
 * file is copied after each commit and the copy opened: what a kill at that moment would leave.
 * (H2 2.5.252 fails this: when a chunk lands in reused space, it writes the store header with
 * the previous chunk's position, so a recovery never finds the newest chunk; see
 * docs/durability.md.) Retention time 0 makes H2 reuse freed space at once, as it does after
 * its 45 s retention on a long-running server.
 */
class CommitDurabilityTest {

    private static final int WRITES = 300;

    @TempDir
    Path dir;

    @Test
    void everyReturnedCommitIsFoundByARecoveryOfTheFileAsItIsRightAfterIt() throws Exception {
        DatabaseSettings live = DatabaseSettings.embeddedH2(dir.resolve("live"), "sa", "");
        live = new DatabaseSettings(live.jdbcUrl() + ";RETENTION_TIME=0", "sa", "");
        Path file = dir.resolve("live").resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db");
        try (Database database = Database.open(live); DataLayer data = DataLayer.over(database)) {
            for (int i = 1; i <= WRITES; i++) {
                data.images().insert(dedicated("p", "0", "team", "app" + i % 5, "v" + i, 1_000L + i), GroupDetails.NONE);
                Path copy = Files.createDirectories(dir.resolve("kill-" + i));
                Files.copy(file, copy.resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
                long found = Jdbi.create(DatabaseSettings.embeddedH2(copy, "sa", "").jdbcUrl(), "sa", "")
                        .withHandle(h -> h.createQuery("select count(*) from images where scope <> ''")
                                .mapTo(Long.class).one());
                assertThat(found).as("images a recovery finds after the commit of write %d returned", i).isEqualTo(i);
                deleteRecursively(copy);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
