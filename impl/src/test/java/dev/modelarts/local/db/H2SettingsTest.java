package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;

/** The settings H2Url adds are the ones the opened H2 database runs with. */
class H2SettingsTest {

    @Test
    void anEmbeddedFileHoldsAScopesGroupsInMemory(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseSettings.embeddedH2(dir, "sa", ""))) {
            String rows = database.jdbi().withHandle(h -> h.createQuery(
                    "select setting_value from information_schema.settings where upper(setting_name) = 'MAX_MEMORY_ROWS'")
                    .mapTo(String.class).one());
            // H2's own default under a 128 MiB heap is about 4,800: fewer than a scope's groups at 1M versions
            assertThat(Integer.parseInt(rows)).isEqualTo(50_000);
        }
    }
}
