package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Configuration mistakes, made as a user makes them on the packaged jar: each stops the start
 * with exit 2, a message naming the cause, the source of the value and the fix, and no stack.
 */
class StartupMessagesIT {

    private record Outcome(int exit, String output) {
    }

    private static Outcome run(Map<String, String> environment, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("server.jar", "target/modelarts-image-server.jar"));
        assertThat(jar).as("the packaged server; run `mvn verify`").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MODELARTS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("no stack trace").doesNotContain("\tat ", "Exception");
        return new Outcome(process.exitValue(), output);
    }

    private static String firstLine(Outcome outcome) {
        return outcome.output().lines().findFirst().orElse("");
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
}
