package dev.modelarts.local.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the data lives. The password is kept out of {@link #toString()} so that it never reaches
 * a log line.
 *
 * @param sharedReads how the listing learns of other instances' writes over a shared database
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize, boolean fsync,
        SharedReads sharedReads) {

    public static final int DEFAULT_POOL_SIZE = 16;

    /**
     * How an instance over a shared database (PostgreSQL) learns that another instance changed a
     * scope, before it answers the group listing from its copy in memory, or ListImage and
     * ShowImage from the answers it keeps while the scope is unchanged.
     */
    public enum SharedReads {
        /**
         * Each such read asks the database for the scopes' revisions (one query, shared by the
         * reads that ask meanwhile): a write answered by any instance is seen by the next read on
         * every instance. The default.
         */
        exact,
        /**
         * PostgreSQL pushes each commit's scope revisions (LISTEN/NOTIFY); reads ask nothing. A
         * write answered by another instance is seen once its notification arrives, not
         * necessarily by the very next read; reads fall back to {@link #exact} while the listening
         * connection is down.
         */
        notified
    }

    public DatabaseSettings {
        Objects.requireNonNull(sharedReads, "sharedReads");
    }

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_POOL_SIZE, false, SharedReads.exact);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size, fsync, sharedReads);
    }

    public DatabaseSettings withSharedReads(SharedReads reads) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, fsync, reads);
    }

    /**
     * With {@code fsync}, every group commit on an H2 file is forced to the disk device before
     * its writes are answered (H2's {@code CHECKPOINT SYNC}): a power loss then loses nothing
     * answered, for one fsync per group commit. Without it, an answered write is in the
     * operating system's hands: a killed process loses nothing, a power loss may.
     */
    public DatabaseSettings withFsync(boolean sync) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, sync, sharedReads);
    }

    /** The embedded H2 file's name inside the data directory (H2 adds ".mv.db"). */
    public static final String H2_FILE_NAME = "modelarts";

    /**
     * The embedded default: an H2 file in PostgreSQL mode, so that the same SQL runs on both,
     * with the settings {@link H2Url} gives every H2 database (commits written before they
     * return among them).
     */
    public static DatabaseSettings embeddedH2(Path dataDir, String user, String password) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
        return new DatabaseSettings(H2Url.complete("jdbc:h2:file:" + file), user, password);
    }

    /**
     * A throw-away H2 database in this process's memory, with the embedded file's settings:
     * gone when the server stops. Each call names a new one.
     */
    public static DatabaseSettings inMemoryH2() {
        return new DatabaseSettings(H2Url.complete("jdbc:h2:mem:modelarts-" + java.util.UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1"), "sa", "");
    }

    /** The settings of {@code --db-url}: an H2 URL gains the settings the server needs ({@link H2Url}). */
    public static DatabaseSettings forUrl(String url, String user, String password, int poolSize) {
        return new DatabaseSettings(H2Url.isH2(url) ? H2Url.complete(url) : url, user, password, poolSize, false,
                SharedReads.exact);
    }

    /** Whether the database lives in this process's memory only. */
    public boolean isInMemory() {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    public boolean isPostgres() {
        return isPostgresUrl(jdbcUrl);
    }

    /** Whether {@code url} is a JDBC URL of PostgreSQL. */
    public static boolean isPostgresUrl(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return H2Url.isH2(jdbcUrl);
    }

    /**
     * True when this process is the database's only user: an embedded H2 file or memory database
     * (H2 locks the file against other processes). False for PostgreSQL, an H2 server, or H2's
     * AUTO_SERVER mode, which other instances may write to as well.
     */
    public boolean isExclusive() {
        return isH2() && !H2Url.isRemote(jdbcUrl) && !jdbcUrl.toLowerCase(Locale.ROOT).contains("auto_server=true");
    }

    /** The URL with any password parameter masked, for logs. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password=***, poolSize="
                + poolSize + ", fsync=" + fsync + ", sharedReads=" + sharedReads + "]";
    }
}
