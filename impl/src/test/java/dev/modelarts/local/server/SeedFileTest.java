package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.modelarts.local.config.ServerCommandLine;
import dev.modelarts.local.config.ServerSettings;

/** A bad seed file is one line in the operator's words, found before the database is opened. */
class SeedFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a misspelt key      | 'images:\\n  - project_id: p\\n    swr_pth: swr.example.com/team/app:v1\\n'           | line 3 | images[0] has an unknown key 'swr_pth' (did you mean 'swr_path'?)",
        "a missing project   | 'images:\\n  - swr_path: swr.example.com/team/app:v1\\n'                              | line 2 | images[0] has no 'project_id'",
        "an unknown file key | 'image:\\n  - project_id: p\\n'                                          | line 1 | unknown key 'image' (did you mean 'images'?)",
        "a key of an entry   | 'project_id: p\\n'                                                       | line 1 | unknown key 'project_id'; the file has one key, images",
        "no images list      | 'images: 5\\n'                                                           | line 1 | it must be a mapping with an 'images' list",
        "an unknown service  | 'images:\\n  - project_id: p\\n    swr_path: swr.example.com/team/app:v1\\n    services: [NOTEBOK]\\n' | line 4 | 'images[0].services[0]' must be one of AI_FLOW, MA_STUDIO, NOTEBOOK, SSH, TENSOR_BOARD, WEB_IDE",
        "a wrong type        | 'images:\\n  - project_id: p\\n    swr_path: swr.example.com/team/app:v1\\n    services: NOTEBOOK\\n' | line 4 | 'images[0].services' must be a list, such as [a, b]",
        "a value off the spec| 'images:\\n  - project_id: p\\n    swr_path: swr.example.com/team/app:v1\\n  - project_id: p\\n    swr_path: swr.example.com/team/no-tag\\n' | line 5 | images[1].swr_path must match",
    })
    void aProblemIsNamedWithItsLineAndEntry(String what, String yaml, String line, String reason) throws IOException {
        Path file = Files.writeString(dir.resolve("seed.yaml"), yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> SeedFile.read(file))
                .isInstanceOf(SeedFile.InvalidSeedFile.class)
                .hasMessageStartingWith("Invalid seed file " + file + ", " + line + ": ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("creator").hasMessageNotContaining("java.").hasMessageNotContaining("Exception");
    }

    @Test
    void itIsCheckedBeforeTheDatabaseIsOpened() throws IOException {
        Path file = Files.writeString(dir.resolve("seed.yaml"), "images:\n  - project_id: p\n");
        // a database nobody listens on: the seed file's problem is the one reported
        ServerSettings config = ServerCommandLine.parse("--port", "0", "--seed", file.toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThatThrownBy(() -> RunningServer.start(config)).isInstanceOf(SeedFile.InvalidSeedFile.class)
                .hasMessageContaining("images[0] has no 'swr_path'");
    }

    @Test
    void aGoodFileReads() throws IOException {
        Path file = Files.writeString(dir.resolve("seed.yaml"),
                "images:\n  - project_id: p\n    swr_path: swr.example.com/team/app:v1\n    description: mine\n");
        assertThat(SeedFile.read(file).getImages()).hasSize(1);
    }
}
