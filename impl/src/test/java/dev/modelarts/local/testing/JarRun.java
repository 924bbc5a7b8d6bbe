package dev.modelarts.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar run to its end, as a user runs it to see why it will not start. */
public final class JarRun {

    private JarRun() {
    }

    /** How a run ended: its exit code and all it printed. */
    public record Outcome(int exit, String output) {

        public String firstLine() {
            return output.lines().findFirst().orElse("");
        }
    }

    public static ProcessBuilder command(Map<String, String> environment, String... args) {
        ProcessBuilder builder = PackagedJar.command(args);
        builder.environment().putAll(environment);
        return builder;
    }

    public static Outcome run(Map<String, String> environment, String... args) throws Exception {
        return outcome(command(environment, args));
    }

    /** Runs the command to its end: its exit code and output, which must hold no stack trace. */
    public static Outcome outcome(ProcessBuilder command) throws Exception {
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("no stack trace").doesNotContain("\tat ", "Exception");
        return new Outcome(process.exitValue(), output);
    }
}
