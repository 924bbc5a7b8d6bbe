package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Database.SCHEMA_VERSION names the newest migration, or a start would skip a new one. */
class SchemaVersionTest {

    @Test
    void theSchemaVersionIsTheNewestMigration() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(String.valueOf(newest));
        }
    }
}
