package dev.modelarts.local.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import dev.modelarts.local.config.DatabaseSettings.SharedReads;
import dev.modelarts.local.config.ServerSettings.Builder;
import dev.modelarts.local.config.ServerSettings.InvalidSetting;
import dev.modelarts.local.config.ServerSettings.LogFormat;

/**
 * The server's command line: every option has an environment-variable equivalent, and a flag
 * given on the command line wins over the variable, which wins over the default. Picocli reads
 * the options into an annotated interface (no fields to mutate); {@link ServerSettings.Builder}
 * checks them together and makes the settings.
 */
public final class ServerCommandLine {

    /** picocli's standard options (mixinStandardHelpOptions), which print and end. */
    private static final Set<String> HELP_AND_VERSION = Set.of("--help", "-h", "--version", "-V");

    private ServerCommandLine() {
    }

    /**
     * The settings of a command line and the environment. A usage error is thrown as picocli's
     * {@link ParameterException}, tied to its option, which {@link UsageErrors} then words.
     */
    public static ServerSettings parse(String... args) {
        CommandLine line = commandLine();
        return settings(line, line.parseArgs(args));
    }

    /** The settings of a command line {@link #commandLine()} parsed (after a look at --help, say). */
    public static ServerSettings settings(CommandLine line, ParseResult parsed) {
        return build(line, copy(line.getCommand(), parsed, false, ServerSettings.builder()));
    }

    /**
     * Sets on {@code builder} the options {@code args} name, and only those (no environment
     * variable, no default): command-line options over settings made in code.
     */
    public static Builder apply(Builder builder, String... args) {
        CommandLine line = commandLine();
        ParseResult parsed = line.parseArgs(args);
        return copy(line.getCommand(), parsed, true, builder);
    }

    /**
     * Whether {@code args} name {@code --help}, {@code -h}, {@code --version} or {@code -V},
     * which picocli answers by printing and ending; told from the words alone, before picocli
     * is loaded, so that such a run skips the start's early work (the launcher does the same).
     */
    public static boolean asksForHelpOrVersion(String... args) {
        return Arrays.stream(args).anyMatch(HELP_AND_VERSION::contains);
    }

    /** A picocli command line of these options, for help and version output. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(Options.class);
        var usage = line.getCommandSpec().usageMessage();
        List<String> footer = new java.util.ArrayList<>(List.of(usage.footer()));
        footer.add("");
        footer.add("Limits of a request (answered with the ModelArts error of its status when passed):");
        footer.addAll(EdgeLimits.DEFAULT.describe());
        usage.footer(footer.toArray(String[]::new));
        return line;
    }

    private static ServerSettings build(CommandLine line, Builder builder) {
        try {
            return builder.build();
        } catch (InvalidSetting e) {
            if (e.option() == null) {
                throw new ParameterException(line, e.getMessage());
            }
            throw new ParameterException(line, "Invalid value for option '" + e.option() + "': " + e.getMessage(),
                    line.getCommandSpec().findOption(e.option()), null);
        }
    }

    private static Builder copy(Options o, ParseResult parsed, boolean onlyGiven, Builder b) {
        Setter set = (option, apply) -> {
            if (!onlyGiven || parsed.hasMatchedOption(option)) {
                apply.run();
            }
        };
        set.when("--host", () -> b.host(o.host()));
        set.when("--port", () -> b.port(o.port()));
        set.when("--data-dir", () -> b.dataDir(o.dataDir()));
        set.when("--credentials", () -> b.credentials(o.credentials()));
        set.when("--db-url", () -> b.databaseUrl(o.dbUrl()));
        set.when("--db-user", () -> b.databaseUser(o.dbUser()));
        set.when("--db-password", () -> b.databasePassword(o.dbPassword()));
        set.when("--db-pool-size", () -> b.databasePoolSize(o.dbPoolSize()));
        set.when("--fsync", () -> b.fsync(o.fsync()));
        set.when("--shared-reads", () -> b.sharedReads(o.sharedReads()));
        set.when("--in-memory", () -> b.inMemory(o.inMemory()));
        set.when("--seed", () -> b.seed(o.seed()));
        set.when("--faults", () -> b.faults(o.faults()));
        set.when("--transitions", () -> b.transitions(o.transitions()));
        set.when("--state", () -> b.state(o.state()));
        set.when("--clock", () -> b.clock(o.clock()));
        set.when("--clock-fixed", () -> b.clockFixed(o.clockFixed()));
        set.when("--deterministic", () -> b.deterministic(o.deterministic()));
        set.when("--journal-all", () -> b.journalAll(o.journalAll()));
        set.when("--journal-bodies", () -> b.journalBodies(o.journalBodies()));
        set.when("--no-control-api", () -> b.controlApi(!o.noControlApi()));
        set.when("--cors-origin", () -> b.corsOrigins(o.corsOrigins()));
        set.when("--log-format", () -> b.logFormat(o.logFormat()));
        return b;
    }

    @FunctionalInterface
    private interface Setter {
        void when(String option, Runnable apply);
    }

    /** What {@code --version} prints: the jar's Implementation-Version, the JVM and its class cache. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ServerCommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"modelarts-image-server " + (v == null ? "(development build)" : v),
                    "JVM: " + JvmInfo.current()};
        }
    }

    /** The options, as picocli reads them; each method is one option. */
    @Command(
            name = "modelarts-image-server",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
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
    interface Options {

        @Option(order = 1, names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:MODELARTS_HOST:-127.0.0.1}",
                description = "Address to listen on (MODELARTS_HOST). Default: ${DEFAULT-VALUE}.")
        String host();

        @Option(order = 2, names = "--port", paramLabel = "PORT", defaultValue = "${env:MODELARTS_PORT:-8080}",
                description = "Port to listen on; 0 picks a free port and prints it (MODELARTS_PORT). Default: ${DEFAULT-VALUE}.")
        int port();

        @Option(order = 3, names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:MODELARTS_DATA_DIR:-data}",
                description = "Directory of the embedded H2 database file (MODELARTS_DATA_DIR). Default: ${DEFAULT-VALUE}.")
        Path dataDir();

