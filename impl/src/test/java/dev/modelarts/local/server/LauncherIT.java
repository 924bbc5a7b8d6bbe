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
    /** The JDK the launcher runs the server with: this test's own unless a test says otherwise. */
    private Path javaHome = Path.of(System.getProperty("java.home"));

    @BeforeEach
    void layOut() throws IOException {
        layOut(root);
    }

    private void layOut(Path checkout) throws IOException {
        Files.createDirectories(checkout.resolve("bin"));
        target = Files.createDirectories(checkout.resolve("impl/target"));
        launcher = Files.copy(Path.of("..", "bin", "modelarts-image-server"), checkout.resolve("bin/modelarts-image-server"));
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
        builder.environment().put("JAVA", javaHome.resolve("bin/java").toString());
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

    /** A JDK of feature version 25 or newer beside this one (/usr/lib/jvm), if there is one. */
    private static Path newerJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java"))).filter(home -> {
                try {
                    Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
                    return m.find() && Integer.parseInt(m.group(1)) >= 25;
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
    }

    private List<String> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(suffix)).toList();
        }
    }

    @Test
    void onJdk25TheFirstRunThatServedLeavesAnAotCacheThatLaterStartsMap() throws Exception {
        javaHome = newerJdk();
        org.junit.jupiter.api.Assumptions.assumeTrue(javaHome != null, "no JDK 25 or newer in /usr/lib/jvm");
        assertThat(runToEnd("--version")).isZero();
        assertThat(files(".aot")).as("--version trains nothing").isEmpty();

        serve(false);
        assertThat(files(".served")).as("a run that never served vouches for no cache").isEmpty();

        serve(true);
        if (files(".aot").isEmpty()) {
            // The JVM writes the cache in a second JVM as the run stops; where that one fails,
            // the run still exits 0 (JDK-8382879). CI once found no cache here, on a run before
            // the launcher kept the JVM's lines. Without a cache the next start makes one again:
            // that, and the JVM's reason (printed), are what can be checked then.
            String refused = aotLog();
            System.err.printf("LauncherIT: the run that served left no AOT cache; the JVM said:%n%s%n", refused);
            serve(true);
            assertThat(files(".aot")).as("the next run that served made it; the JVM said first:%n%s%nthen:%n%s",
                    refused, aotLog()).hasSize(1);
        }
        assertThat(files(".aot.served")).hasSize(1);

        List<String> printed = serve(false);
        assertThat(printed).as("the next start maps it").anyMatch(line -> line.contains("listening on")
                && line.contains("AOT cache") && line.contains("(mapped)"));
        assertThat(printed).noneMatch(line -> line.contains("[aot]") || line.contains("[warning]"));
    }

    /** What the JVM wrote about the cache, to the file the launcher names beside it. */
    private String aotLog() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String name : files("")) {
            if (name.contains(".aot.log")) {
                log.append(name).append(":\n").append(Files.readString(target.resolve(name)));
            }
        }
        return log.toString();
    }

    /** The JVM reads ':' in its archive options as a list and the launcher's options split at spaces. */
    @Test
    void aCheckoutWhosePathHoldsASpaceStartsWithoutArchiveOrCache() throws Exception {
        layOut(root.resolve("a clone with spaces"));
        for (Path jdk : Stream.of(javaHome, newerJdk()).filter(j -> j != null).toList()) {
            javaHome = jdk;
            assertThat(serve(true)).as("started on %s", jdk).anyMatch(line -> line.contains("listening on"));
            assertThat(files("")).as("on %s", jdk).containsExactly("modelarts-image-server.jar");
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

    /**
     * {@code mvn package}'s training run of the launcher (src/training/launcher-archive.sh) leaves
     * the archive of the jar it was given, and the first start after it maps that archive.
     */
    @Test
    void theBuildsTrainingRunLeavesTheArchiveTheFirstStartMaps() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("src/training/launcher-archive.sh").toAbsolutePath().toString(),
                launcher.toString(), root.resolve("training.log").toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MODELARTS_") || k.equals("JAVA_OPTS"));
        builder.environment().put("JAVA", javaHome.resolve("bin/java").toString());
        Process training = builder.start();
        String printed = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).contains("gave the launcher a class cache");
        assertThat(archives()).as("the training run's archive").hasSize(1);

        List<String> first = serve(false);
        assertThat(first).as("the first start after the build maps it").anyMatch(line -> line.contains("listening on")
                && line.contains("class-data archive") && line.contains("(mapped)"));
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
