package dev.modelarts.local.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's programs that some tests need (wrk, podman), found as the shell finds them. */
public final class Executables {

    private Executables() {
    }

    /** Whether {@code command} is an executable in a directory of the PATH. */
    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
