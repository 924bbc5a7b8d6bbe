package dev.modelarts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.conformance.DocBlocks.Block;
import dev.modelarts.local.testing.PackagedJar;
import dev.modelarts.local.testing.ServerProcess;

/**
 * Runs, as written, every command block of the documentation marked
 * {@code <!-- command: run by DocCommandsIT -->}, against the packaged server in memory: the
 * address {@code 127.0.0.1:8080} becomes that server's (or, for a block that starts a server of
 * its own on 8080, a free port), and the block runs in a directory where {@code bin/},
 * {@code impl/} and {@code conformance/} are the repository's and the files the same page shows
 * (marked {@code <!-- file: PATH -->}) are written. Each must exit 0, and its curl calls get no
 * 4xx or 5xx unless the page shows one; one followed by an answer starting {@code HTTP/} must
 * answer with that status line. The state is reset between blocks.
 */
class DocCommandsIT {

    private static ServerProcess server;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        server = ServerProcess.start(PackagedJar.command("--in-memory", "--port", "0"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBlockMarkedForThisTestRunsAsWritten() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : DocBlocks.documents()) {
            List<Block> blocks = DocBlocks.of(doc);
            List<Block> files = blocks.stream().filter(b -> "file".equals(b.markerKind())).toList();
            blocks.stream().filter(b -> b.runBy("DocCommandsIT"))
                    .forEach(b -> tests.add(DynamicTest.dynamicTest(b.where(), () -> run(b, files))));
        }
        return tests.stream();
    }

    private void run(Block block, List<Block> files) throws Exception {
        reset();
        Path dir = Files.createTempDirectory(work, "block");
        for (String linked : List.of("bin", "impl", "conformance")) {
            Files.createSymbolicLink(dir.resolve(linked), DocBlocks.ROOT.resolve(linked));
        }
        for (Block file : files) {
            Path target = dir.resolve(file.marker());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.text() + "\n");
        }
        String script = block.text().contains("--port 8080")
                ? block.text().replace("8080", String.valueOf(freePort()))
                : block.text().replace("127.0.0.1:8080", server.base().getAuthority());
        // its own session, so that a server the block starts in the background is stopped with it
        // the output goes to a file: a server the block leaves running would hold a pipe open
        Path log = dir.resolve("output.log");
        Path errors = dir.resolve("errors.log");
        ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-e", "-c", script).directory(dir.toFile())
                .redirectOutput(log.toFile()).redirectError(errors.toFile());
        String path = Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH");
        if (block.answer() == null || !block.answer().matches("(?s)HTTP/\\S+ [45].*")) {
            // a block that shows no error must get none: its curl fails on any 4xx or 5xx
            path = failingCurl(dir, path) + ":" + path;
        }
        builder.environment().put("PATH", path);
        Process process = builder.start();
        boolean ended;
        try {
            ended = process.waitFor(120, TimeUnit.SECONDS);
        } finally {
            new ProcessBuilder("kill", "-TERM", "--", "-" + process.pid()).start().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String printed = output + Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(ended).as("%s ends within 120 s; printed:%n%s", block.where(), printed).isTrue();
        assertThat(process.exitValue()).as("%s exits 0; printed:%n%s", block.where(), printed).isZero();
        if (block.answer() != null && block.answer().startsWith("HTTP/")) {
            String shown = block.answer().lines().findFirst().orElseThrow();
            assertThat(output.lines().findFirst().orElse("").strip()).as("%s answers as shown", block.where())
                    .isEqualTo(shown);
        }
    }

    /** Every image, fault, transition and journal entry of the block before gone; the clock back. */
    private static void reset() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (String[] call : List.of(new String[] {"POST", "/_modelarts/reset"}, new String[] {"DELETE", "/_modelarts/requests"})) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.base().resolve(call[1]))
                    .method(call[0], HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(call[1] + ": " + answer.body()).isEqualTo(200);
        }
    }

    /** A directory with a {@code curl} that is the real one with {@code --fail}. */
    private static Path failingCurl(Path dir, String path) throws IOException {
        Path real = Stream.of(path.split(":")).map(p -> Path.of(p, "curl")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("curl is not installed"));
        Path shim = Files.createDirectories(dir.resolve(".shim"));
        Path curl = shim.resolve("curl");
        Files.writeString(curl, "#!/bin/sh\nexec " + real + " --fail \"$@\"\n");
        curl.toFile().setExecutable(true);
        return shim;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
