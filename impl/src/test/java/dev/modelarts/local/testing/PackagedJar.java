package dev.modelarts.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged server jar, started from a command line as a user would start it. */
public final class PackagedJar {

    private PackagedJar() {
    }

    /**
     * {@code java -jar modelarts-image-server.jar ARGS}, output and errors merged, with none of
     * this JVM's {@code MODELARTS_*} variables (a test sets the ones it means).
     */
    public static ProcessBuilder command(String... args) {
        Path jar = Path.of(System.getProperty("server.jar", "target/modelarts-image-server.jar"));
        assertThat(jar).as("the packaged server; run `mvn verify`").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MODELARTS_"));
        return builder;
    }
}
