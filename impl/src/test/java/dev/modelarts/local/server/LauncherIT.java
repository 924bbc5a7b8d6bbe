package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/modelarts-image-server's class-data archive, on a copy of the launcher and the jar laid out
 * as in the repository: written only by a run that served, then mapped by every later start.
 */
class LauncherIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

    @TempDir
    Path root;

    private Path launcher;
    private Path target;

    @BeforeEach
    void layOut() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        target = Files.createDirectories(root.resolve("impl/target"));
        launcher = Files.copy(Path.of("..", "bin", "modelarts-image-server"), root.resolve("bin/modelarts-image-server"));
        Files.copy(Path.of(System.getProperty("server.jar", "target/modelarts-image-server.jar")),
                target.resolve("modelarts-image-server.jar"));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private Process launch(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("sh", launcher.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MODELARTS_") || k.equals("JAVA_OPTS"));
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder.start();
    }

    private int runToEnd(String... args) throws Exception {
        Process process = launch(args);
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** Starts the server, optionally asks it for /health, and stops it with SIGTERM; returns what it printed. */
    private List<String> serve(boolean request, String... args) throws Exception {
        Process process = launch(Stream.concat(Stream.of("--in-memory", "--port", "0"), Stream.of(args))
                .toArray(String[]::new));
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> base = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        printed.add(line);
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            base.complete(m.group(1));
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                base.completeExceptionally(new IllegalStateException("the server did not start"));
            });
            reader.start();
            URI uri = URI.create(base.get(60, TimeUnit.SECONDS));
            if (request) {
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(uri.resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
            process.toHandle().destroy(); // SIGTERM; sh exec'd java, so java gets it
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            return List.copyOf(printed);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void onlyARunThatServedWritesTheArchiveAndLaterStartsKeepIt() throws Exception {
        assertThat(runToEnd("--help")).isZero();
        assertThat(runToEnd("--version")).isZero();
        assertThat(runToEnd("--port", "-1")).isEqualTo(2);
        assertThat(archives()).as("help, version and a refused start write none").isEmpty();

        serve(false);
        assertThat(archives()).as("a run that never served writes none").isEmpty();

        serve(true);
        assertThat(archives()).as("a run that served writes one").hasSize(1);
        Path archive = archives().get(0);
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        FileTime written = Files.getLastModifiedTime(archive);

        serve(true);
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).as("mapped, not rewritten").isEqualTo(written);
    }

    /** The JDK prints a plain line as it writes the archive; a JSON log must stay JSON. */
    @Test
    void writingTheArchiveKeepsAJsonLogJson() throws Exception {
        List<String> printed = serve(true, "--log-format", "json");
        assertThat(archives()).as("the archive was written").hasSize(1);
        assertThat(printed).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(printed).anyMatch(line -> line.contains("Class-data archive written"));
    }
}
