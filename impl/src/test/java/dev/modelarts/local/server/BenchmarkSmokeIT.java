package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.testing.Executables;

/**
 * The benchmark (bench/run.sh, BENCHMARKS.md) with a tiny catalog and one-second runs, so that
 * it cannot rot: it loads, starts the packaged server through bin/modelarts-image-server, drives
 * every scenario and both references with wrk, and prints its table. Nothing here judges speed;
 * it checks that every row is there, that every scenario was answered, and without errors.
 * The PostgreSQL section (a throw-away cluster of Debian's PostgreSQL, the same scenarios, and
 * two instances' write-to-visibility delay) runs where PostgreSQL is installed.
 * Needs wrk (the CI script installs it); skipped where it is missing.
 */
class BenchmarkSmokeIT {

    private static final List<String> SCENARIOS = List.of("groups-first-page", "groups-exact-name",
            "groups-fuzzy-name", "groups-ns-type", "groups-deep-offset", "groups-limit-200", "images-first-page",
            "show-image", "register-16-groups", "register-one-group");

    @Test
    void theBenchmarkRunsEveryScenarioAndPrintsItsTable() throws Exception {
        assumeTrue(Executables.onPath("wrk"), "wrk is not installed (apt-get install wrk)");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path out = Path.of("target", "bench-smoke").toAbsolutePath();
        ProcessBuilder bench = new ProcessBuilder("bash", "bench/run.sh")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(out).resolve("run.log").toFile());
        boolean postgres = postgresInstalled();
        int[] ports = freePorts(3);
        bench.environment().putAll(java.util.Map.of(
                "SIZES", "1000", "DURATION", "1s", "WARMUP", "1s", "THREADS", "1", "CONNECTIONS", "4",
                "PORT", String.valueOf(ports[0]), "PORT2", String.valueOf(ports[1]), "PG_PORT", String.valueOf(ports[2]),
                "PG_SIZES", postgres ? "1000" : "", "VISIBILITY_COUNT", "10"));
        bench.environment().put("SKIP_BUILD", "1");
        bench.environment().put("CURVE_STEP", "1s");
        bench.environment().put("CURVE_STEPS", "2");
        bench.environment().put("SETTLE_ROUNDS", "1");
        bench.environment().put("OUT", out.toString());
        Process process = bench.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
        String log = Files.readString(out.resolve("run.log"));
        assertThat(process.exitValue()).as(log).isZero();

