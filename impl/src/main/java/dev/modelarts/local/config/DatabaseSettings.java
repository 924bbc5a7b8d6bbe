package dev.modelarts.local.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the data lives. The password is kept out of {@link #toString()} so that it never reaches
 * a log line.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 16;

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size);
    }

    /** The embedded H2 file's name inside the data directory (H2 adds ".mv.db"). */
    public static final String H2_FILE_NAME = "modelarts";

    /**
     * The embedded default: an H2 file in PostgreSQL mode, so that the same SQL runs on both.
     * WRITE_DELAY=0 makes every commit reach the file before it returns (H2's default writes
     * commits from a background thread up to 500 ms later, which a killed process loses).
     * DB_CLOSE_ON_EXIT=FALSE leaves closing to the server's own orderly shutdown.
     * LOCK_TIMEOUT=10000 lets writers queued on one group's row wait their turn (H2's default,
     * one second, is too short for a burst of registrations into one group).
     * QUERY_CACHE_SIZE=64 keeps every statement this server runs parsed, per connection: H2's
     * default, 8, is fewer than one registration's statements, so each was parsed again.
     */
    public static DatabaseSettings embeddedH2(Path dataDir, String user, String password) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
        String url = "jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
        return new DatabaseSettings(url, user, password);
    }

    /**
     * A throw-away H2 database in this process's memory, with the embedded file's settings:
     * gone when the server stops. Each call names a new one.
     */
    public static DatabaseSettings inMemoryH2() {
        String url = "jdbc:h2:mem:modelarts-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
        return new DatabaseSettings(url, "sa", "");
    }

    /** Whether the database lives in this process's memory only. */
    public boolean isInMemory() {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /**
     * True when this process is the database's only user: an embedded H2 file or memory database
     * (H2 locks the file against other processes). False for PostgreSQL, an H2 server, or H2's
     * AUTO_SERVER mode, which other instances may write to as well.
     */
    public boolean isExclusive() {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return isH2() && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                && !url.contains("auto_server=true");
    }

    /** The URL with any password parameter masked, for logs. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password=***, poolSize="
                + poolSize + "]";
    }
}
