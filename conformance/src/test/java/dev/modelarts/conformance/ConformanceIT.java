package dev.modelarts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.modelarts.local.testing.PackagedJar;
import dev.modelarts.local.testing.ServerProcess;

/**
 * {@code bin/modelarts-conformance} as a user runs it, against the packaged server: every answer
 * conforms and nearly every documented (operation, status) pair is exercised; against a server
 * that drifted (a test double in front of the real one), it fails naming the operation and where.
 */
class ConformanceIT {

    private static final Path TARGET = Path.of("target");
    private static ServerProcess server;

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

    /** The launcher's output and exit code. */
    record Run(int exit, String output, Path reports) {
    }

    @Test
    void thePackagedServerConformsWithNearlyEveryDocumentedPairExercised() throws Exception {
        Run run = conformance(server.base(), "ok", "--allow-writes");

        assertThat(run.exit()).as(run.output()).isZero();
        Matcher coverage = Pattern.compile("(\\d+) of (\\d+) documented \\(operation, status\\) pairs exercised")
                .matcher(run.output());
        assertThat(coverage.find()).as(run.output()).isTrue();
        double share = Double.parseDouble(coverage.group(1)) / Double.parseDouble(coverage.group(2));
        assertThat(share).as(run.output()).isGreaterThanOrEqualTo(0.95);
        String xml = Files.readString(run.reports().resolve("TEST-modelarts-conformance.xml"));
        assertThat(xml).contains("<testsuite name=\"modelarts-conformance\"", "failures=\"0\"",
                "classname=\"listImageGroup\"", "classname=\"registerImage\"");
        assertThat(run.reports().resolve("summary.md")).content().contains("| listImageGroup |");
        // it deleted what it registered (its images' names start with conformance-)
        HttpResponse<String> left = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.base().resolve("/v1/dev-project/images?name=conformance-")).header("X-Auth-Token", "dev-token")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(left.body()).contains("\"total\":0");
        Run readOnly = conformance(server.base(), "ok-read-only");
        assertThat(readOnly.exit()).as(readOnly.output()).isZero();
        assertThat(readOnly.output()).contains("read-only: the writes that should succeed");
    }

    @Test
    void aRenamedFieldFailsNamingTheOperationAndTheJsonPath() throws Exception {
        try (MutatingProxy drifted = new MutatingProxy(server.base(),
                MutatingProxy.renameField("GET", "/v1/[^/]+/images/[^/]+", "swr_path", "swr_url"))) {
            Run run = conformance(drifted.base(), "renamed", "--allow-writes");

            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("**showImage: valid", "$.swr_url", "$.swr_path");
            assertThat(Files.readString(run.reports().resolve("TEST-modelarts-conformance.xml")))
                    .contains("classname=\"showImage\"", "<failure message=");
        }
    }

    @Test
    void aDroppedRequestIdFailsNamingTheOperationAndTheHeader() throws Exception {
        try (MutatingProxy drifted = new MutatingProxy(server.base(),
                MutatingProxy.dropHeader("GET", "/v1/[^/]+/images/group", "X-Request-Id"))) {
            Run run = conformance(drifted.base(), "no-request-id");

            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("**listImageGroup: ", "header X-Request-Id missing")
                    .doesNotContain("**listImage: ");
        }
    }

    private static Run conformance(URI target, String name, String... more) throws IOException, InterruptedException {
        Path reports = TARGET.resolve("conformance-it/" + name);
        List<String> command = new ArrayList<>(List.of("sh", System.getProperty("conformance.launcher",
                "../bin/modelarts-conformance"), "--target", target.toString(), "--project", "dev-project",
                "--token", "dev-token", "--report-dir", reports.toString(), "--seed", "7"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the runner ends").isTrue();
        return new Run(process.exitValue(), output, reports);
    }
}
