package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;

/**
 * The operator's reading of H2's refusals, on the refusals H2 itself makes: the database is
 * named as the URL means it (a file by its path, a database in memory by its name, never as a
 * file it is not), and the password given is not repeated. (The packaged jar's messages are
 * {@code StartupMessagesIT}'s.)
 */
class StartupFailureTest {

    @Test
    void aDatabaseInMemoryThatRefusesTheUserIsNamedAsInMemory() throws Exception {
        String url = "jdbc:h2:mem:refusing-" + UUID.randomUUID();
        DatabaseSettings made = DatabaseSettings.forUrl(url, "sa", "", 2);
        try (Connection held = DriverManager.getConnection(made.jdbcUrl(), "sa", "")) {
            DatabaseSettings asked = DatabaseSettings.forUrl(url, "sa", "not-it", 2);

            String message = StartupFailure.explained(refusal(asked), asked).getMessage();

            assertThat(message).startsWith("the H2 database in memory " + url
                    + " refused user sa: wrong user name or password")
                    .doesNotContain(".mv.db").doesNotContain("not-it");
        }
    }

    @Test
    void anH2FileThatRefusesTheUserIsNamedByItsFile(@TempDir Path dir) throws Exception {
        DatabaseSettings made = DatabaseSettings.forUrl("jdbc:h2:file:" + dir.resolve("modelarts"), "sa", "", 2);
        try (Connection first = DriverManager.getConnection(made.jdbcUrl(), "sa", "")) {
            first.createStatement().execute("create table t (x int)");
        }
        DatabaseSettings asked = DatabaseSettings.forUrl("jdbc:h2:file:" + dir.resolve("modelarts"), "sa", "not-it", 2);

        String message = StartupFailure.explained(refusal(asked), asked).getMessage();

        assertThat(message).startsWith("the H2 database " + dir.resolve("modelarts.mv.db") + " refused user sa")
                .doesNotContain("not-it");
    }

    /** H2's own refusal of {@code settings}' user and password, as the start meets it (wrapped). */
    private static RuntimeException refusal(DatabaseSettings settings) {
        Throwable refused = catchThrowable(() -> DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()).close());
        assertThat(refused).isInstanceOf(java.sql.SQLException.class);
        return new IllegalStateException("the pool could not start", refused);
    }
}
