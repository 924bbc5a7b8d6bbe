package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.testing.TestDatabase;

/** Groups read by id, as the writer reads back a commit's changed groups, however many. */
@Tag(TestDatabase.BOTH)
class GroupRowsTest {

    @TempDir
    Path dir;

    @Test
    void anyNumberOfIdsIsReadTheUnknownOnesAsNull() {
        try (Database database = Database.open(TestDatabase.fresh(dir)); DataLayer data = DataLayer.over(database)) {
            ImageRow a = data.images().insert(dedicated("p", "0", "team", "a", "v1", 1_000), GroupDetails.NONE);
            ImageRow b = data.images().insert(dedicated("p", "0", "team", "b", "v1", 2_000), GroupDetails.NONE);
            Set<String> ids = new HashSet<>(Set.of(a.groupId(), b.groupId()));
            // more than one statement may bind on PostgreSQL (65,535)
            for (int i = 0; i < 70_000; i++) {
                ids.add("unknown-" + i);
            }
            Map<String, GroupRow> found = database.jdbi().withHandle(
                    h -> new GroupRows().byIds(h, Scopes.dedicated("p", "0"), ids));
            assertThat(found).hasSize(ids.size());
            assertThat(found.get(a.groupId()).name()).isEqualTo("a");
            assertThat(found.get(b.groupId()).name()).isEqualTo("b");
            assertThat(found.values().stream().filter(row -> row != null)).hasSize(2);
        }
    }
}