        @Option(order = 4, names = "--credentials", paramLabel = "FILE", defaultValue = "${env:MODELARTS_CREDENTIALS}",
                description = "YAML file of the tokens and access keys to accept (MODELARTS_CREDENTIALS)."
                        + " Default: the development credential only (dev-token; DEVACCESSKEY0000000 for dev-project).")
        Path credentials();

        @Option(order = 5, names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:MODELARTS_DB_URL}",
                description = "JDBC URL of the database, replacing the embedded H2 file (MODELARTS_DB_URL).")
        String dbUrl();

        @Option(order = 6, names = "--db-user", paramLabel = "USER", defaultValue = "${env:MODELARTS_DB_USER}",
                description = "Database user (MODELARTS_DB_USER). Default: sa for H2 (the embedded file or an H2 URL).")
        String dbUser();

        @Option(order = 7, names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:MODELARTS_DB_PASSWORD}",
                description = "Database password (MODELARTS_DB_PASSWORD). Default: empty.")
        String dbPassword();

        @Option(order = 8, names = "--db-pool-size", paramLabel = "N", defaultValue = "${env:MODELARTS_DB_POOL_SIZE:-16}",
                description = "Most database connections this instance holds (MODELARTS_DB_POOL_SIZE). Default: ${DEFAULT-VALUE}.")
        int dbPoolSize();

        @Option(order = 9, names = "--fsync", defaultValue = "${env:MODELARTS_FSYNC:-false}",
                description = "Force every commit of the embedded H2 file to the disk device before answering, so that a power"
                        + " loss loses no answered write; costs one fsync per group commit (MODELARTS_FSYNC=true)."
                        + " Without it a killed process loses nothing answered, a power loss may.")
        boolean fsync();

        @Option(order = 10, names = "--shared-reads", paramLabel = "MODE", defaultValue = "${env:MODELARTS_SHARED_READS:-exact}",
                description = "Over PostgreSQL, how the group listing, ListImage and ShowImage learn of other instances' writes"
                        + " (MODELARTS_SHARED_READS). exact: asks the database on each read, so a write answered by one"
                        + " instance is seen by the next read on any; notified: PostgreSQL pushes them (LISTEN/NOTIFY),"
                        + " faster reads, another instance's write seen once notified. Default: ${DEFAULT-VALUE}.")
        SharedReads sharedReads();

        @Option(order = 11, names = "--in-memory", defaultValue = "${env:MODELARTS_IN_MEMORY:-false}",
                description = "Keep everything in memory, nothing on disk: a throw-away H2 database with the"
                        + " built-in catalog, for CI (MODELARTS_IN_MEMORY=true).")
        boolean inMemory();

        // what tests control: files applied at start, the clock, ids, the journal, the control API

        @Option(order = 12, names = "--seed", paramLabel = "FILE", defaultValue = "${env:MODELARTS_SEED}",
                description = "JSON or YAML file of images to register at start, as POST /_modelarts/seed takes them"
                        + " (MODELARTS_SEED); idempotent.")
        Path seed();

        @Option(order = 13, names = "--faults", paramLabel = "FILE", defaultValue = "${env:MODELARTS_FAULTS}",
                description = "JSON or YAML file of fault rules to apply from the start, as POST /_modelarts/faults takes them"
                        + " (MODELARTS_FAULTS).")
        Path faults();

        @Option(order = 14, names = "--transitions", paramLabel = "FILE", defaultValue = "${env:MODELARTS_TRANSITIONS}",
                description = "JSON or YAML file of status-transition rules, as POST /_modelarts/transitions takes them"
                        + " (MODELARTS_TRANSITIONS).")
        Path transitions();

        @Option(order = 15, names = "--state", paramLabel = "FILE", defaultValue = "${env:MODELARTS_STATE}",
                description = "JSON or YAML state document, as GET /_modelarts/state answers it, to replace every project's"
                        + " images with at start (MODELARTS_STATE).")
        Path state();

        @Option(order = 16, names = "--clock", paramLabel = "INSTANT", defaultValue = "${env:MODELARTS_CLOCK}",
                description = "Start the server's clock at this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z; it runs on from"
                        + " there (MODELARTS_CLOCK). Default: the machine's clock.")
        String clock();

        @Option(order = 17, names = "--clock-fixed", defaultValue = "${env:MODELARTS_CLOCK_FIXED:-false}",
                description = "The server's clock stands still (at --clock, or at the start) until POST /_modelarts/clock"
                        + " moves it (MODELARTS_CLOCK_FIXED=true).")
        boolean clockFixed();

        @Option(order = 18, names = "--deterministic", paramLabel = "SEED", defaultValue = "${env:MODELARTS_DETERMINISTIC}",
                description = "Make image, group and request ids from a generator seeded with SEED: the same seed, clock and"
                        + " requests give the same ids (MODELARTS_DETERMINISTIC).")
        Long deterministic();

        @Option(order = 19, names = "--journal-all", defaultValue = "${env:MODELARTS_JOURNAL_ALL:-false}",
                description = "Record every request in the journal (GET /_modelarts/requests), health probes and test control"
                        + " included; by default only the API's (MODELARTS_JOURNAL_ALL=true).")
        boolean journalAll();

        @Option(order = 20, names = "--journal-bodies", defaultValue = "${env:MODELARTS_JOURNAL_BODIES:-false}",
                description = "Record request bodies in the journal, the values of keys that name secrets masked"
                        + " (MODELARTS_JOURNAL_BODIES=true).")
        boolean journalBodies();

        @Option(order = 21, names = "--no-control-api", defaultValue = "${env:MODELARTS_NO_CONTROL_API:-false}",
                description = "Leave out the test-control API (/_modelarts/: reset, seed, provider states, request journal),"
                        + " for shared deployments (MODELARTS_NO_CONTROL_API=true). It is on by default.")
        boolean noControlApi();

        @Option(order = 22, names = "--cors-origin", paramLabel = "ORIGIN", split = ",", defaultValue = "${env:MODELARTS_CORS_ORIGINS}",
                description = "An origin a browser page may call this server from (repeatable, or comma-separated; * for any)"
                        + " (MODELARTS_CORS_ORIGINS). Default: none, no cross-origin access.")
        List<String> corsOrigins();

        @Option(order = 23, names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:MODELARTS_LOG_FORMAT:-text}",
                description = "text: one readable line per event; json: one JSON object per line, the access line's fields"
                        + " as keys (MODELARTS_LOG_FORMAT). Default: ${DEFAULT-VALUE}.")
        LogFormat logFormat();
    }
}
