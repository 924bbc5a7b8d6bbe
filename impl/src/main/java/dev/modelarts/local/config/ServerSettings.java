package dev.modelarts.local.config;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the server starts with, checked once and immutable: what the composition root
 * ({@code RunningServer}) takes, whether it came from the command line and the environment
 * ({@link ServerCommandLine}) or from the JUnit extension's typed builder.
 *
 * @param database    the database to open (the embedded H2 file, memory, or the URL given)
 * @param corsOrigins the origins a browser page may call from, as browsers send them ({@link CorsOrigin})
 * @param hotReads    whether the hot reads and the registrations may be answered at the edge, past
 *                    Jersey ({@code hot.HotReads}, {@code hot.HotWrites}); on, except in the tests
 *                    that hold both paths to the same answers
 */
public record ServerSettings(String host, int port, Path dataDir, Optional<Path> credentials,
        DatabaseSettings database, boolean inMemory, boolean hasDatabaseUrl, List<String> corsOrigins,
        LogFormat logFormat, ControlSettings control, boolean hotReads) {

    /** How log lines are written. */
    public enum LogFormat { text, json }

    /** A setting that cannot be, named by its command-line option (which also says where it came from). */
    public static final class InvalidSetting extends IllegalArgumentException {
        private final String option;

        InvalidSetting(String option, String reason) {
            super(reason);
            this.option = option;
        }

        /** The option, such as {@code --port}; null when the problem is two options together. */
        public String option() {
            return option;
        }
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(control, "control");
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings' values before they are checked; {@link #build()} checks them together. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Path dataDir = Path.of("data");
        private Path credentials;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private int dbPoolSize = 16;
        private boolean fsync;
        private DatabaseSettings.SharedReads sharedReads = DatabaseSettings.SharedReads.exact;
        private boolean inMemory;
        private List<String> corsOrigins = List.of();
        private LogFormat logFormat = LogFormat.text;
        private Path seed;
        private Path faults;
        private Path transitions;
        private Path state;
        private String clock;
        private boolean clockFixed;
        private Long deterministic;
        private boolean journalAll;
        private boolean journalBodies;
        private boolean controlApi = true;
        private boolean hotReads = true;

        private Builder() {
        }

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder dataDir(Path value) { dataDir = value; return this; }
        public Builder credentials(Path value) { credentials = value; return this; }
        public Builder databaseUrl(String value) { dbUrl = value; return this; }
        public Builder databaseUser(String value) { dbUser = value; return this; }
        public Builder databasePassword(String value) { dbPassword = value; return this; }
        public Builder databasePoolSize(int value) { dbPoolSize = value; return this; }
        public Builder fsync(boolean value) { fsync = value; return this; }
        public Builder sharedReads(DatabaseSettings.SharedReads value) { sharedReads = value; return this; }
        public Builder inMemory(boolean value) { inMemory = value; return this; }
        public Builder corsOrigins(List<String> value) { corsOrigins = value == null ? List.of() : value; return this; }
        public Builder logFormat(LogFormat value) { logFormat = value; return this; }
        public Builder seed(Path value) { seed = value; return this; }
        public Builder faults(Path value) { faults = value; return this; }
        public Builder transitions(Path value) { transitions = value; return this; }
        public Builder state(Path value) { state = value; return this; }
        /** @param value an ISO-8601 instant with an offset, such as {@code 2026-01-01T00:00:00Z} */
        public Builder clock(String value) { clock = value; return this; }
        public Builder clockFixed(boolean value) { clockFixed = value; return this; }
        public Builder deterministic(Long seedOrNull) { deterministic = seedOrNull; return this; }
        public Builder journalAll(boolean value) { journalAll = value; return this; }
        public Builder journalBodies(boolean value) { journalBodies = value; return this; }
        public Builder controlApi(boolean value) { controlApi = value; return this; }
        public Builder hotReads(boolean value) { hotReads = value; return this; }

        /**
         * The settings, checked together.
         *
         * @throws InvalidSetting naming the option whose value cannot be
         */
        public ServerSettings build() {
            boolean hasUrl = dbUrl != null && !dbUrl.isBlank();
            if (port < 0 || port > 65535) {
                throw new InvalidSetting("--port", port + " is not a port number (0 to 65535)");
            }
            if (dbPoolSize < 1 || dbPoolSize > 1000) {
                throw new InvalidSetting("--db-pool-size", dbPoolSize + " is not 1 to 1000");
            }
            if (inMemory && hasUrl) {
                throw new InvalidSetting(null, "--in-memory and --db-url exclude each other");
            }
            if (host == null || host.isBlank()) {
                throw new InvalidSetting("--host", "empty");
            }
            if (hasUrl && !H2Url.isH2(dbUrl) && !DatabaseSettings.isPostgresUrl(dbUrl)) {
                throw new InvalidSetting("--db-url", new DatabaseSettings(dbUrl, "", "").redactedUrl()
                        + " is not a database this server runs on; give a JDBC URL of PostgreSQL"
                        + " (jdbc:postgresql://HOST:5432/DATABASE) or H2 (jdbc:h2:file:/PATH)");
            }
            if (fsync && (inMemory || (hasUrl && !H2Url.isH2(dbUrl)))) {
                throw new InvalidSetting("--fsync", inMemory ? "there is no file to sync with --in-memory"
                        : "PostgreSQL's own fsync and synchronous_commit settings decide its durability");
            }
            if (sharedReads == null) {
                throw new InvalidSetting("--shared-reads", "none given; exact or notified");
            }
            if (sharedReads == DatabaseSettings.SharedReads.notified && !(hasUrl && DatabaseSettings.isPostgresUrl(dbUrl))) {
                throw new InvalidSetting("--shared-reads", "notified needs PostgreSQL (--db-url jdbc:postgresql:...),"
                        + " whose LISTEN/NOTIFY pushes other instances' writes; H2 has none, and a file of"
                        + " its own has no other writer");
            }
            if (hasUrl && H2Url.isH2(dbUrl)) {
                H2Url.conflict(dbUrl).ifPresent(reason -> {
                    throw new InvalidSetting("--db-url", reason);
                });
            }
            List<String> origins = corsOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).map(origin -> {
                try {
                    return CorsOrigin.normalize(origin);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSetting("--cors-origin", e.getMessage());
                }
            }).distinct().toList();
            ControlSettings control = new ControlSettings(Optional.ofNullable(seed), Optional.ofNullable(faults),
                    Optional.ofNullable(transitions), Optional.ofNullable(state), clockStart(), clockFixed,
                    deterministic == null ? OptionalLong.empty() : OptionalLong.of(deterministic), journalAll,
                    journalBodies, controlApi);
            return new ServerSettings(host, port, dataDir, Optional.ofNullable(credentials), database(hasUrl), inMemory,
                    hasUrl, origins, logFormat, control, hotReads);
        }

        private Optional<Long> clockStart() {
            if (clock == null || clock.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(clock.trim()).toInstant().toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new InvalidSetting("--clock", clock + " is not an ISO-8601 instant with an offset, such as 2026-01-01T00:00:00Z");
            }
        }

        private DatabaseSettings database(boolean hasUrl) {
            if (inMemory) {
                return DatabaseSettings.inMemoryH2().withPoolSize(dbPoolSize);
            }
            if (hasUrl) {
                // H2's user is sa unless named, as for the embedded file: an H2 URL naming the
                // file the embedded default made opens it without --db-user
                String defaultUser = H2Url.isH2(dbUrl) ? "sa" : "";
                return DatabaseSettings.forUrl(dbUrl, Optional.ofNullable(dbUser).orElse(defaultUser),
                        Optional.ofNullable(dbPassword).orElse(""), dbPoolSize).withFsync(fsync)
                        .withSharedReads(sharedReads);
            }
            return DatabaseSettings.embeddedH2(dataDir, Optional.ofNullable(dbUser).orElse("sa"),
                    Optional.ofNullable(dbPassword).orElse("")).withPoolSize(dbPoolSize).withFsync(fsync);
        }
    }
}
