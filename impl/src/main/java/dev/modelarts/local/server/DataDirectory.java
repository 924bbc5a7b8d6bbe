package dev.modelarts.local.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.modelarts.local.config.DatabaseSettings;

/**
 * The embedded database's directory, checked before H2 touches it. H2 opens a file it cannot
 * write read-only without a word, and the server would then answer every write with a 500; an
 * unwritable directory ends in 120 lines of H2's stack trace. Both are refused here, in one line
 * that says which user needs what.
 */
final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * Creates the directory if needed and proves that this process can write in it and write its
     * H2 file; a probe file is written and deleted because permission bits do not tell (root
     * ignores them, a read-only mount does not show in them).
     *
     * @throws StartupFailure naming the path, the user and the fix
     */
    static void prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException e) {
            throw failure(absolute + " is a file, not a directory", "give --data-dir a directory", e);
        } catch (IOException e) {
            throw failure("cannot create the data directory " + absolute + " (" + reason(e) + ")",
                    "create it, or give --data-dir a directory this user may write", e);
        }
        try {
            Files.delete(Files.createTempFile(absolute, ".write-check", ".tmp"));
        } catch (IOException e) {
            throw failure("the data directory " + absolute + " is not writable (" + reason(e) + ")",
                    "let this user write in it (chown or chmod u+w), or give --data-dir another directory", e);
        }
        Path file = absolute.resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db");
        if (Files.exists(file)) {
            // opened for writing, nothing written: the check H2 skips before going read-only
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.size();
            } catch (IOException e) {
                throw failure("the H2 file " + file + " is not writable (" + reason(e) + ")",
                        "let this user write it (chown or chmod u+w); the server does not serve a read-only file", e);
            }
        }
    }

    private static StartupFailure failure(String problem, String fix, IOException cause) {
        return new StartupFailure(problem + " for user " + System.getProperty("user.name") + "; " + fix, cause);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage();
    }
}
