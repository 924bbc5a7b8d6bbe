package dev.modelarts.local.config;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The server's command line. Every option has an environment-variable equivalent; a flag given
 * on the command line wins over the variable, which wins over the default.
 */
@Command(
        name = "modelarts-image-server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerConfig.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "A local server for the Huawei Cloud ModelArts image-management API.",
        footer = {"", "Each option can also be set by the environment variable shown in its description.",
            "",
            "Other environment variables:",
            "  MODELARTS_ACCESS_LOG_LEVEL   WARN silences the per-request access lines (default INFO).",
            "  JAVA_OPTS, JAVA              bin/modelarts-image-server only: the JVM settings, another java.",
            "  MODELARTS_TEST_POSTGRES_URL, MODELARTS_TEST_POSTGRES_USER, MODELARTS_TEST_POSTGRES_PASSWORD",
            "                               read by the test suite (mvn verify), not by the server: the",
            "                               PostgreSQL it tests against instead of an embedded one.",
            "",
            "Endpoints besides the API: /health/live, /health/ready, /version, /metrics, /openapi.yaml, /docs."})
public final class ServerConfig {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS",
            defaultValue = "${env:MODELARTS_HOST:-127.0.0.1}",
            description = "Address to listen on (MODELARTS_HOST). Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            defaultValue = "${env:MODELARTS_PORT:-8080}",
            description = "Port to listen on; 0 picks a free port and prints it (MODELARTS_PORT). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            defaultValue = "${env:MODELARTS_DATA_DIR:-data}",
            description = "Directory of the embedded H2 database file (MODELARTS_DATA_DIR). Default: ${DEFAULT-VALUE}.")
    private Path dataDir;

    @Option(names = "--credentials", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_CREDENTIALS}",
            description = "YAML file of the tokens and access keys to accept (MODELARTS_CREDENTIALS)."
                    + " Default: the development credential only (dev-token; DEVACCESSKEY0000000 for dev-project).")
    private Path credentials;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            defaultValue = "${env:MODELARTS_DB_URL}",
            description = "JDBC URL of the database, replacing the embedded H2 file (MODELARTS_DB_URL).")
    private String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER",
            defaultValue = "${env:MODELARTS_DB_USER}",
            description = "Database user (MODELARTS_DB_USER). Default: sa for the embedded H2 file.")
    private String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            defaultValue = "${env:MODELARTS_DB_PASSWORD}",
            description = "Database password (MODELARTS_DB_PASSWORD). Default: empty.")
    private String dbPassword;

    @Option(names = "--db-pool-size", paramLabel = "N",
            defaultValue = "${env:MODELARTS_DB_POOL_SIZE:-16}",
            description = "Most database connections this instance holds (MODELARTS_DB_POOL_SIZE). Default: ${DEFAULT-VALUE}.")
    private int dbPoolSize;

    @Option(names = "--fsync",
            defaultValue = "${env:MODELARTS_FSYNC:-false}",
            description = "Force every commit of the embedded H2 file to the disk device before answering, so that a power"
                    + " loss loses no answered write; costs one fsync per group commit (MODELARTS_FSYNC=true)."
                    + " Without it a killed process loses nothing answered, a power loss may.")
    private boolean fsync;

    @Option(names = "--in-memory",
            defaultValue = "${env:MODELARTS_IN_MEMORY:-false}",
            description = "Keep everything in memory, nothing on disk: a throw-away H2 database with the"
                    + " built-in catalog, for CI (MODELARTS_IN_MEMORY=true).")
    private boolean inMemory;

    @Option(names = "--seed", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_SEED}",
            description = "JSON or YAML file of images to register at start, as POST /_modelarts/seed takes them"
                    + " (MODELARTS_SEED); idempotent.")
    private Path seed;

    @Option(names = "--faults", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_FAULTS}",
            description = "JSON or YAML file of fault rules to apply from the start, as POST /_modelarts/faults takes them"
                    + " (MODELARTS_FAULTS).")
    private Path faults;

    @Option(names = "--transitions", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_TRANSITIONS}",
            description = "JSON or YAML file of status-transition rules, as POST /_modelarts/transitions takes them"
                    + " (MODELARTS_TRANSITIONS).")
    private Path transitions;

    @Option(names = "--state", paramLabel = "FILE",
            defaultValue = "${env:MODELARTS_STATE}",
            description = "JSON or YAML state document, as GET /_modelarts/state answers it, to replace every project's"
                    + " images with at start (MODELARTS_STATE).")
    private Path state;

    @Option(names = "--clock", paramLabel = "INSTANT",
            defaultValue = "${env:MODELARTS_CLOCK}",
            description = "Start the server's clock at this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z; it runs on from"
                    + " there (MODELARTS_CLOCK). Default: the machine's clock.")
    private String clock;

    @Option(names = "--clock-fixed",
            defaultValue = "${env:MODELARTS_CLOCK_FIXED:-false}",
            description = "The server's clock stands still (at --clock, or at the start) until POST /_modelarts/clock"
                    + " moves it (MODELARTS_CLOCK_FIXED=true).")
    private boolean clockFixed;

    @Option(names = "--deterministic", paramLabel = "SEED",
            defaultValue = "${env:MODELARTS_DETERMINISTIC}",
            description = "Make image, group and request ids from a generator seeded with SEED: the same seed, clock and"
                    + " requests give the same ids (MODELARTS_DETERMINISTIC).")
    private Long deterministic;

    @Option(names = "--journal-all",
            defaultValue = "${env:MODELARTS_JOURNAL_ALL:-false}",
            description = "Record every request in the journal (GET /_modelarts/requests), health probes and test control"
                    + " included; by default only the API's (MODELARTS_JOURNAL_ALL=true).")
    private boolean journalAll;

    @Option(names = "--journal-bodies",
            defaultValue = "${env:MODELARTS_JOURNAL_BODIES:-false}",
            description = "Record request bodies in the journal, the values of keys that name secrets masked"
                    + " (MODELARTS_JOURNAL_BODIES=true).")
    private boolean journalBodies;

    @Option(names = "--no-control-api",
            defaultValue = "${env:MODELARTS_NO_CONTROL_API:-false}",
            description = "Leave out the test-control API (/_modelarts/: reset, seed, provider states, request journal),"
                    + " for shared deployments (MODELARTS_NO_CONTROL_API=true). It is on by default.")
    private boolean noControlApi;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            split = ",",
            defaultValue = "${env:MODELARTS_CORS_ORIGINS}",
            description = "An origin a browser page may call this server from (repeatable, or comma-separated; * for any)"
                    + " (MODELARTS_CORS_ORIGINS). Default: none, no cross-origin access.")
    private List<String> corsOrigins;

    /** How log lines are written. */
    public enum LogFormat { text, json }

    @Option(names = "--log-format", paramLabel = "FORMAT",
            defaultValue = "${env:MODELARTS_LOG_FORMAT:-text}",
            description = "text: one readable line per event; json: one JSON object per line, the access line's fields"
                    + " as keys (MODELARTS_LOG_FORMAT). Default: ${DEFAULT-VALUE}.")
    private LogFormat logFormat;

    private ServerConfig() {
    }

    /**
     * Parses the command line (and the environment). Usage errors are thrown as picocli's
     * {@link ParameterException}, which the caller reports.
     */
    public static ServerConfig parse(String... args) {
        ServerConfig config = new ServerConfig();
        new CommandLine(config).parseArgs(args);
        config.validate();
        return config;
    }

    /** A picocli command line for this configuration, for help and version output. */
    public static CommandLine commandLine() {
        return new CommandLine(new ServerConfig());
    }

    /** Checks what picocli's types cannot; throws {@link ParameterException}. */
    public void validate() {
        if (port < 0 || port > 65535) {
            throw invalid("--port", port + " is not a port number (0 to 65535)");
        }
        if (dbPoolSize < 1 || dbPoolSize > 1000) {
            throw invalid("--db-pool-size", dbPoolSize + " is not 1 to 1000");
        }
        if (inMemory && dbUrl != null && !dbUrl.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--in-memory and --db-url exclude each other");
        }
        if (host == null || host.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--host': empty");
        }
        if (dbUrl != null && !dbUrl.isBlank() && !dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw invalid("--db-url", new DatabaseSettings(dbUrl, "", "").redactedUrl()
                    + " is not a database this server runs on; give a JDBC URL of PostgreSQL"
                    + " (jdbc:postgresql://HOST:5432/DATABASE) or H2 (jdbc:h2:file:/PATH)");
        }
        if (fsync && (inMemory || (dbUrl != null && !dbUrl.isBlank() && !H2Url.isH2(dbUrl)))) {
            throw invalid("--fsync", inMemory ? "there is no file to sync with --in-memory"
                    : "PostgreSQL's own fsync and synchronous_commit settings decide its durability");
        }
        for (String origin : rawCorsOrigins()) {
            try {
                CorsOrigin.normalize(origin);
            } catch (IllegalArgumentException e) {
                throw invalid("--cors-origin", e.getMessage());
            }
        }
        if (clock != null && !clock.isBlank()) {
            try {
                OffsetDateTime.parse(clock.trim());
            } catch (DateTimeParseException e) {
                throw invalid("--clock", clock + " is not an ISO-8601 instant with an offset, such as 2026-01-01T00:00:00Z");
            }
        }
        if (dbUrl != null && H2Url.isH2(dbUrl)) {
            H2Url.conflict(dbUrl).ifPresent(reason -> {
                throw invalid("--db-url", reason);
            });
        }
    }

    /** A usage error tied to its option, so that {@link #describe} can name where the value came from. */
    private ParameterException invalid(String option, String reason) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + reason,
                spec.findOption(option), null);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Optional<Path> credentials() {
        return Optional.ofNullable(credentials);
    }

    public Optional<Path> seed() {
        return Optional.ofNullable(seed);
    }

    public Optional<Path> faults() {
        return Optional.ofNullable(faults);
    }

    public Optional<Path> transitions() {
        return Optional.ofNullable(transitions);
    }

    public Optional<Path> state() {
        return Optional.ofNullable(state);
    }

    /** {@code --clock}, as epoch milliseconds. */
    public Optional<Long> clockStart() {
        return clock == null || clock.isBlank() ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(clock.trim()).toInstant().toEpochMilli());
    }

    public boolean clockFixed() {
        return clockFixed;
    }

    public OptionalLong deterministicSeed() {
        return deterministic == null ? OptionalLong.empty() : OptionalLong.of(deterministic);
    }

    /** The origins a browser page may call from, as browsers send them ({@link CorsOrigin}). */
    public List<String> corsOrigins() {
        return rawCorsOrigins().stream().map(CorsOrigin::normalize).distinct().toList();
    }

    private List<String> rawCorsOrigins() {
        return corsOrigins == null ? List.of() : corsOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    public LogFormat logFormat() {
        return logFormat;
    }

    public boolean journalAll() {
        return journalAll;
    }

    public boolean journalBodies() {
        return journalBodies;
    }

    public boolean controlApi() {
        return !noControlApi;
    }

    public boolean inMemory() {
        return inMemory;
    }

    /** Whether --db-url names the database (else it is the embedded H2 file, or memory). */
    public boolean hasDatabaseUrl() {
        return dbUrl != null && !dbUrl.isBlank();
    }

    public DatabaseSettings database() {
        if (inMemory) {
            return DatabaseSettings.inMemoryH2().withPoolSize(dbPoolSize);
        }
        if (dbUrl != null && !dbUrl.isBlank()) {
            return DatabaseSettings.forUrl(dbUrl, Optional.ofNullable(dbUser).orElse(""),
                    Optional.ofNullable(dbPassword).orElse(""), dbPoolSize).withFsync(fsync);
        }
        return DatabaseSettings.embeddedH2(dataDir,
                Optional.ofNullable(dbUser).orElse("sa"), Optional.ofNullable(dbPassword).orElse(""))
                .withPoolSize(dbPoolSize).withFsync(fsync);
    }

    /** The version printed by {@code --version}: the jar's Implementation-Version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ServerConfig.class.getPackage().getImplementationVersion();
            return new String[] {"modelarts-image-server " + (v == null ? "(development build)" : v)};
        }
    }
}
