package dev.modelarts.local.server;

import static dev.modelarts.local.testing.JarRun.command;
import static dev.modelarts.local.testing.JarRun.outcome;
import static dev.modelarts.local.testing.JarRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.H2Url;
import dev.modelarts.local.testing.JarRun.Outcome;
import dev.modelarts.local.testing.PackagedJar;

/**
 * Start-up mistakes, made as a user makes them on the packaged jar: each stops the start (exit 2
 * for a usage error, 1 otherwise) with a message naming the cause, the source of the value and
 * the fix, and no stack trace.
 */
class StartupMessagesIT {

    @Test
    void aDataDirHeldByAnotherServerIsNamedWithTheWaysOut(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        Process first = command(Map.of(), "--port", "0", "--data-dir", data).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null && !line.contains("listening on"); line = lines.readLine()) {
                // wait until the first server holds the file
            }
            Outcome second = run(Map.of(), "--port", "0", "--data-dir", data);
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.output()).contains("Cannot start: the H2 file " + dir.resolve("data").resolve("modelarts.mv.db")
                    + " is in use by another server", "--data-dir", "PostgreSQL");
        } finally {
            first.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHostThatIsNotThisMachinesIsNotCalledAPortInUse() throws Exception {
        Outcome outcome = run(Map.of(), "--host", "192.0.2.1", "--port", "18080", "--in-memory"); // TEST-NET-1
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output()).contains("Cannot start: cannot listen on 192.0.2.1:18080", "--host")
                .doesNotContain("in use");
    }

    private static String firstLine(Outcome outcome) {
        return outcome.firstLine();
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() throws Exception {
        Outcome outcome = run(Map.of("MODELARTS_PORT", "abc"));
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(firstLine(outcome)).startsWith("Invalid value for environment variable MODELARTS_PORT: 'abc'")
                .endsWith("(MODELARTS_PORT sets --port)");

        Outcome range = run(Map.of("MODELARTS_PORT", "70000"));
        assertThat(firstLine(range)).startsWith("Invalid value for environment variable MODELARTS_PORT: 70000");
    }

    @Test
    void theSameValueTypedOnTheCommandLineNamesTheOption() throws Exception {
        Outcome outcome = run(Map.of("MODELARTS_PORT", "8080"), "--port=abc");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(firstLine(outcome)).contains("option '--port'", "'abc'").doesNotContain("MODELARTS_PORT");
    }

    @Test
    void aUsageErrorIsTheReasonAGuessAndWhereTheRestIs() throws Exception {
        Outcome outcome = run(Map.of(), "--prot", "8080");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.output().lines()).containsExactly("Unknown options: '--prot', '8080'", "Did you mean --port?",
                "See modelarts-image-server --help for every option and its environment variable.");
    }

    @Test
    void aCorsOriginThatIsNotAnOriginIsRefusedWithTheRightForm() throws Exception {
        Outcome outcome = run(Map.of(), "--cors-origin", "localhost:3000", "--in-memory");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.firstLine()).contains("'--cors-origin'", "'localhost:3000' is not an origin",
                "did you mean http://localhost:3000?");
    }

    @Test
    void aUrlThatIsNotJdbcOfH2OrPostgresqlSaysWhatIsExpected() throws Exception {
        for (String url : List.of("postgresql://db:5432/modelarts", "jdbc:mysql://db:3306/modelarts")) {
            Outcome outcome = run(Map.of(), "--db-url", url);
            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(firstLine(outcome)).contains("'--db-url'", url, "jdbc:postgresql://HOST:5432/DATABASE",
                    "jdbc:h2:file:");
        }
        Outcome fromEnvironment = run(Map.of("MODELARTS_DB_URL", "jdbc:mysql://db/m?password=hunter2"));
        assertThat(firstLine(fromEnvironment)).contains("environment variable MODELARTS_DB_URL: ", "password=***")
                .doesNotContain("hunter2");
    }

    @Test
    void aCredentialsFileIsCheckedAgainstItsSchemaWithTheParsersReasonAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.yaml"),
                "tokens:\n  - token: ci-token\n    project: [p]\n    actions: [\"modelarts:image:*\"]\n");
        Outcome misspelt = run(Map.of("MODELARTS_CREDENTIALS", file.toString()), "--in-memory", "--port", "0");
        assertThat(misspelt.exit()).isEqualTo(1);
        assertThat(misspelt.output()).contains("Cannot start: Invalid credentials file " + file
                + ", line 3: unknown key 'project' (did you mean 'projects'?)");

        Files.writeString(file, "tokens:\n  - token: ci-token\n\tprojects: [p]\n");
        assertThat(run(Map.of(), "--credentials", file.toString(), "--in-memory").output())
                .contains(file + ", line 3, column 1: a tab character; YAML indents with spaces only");
    }

    @Test
    void aBadFaultsFileStopsTheStartNamingTheEntry(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("faults.yaml"), String.join("\n",
                "faults:",
                "  - operation: ListImage",
                "    action: delay",
                "    delay_ms: 100",
                "  - action: error",
                "    status: 700",
                "    error_code: ModelArts.0010", ""));
        Outcome outcome = run(Map.of(), "--in-memory", "--port", "0", "--faults", file.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output()).contains("Cannot start: Invalid faults file " + file + ": faults[1].status");

        Files.writeString(file, "- operation: ListImages\n  action: reset\n");
        assertThat(run(Map.of(), "--in-memory", "--port", "0", "--faults", file.toString()).output())
                .contains("faults[0]: 'operation' 'ListImages' is not an operation of this server");
        Files.writeString(file, "- action: reset\n  time: 3\n");
        assertThat(run(Map.of(), "--in-memory", "--port", "0", "--faults", file.toString()).output())
                .contains("faults[0]", "time");
    }

    /**
     * An H2 file opened with a user or password it was not made with: one line naming the file,
     * the user and the options, not the pool's stack trace. The file is made as the server makes
     * its own (user sa, no password).
     */
    @Test
    void anH2FileOpenedWithTheWrongPasswordIsNamedWithTheOptions(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("modelarts");
        try (Connection made = DriverManager.getConnection(H2Url.complete(url), "sa", "")) {
            made.createStatement().execute("create table t (x int)");
        }
        Outcome outcome = run(Map.of(), "--port", "0", "--db-url", url, "--db-password", "not-it");
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output()).contains("Cannot start: the H2 database " + dir.resolve("modelarts.mv.db")
                + " refused user sa: wrong user name or password", "--db-user and --db-password")
                .doesNotContain("not-it");
    }

    /** An H2 file another program made, with H2's own settings (names in capitals): named, not a stack trace. */
    @Test
    void anH2FileMadeWithOtherSettingsIsNamedAsNotThisServers(@TempDir Path dir) throws Exception {
        try (Connection made = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("modelarts"), "sa", "")) {
            made.createStatement().execute("create table t (x int)");
        }
        Outcome outcome = run(Map.of(), "--port", "0", "--data-dir", dir.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output()).contains("Cannot start: the H2 database " + dir.resolve("modelarts.mv.db")
                + " was not made by this server", "DATABASE_TO_LOWER=TRUE", "--data-dir");
    }

    @Test
    void aDataDirThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Outcome outcome = run(Map.of(), "--port", "0", "--data-dir", file.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output()).contains("Cannot start: " + file + " is a file, not a directory");
    }

    /**
     * An unwritable directory and a read-only H2 file, as a user without the right: the server
     * refuses to start rather than serve every write a 500. Permission bits do not bind root, so
     * as root the server runs as {@code nobody} (setpriv, util-linux) from a copy of the jar it may read.
     */
    @Test
    void anUnwritableDataDirOrH2FileIsRefusedBeforeAnyRequest(@TempDir Path dir) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(Path.of(System.getProperty("server.jar", "target/modelarts-image-server.jar")),
                dir.resolve("server.jar"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path readOnlyFile = Files.createDirectory(dir.resolve("read-only-file"));
        Files.writeString(readOnlyFile.resolve("modelarts.mv.db"), "");
        if (root) {
            for (Path p : List.of(locked, readOnlyFile, readOnlyFile.resolve("modelarts.mv.db"))) {
                Files.setOwner(p, p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            }
        }
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(readOnlyFile.resolve("modelarts.mv.db"), PosixFilePermissions.fromString("r--r--r--"));

        Outcome unwritableDir = runAs(root, jar, "--port", "0", "--data-dir", locked.toString());
        assertThat(unwritableDir.exit()).isEqualTo(1);
        assertThat(unwritableDir.output()).contains("Cannot start: the data directory " + locked
                + " is not writable (permission denied) for user ");

        Outcome readOnly = runAs(root, jar, "--port", "0", "--data-dir", readOnlyFile.toString());
        assertThat(readOnly.exit()).isEqualTo(1);
        assertThat(readOnly.output()).contains("Cannot start: the H2 file " + readOnlyFile.resolve("modelarts.mv.db")
                + " is not writable (permission denied)");
    }

    private static Outcome runAs(boolean asNobody, Path jar, String... args) throws Exception {
        ProcessBuilder builder = PackagedJar.command(args);
        List<String> command = new ArrayList<>(builder.command());
        command.set(command.indexOf("-jar") + 1, jar.toString());
        if (asNobody) {
            command.addAll(0, List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        return outcome(builder.command(command));
    }
}
