package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The benchmark (bench/run.sh, BENCHMARKS.md) with a tiny catalog and one-second runs, so that
 * it cannot rot: it loads, starts the packaged server through bin/modelarts-image-server, drives
 * every scenario and both references with wrk, and prints its table. Nothing here judges speed;
 * it checks that every row is there, that every scenario was answered, and without errors.
 * Needs wrk (the CI script installs it); skipped where it is missing.
 */
class BenchmarkSmokeIT {

    private static final List<String> SCENARIOS = List.of("groups-first-page", "groups-exact-name",
            "groups-fuzzy-name", "groups-ns-type", "groups-deep-offset", "groups-limit-200", "images-first-page",
            "show-image", "register");

    @Test
    void theBenchmarkRunsEveryScenarioAndPrintsItsTable() throws Exception {
        assumeTrue(onPath("wrk"), "wrk is not installed (apt-get install wrk)");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path out = Path.of("target", "bench-smoke").toAbsolutePath();
        ProcessBuilder bench = new ProcessBuilder("bash", "bench/run.sh")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(out).resolve("run.log").toFile());
        bench.environment().putAll(java.util.Map.of(
                "SIZES", "1000", "DURATION", "1s", "WARMUP", "1s", "THREADS", "1", "CONNECTIONS", "4",
                "PORT", String.valueOf(freePort()), "SKIP_BUILD", "1", "OUT", out.toString()));
        Process process = bench.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
        String log = Files.readString(out.resolve("run.log"));
        assertThat(process.exitValue()).as(log).isZero();

        List<String> rows = Files.readAllLines(out.resolve("results.md"));
        for (String scenario : SCENARIOS) {
            String row = rows.stream().filter(r -> r.startsWith("| " + scenario + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + scenario + " in " + rows));
            String[] cells = row.split("\\|");
            assertThat(Double.parseDouble(cells[3].trim())).as("req/s of %s", scenario).isPositive();
            assertThat(cells[6].trim()).as("errors of %s", scenario).isEqualTo("0");
        }
        assertThat(rows).anyMatch(r -> r.startsWith("| start-to-first-answer "))
                .anyMatch(r -> r.startsWith("| first-start-no-archive "))
                .anyMatch(r -> r.startsWith("| ref:jersey-ceiling "))
                .anyMatch(r -> r.startsWith("| ref:wiremock "));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
