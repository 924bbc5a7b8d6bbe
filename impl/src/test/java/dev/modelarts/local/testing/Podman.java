package dev.modelarts.local.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, for the tests of the container image. Some machines (this project's
 * CI among them) need {@code --runtime runc} and explicit ulimits, because the default runtime
 * refuses their cgroup setup: the options of {@code podman run} are chosen once, by trying.
 */
public final class Podman {

    /** What a podman command printed (output and errors) and its exit code. */
    public record Result(int exit, String output) {
        public Result orFail() {
            if (exit != 0) {
                throw new AssertionError("podman failed (" + exit + "): " + output);
            }
            return this;
        }
    }

    private static List<String> runOptions;

    private Podman() {
    }

    /** Whether podman is installed (on the PATH). */
    public static boolean installed() {
        return Executables.onPath("podman");
    }

    public static Result podman(String... args) {
        return podman(List.of(args));
    }

    public static Result podman(List<String> args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("podman did not finish in 120 s: " + command);
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * {@code podman run} with this machine's options before {@code args}: none where the defaults
     * work, else runc and ulimits that it accepts.
     */
    public static Result run(String image, List<String> args) {
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(runOptions(image));
        command.addAll(args);
        return podman(command);
    }

    private static synchronized List<String> runOptions(String image) {
        if (runOptions == null) {
            List<String> plain = List.of("run", "--rm", image, "--version");
            if (podman(plain).exit() == 0) {
                runOptions = List.of();
            } else {
                runOptions = List.of("--runtime", "runc", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096");
                List<String> tuned = new ArrayList<>(List.of("run"));
                tuned.addAll(runOptions);
                tuned.addAll(plain.subList(1, plain.size()));
                podman(tuned).orFail();
            }
        }
        return runOptions;
    }
}
