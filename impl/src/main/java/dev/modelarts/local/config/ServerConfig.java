package dev.modelarts.local.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** What tests control: seed, fault and transition rules, state, clock, ids, the journal. */
    @Mixin
    private ControlOptions control = new ControlOptions();

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
        control.clockProblem().ifPresent(problem -> {
            throw invalid("--clock", problem);
        });
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

    /** What tests control: the seed, fault and transition files, the state, the clock, ids, the journal. */
    public ControlOptions control() {
        return control;
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

    /** What {@code --version} prints: the jar's Implementation-Version, the JVM and its class cache. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ServerConfig.class.getPackage().getImplementationVersion();
            return new String[] {"modelarts-image-server " + (v == null ? "(development build)" : v),
                    "JVM: " + JvmInfo.current()};
        }
    }
}
