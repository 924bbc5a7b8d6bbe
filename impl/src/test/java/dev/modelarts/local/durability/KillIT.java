package dev.modelarts.local.durability;

import static dev.modelarts.local.testing.PackagedJar.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.KillCycles;
import dev.modelarts.local.testing.ServerProcess;

/**
 * The packaged server on its default H2 file, SIGKILLed at random moments under 16 registering
 * and 2 deleting clients, keeps every write it acknowledged (see {@link KillCycles}).
 */
@DisabledIfSystemProperty(named = "test.database", matches = "postgres")
class KillIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesRepeatedKills() throws Exception {
        Path data = dir.resolve("data");
        KillCycles.run("H2", () -> ServerProcess.start(command("--port", "0", "--data-dir", data.toString())),
                cycle -> keepCopy(data, cycle));
    }

    /** With -Dkill.keep=DIR, the data as each kill left it, for a look at what a restart made of it. */
    private static void keepCopy(Path data, int cycle) {
        String keep = System.getProperty("kill.keep");
        if (keep == null) {
            return;
        }
        try {
            Path older = Path.of(keep, "cycle-" + (cycle - 2));
            if (Files.isDirectory(older)) {
                try (var files = Files.list(older)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(older);
            }
            Path to = Files.createDirectories(Path.of(keep, "cycle-" + cycle));
            try (var files = Files.list(data)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
