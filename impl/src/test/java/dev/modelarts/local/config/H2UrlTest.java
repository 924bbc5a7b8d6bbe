package dev.modelarts.local.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlTest {

    @Test
    void aFileUrlGainsEverySettingTheServerNeeds() {
        assertThat(H2Url.complete("jdbc:h2:file:/data/modelarts")).isEqualTo("jdbc:h2:file:/data/modelarts"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                + ";DB_CLOSE_ON_EXIT=FALSE;MAX_MEMORY_ROWS=50000;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64");
    }

    @Test
    void theOperatorsOwnValuesStay() {
        assertThat(H2Url.complete("jdbc:h2:file:/data/m;max_memory_rows=1000;LOCK_TIMEOUT=1"))
                .contains(";max_memory_rows=1000;").doesNotContain("MAX_MEMORY_ROWS=50000")
                .contains("LOCK_TIMEOUT=1").doesNotContain("LOCK_TIMEOUT=10000");
    }

    @Test
    void aRemoteDatabaseKeepsItsOwnDatabaseSettings() {
        // the database is another process's: its settings are that process's to choose
        assertThat(H2Url.complete("jdbc:h2:tcp://db:9092/modelarts"))
                .doesNotContain("MAX_MEMORY_ROWS").doesNotContain("DB_CLOSE_ON_EXIT");
    }
}