        List<String> rows = Files.readAllLines(out.resolve("results.md"));
        for (String db : postgres ? List.of("h2", "pg") : List.of("h2")) {
            for (String scenario : SCENARIOS) {
                String[] cells = row(rows, scenario, db);
                assertThat(Double.parseDouble(cells[4].trim())).as("req/s of %s on %s", scenario, db).isPositive();
                assertThat(cells[7].trim()).as("errors of %s on %s", scenario, db).isEqualTo("0");
            }
            assertThat(row(rows, "start-to-first-answer", db)[5].trim()).matches("\\d+");
        }
        if (postgres) {
            for (String db : List.of("pg", "pg-notified")) {
                assertThat(Double.parseDouble(row(rows, "visible-on-2nd-instance", db)[6].trim()))
                        .as("p99 of the second instance's delay, %s", db).isPositive();
            }
            for (String scenario : SCENARIOS.stream().filter(s -> !s.startsWith("register")).toList()) {
                String[] cells = row(rows, scenario, "pg-notified");
                assertThat(Double.parseDouble(cells[4].trim())).as("req/s of %s, notified", scenario).isPositive();
                assertThat(cells[7].trim()).as("errors of %s, notified", scenario).isEqualTo("0");
            }
            assertThat(rows).as("the exact mode's reads: none missed a write answered before")
                    .contains("  pg N=1000: 0 of 10 first reads on the second instance did not show the write yet")
                    .anyMatch(r -> r.matches("  groups-first-page +pg-notified +N=1000 +\\d+\\.\\d\\d x H2 .*"));
        }
        for (String reference : List.of("ref:ceiling-launcher-jvm", "ref:ceiling-default-jvm", "ref:wiremock")) {
            assertThat(Double.parseDouble(row(rows, reference, "-")[4].trim())).as(reference).isPositive();
        }
        assertThat(row(rows, "first-start-no-archive", "h2")[5].trim()).matches("\\d+");
        assertThat(row(rows, "restart-after-kill", "h2")[5].trim()).as("a start after SIGKILL").matches("\\d+");
        assertThat(log).contains("restart after SIGKILL", "JVM and settings", "H2 open and recovery", "catalog check");
        assertThat(Double.parseDouble(row(rows, "register-16-groups", "h2-fsync")[4].trim())).as("with --fsync").isPositive();
        // the warm-up curves of a fresh server and of fresh WireMock, with their first-seconds ratio
        assertThat(rows).anyMatch(r -> r.matches("\\s+groups-first-page\\|h2\\|1000 +\\d+ \\d+"))
                .anyMatch(r -> r.matches("\\s+ref:wiremock\\|-\\|groups +\\d+ \\d+"))
                .anyMatch(r -> r.contains("first 10 s:") && r.contains("x steady"));
        // each measured process driven to its steady state first, with its compiler's seconds
        for (String settled : List.of("h2 N=1000: ", "ceiling, launcher JVM settings: ", "WireMock: ")) {
            assertThat(rows).anyMatch(r -> r.startsWith("  " + settled) && r.matches(".*: \\d+ s of reads.*C2 compiler \\d+\\.\\d s in all"));
        }
        theJitComparisonRunsOnTheLoadedData(out);
        theBuildsComparisonRunsOnTheLoadedData(out);
    }

    /**
     * bench/builds.sh over the smoke run's loaded data in {@code out}: the packaged jar, one
     * round, one-second steps and runs; its curve, steady state and three reads.
     */
    private static void theBuildsComparisonRunsOnTheLoadedData(Path out) throws Exception {
        String log = runToTheEnd(out, "builds-run.txt", Map.of("N", "1000", "ROUNDS", "1", "CURVE_STEP", "1s",
                "CURVE_STEPS", "2", "WARMUP", "1s", "DURATION", "1s", "SETTLE_ROUNDS", "1"),
                "bench/builds.sh", "impl/target/modelarts-image-server.jar");
        assertThat(log).as(log)
                .containsPattern("(?m)^  curve: \\d+ \\d+$")
                .containsPattern("(?m)^  settled after \\d+ s of reads \\(C2 \\d+\\.\\d s\\)$")
                .containsPattern("(?m)^  images/group\\?limit=10 +\\d+ req/s  p50 +[0-9.]+ ms  p99 +[0-9.]+ ms  errors 0$")
                .containsPattern("(?m)^  images/[0-9a-f-]{36} +\\d+ req/s .* errors 0$")
                .containsPattern("(?m)^  peak RSS \\d+ MiB$");
    }

    /**
     * bench/jit.sh over the smoke run's loaded data in {@code out}, one JIT setting, two one-second
     * steps: its line for the setting, with the first answer, C2's seconds, RSS and the curve.
     */
    private static void theJitComparisonRunsOnTheLoadedData(Path out) throws Exception {
        String log = runToTheEnd(out, "jit-run.txt", Map.of("N", "1000", "CURVE_STEP", "1s", "CURVE_STEPS", "2",
                "ONLY", "^jdk17 C1 only$"), "bench/jit.sh");
        assertThat(log).as(log).containsPattern(
                "(?m)^jdk17 C1 only: first answer \\d+ ms, C2 0\\.0 s, RSS \\d+ MiB; req/s per 1s: \\d+ \\d+$");
    }

    /**
     * Runs a bench script from the project's root on a free port with its output under {@code out}
     * (its log there, in {@code logName}), and returns the log of a script that ended within 2
     * minutes with status 0.
     */
    private static String runToTheEnd(Path out, String logName, Map<String, String> settings, String... script)
            throws Exception {
        ProcessBuilder run = new ProcessBuilder(Stream.concat(Stream.of("bash"), Stream.of(script)).toList())
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve(logName).toFile());
        run.environment().putAll(settings);
        run.environment().putAll(Map.of("PORT", String.valueOf(freePorts(1)[0]), "OUT", out.toString()));
        Process process = run.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished within 2 minutes").isTrue();
        String log = Files.readString(out.resolve(logName));
        assertThat(process.exitValue()).as(log).isZero();
        return log;
    }

    /** The cells of the first row of this scenario on this database. */
    private static String[] row(List<String> rows, String scenario, String db) {
        return rows.stream().map(r -> r.split("\\|"))
                .filter(cells -> cells.length > 3 && cells[1].trim().equals(scenario) && cells[2].trim().equals(db))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + scenario + " on " + db + " in " + rows));
    }

    /** Debian's PostgreSQL server binaries, which the benchmark's PostgreSQL section runs. */
    private static boolean postgresInstalled() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return false;
        }
        try (var dirs = Files.list(versions)) {
            return dirs.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")));
        }
    }

    /** Distinct free ports, all held open until all are chosen (the script's three servers). */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
