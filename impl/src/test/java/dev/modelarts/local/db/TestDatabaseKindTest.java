package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.TestDatabase;

/** The data-layer tests of a run really are on the database the run is for. */
@Tag(TestDatabase.BOTH)
class TestDatabaseKindTest {

    @Test
    void theRunIsOnTheDatabaseItNames(@TempDir Path dir) throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            String product = database.jdbi().withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
            assertThat(product).isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
        }
    }
}
