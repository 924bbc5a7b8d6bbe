package dev.modelarts.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("credentials.yaml"), yaml);
    }

    @Test
    void readsTheDocumentedShape() throws IOException {
        Credentials credentials = Credentials.read(file("""
                tokens:
                  - token: dev-token
                    projects: [dev-project]
                    actions: ["modelarts:image:*"]
                access_keys:
                  - ak: DEVACCESSKEY0000000
                    sk: dev-secret-key
                    projects: [dev-project, other]
                    actions: ["modelarts:image:list", "modelarts:image:get"]
                """));
        Principal token = credentials.forToken("dev-token").orElseThrow();
        assertThat(token.boundTo("dev-project")).isTrue();
        assertThat(token.boundTo("other")).isFalse();
        assertThat(token.allows("modelarts:image:register")).isTrue();
        assertThat(token.allows("modelarts:notebook:list")).isFalse();
        assertThat(token.name()).doesNotContain("dev-token");

        Principal key = credentials.forAccessKey("DEVACCESSKEY0000000").orElseThrow();
        assertThat(key.boundTo("other")).isTrue();
        assertThat(key.allows("modelarts:image:get")).isTrue();
        assertThat(key.allows("modelarts:image:register")).isFalse();
        assertThat(credentials.secretKey("DEVACCESSKEY0000000")).contains("dev-secret-key");
        assertThat(credentials.forToken("nope")).isEmpty();
    }

    @Test
    void theDevelopmentCredentialIsTheDocumentedOne() {
        Credentials dev = Credentials.development();
        assertThat(dev.forToken("dev-token").orElseThrow().boundTo("dev-project")).isTrue();
        assertThat(dev.forAccessKey("DEVACCESSKEY0000000").orElseThrow().allows("modelarts:image:deleteGroup")).isTrue();
        assertThat(dev.secretKey("DEVACCESSKEY0000000")).contains("dev-secret-key");
    }

    @Test
    void wildcardsMatchAsInIam() {
        assertThat(Principal.matches("modelarts:image:*", "modelarts:image:listGroup")).isTrue();
        assertThat(Principal.matches("modelarts:*:list", "modelarts:image:list")).isTrue();
        assertThat(Principal.matches("*", "modelarts:image:delete")).isTrue();
        assertThat(Principal.matches("modelarts:image:list", "modelarts:image:listGroup")).isFalse();
        assertThat(Principal.matches("modelarts:image.*", "modelarts:imageX")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a token without projects  | 'tokens:\n  - token: t\n    actions: [\"modelarts:image:*\"]\n'                        | line 2",
        "an access key without sk  | 'tokens: []\naccess_keys:\n  - ak: AK1\n    projects: [p]\n    actions: [\"modelarts:image:*\"]\n' | line 3",
        "a misspelled field        | 'tokens:\n  - token: t\n    project: [p]\n    actions: [\"modelarts:image:*\"]\n'      | line 2",
        "broken YAML               | 'tokens:\n  - token: t\n    projects: [p\n'                                               | line 3",
        "an empty project list     | 'tokens:\n  - token: t\n    projects: []\n    actions: [\"modelarts:image:*\"]\n'      | line 2",
        "a bad action              | 'tokens:\n  - token: t\n    projects: [p]\n    actions: [\"list images\"]\n'           | line 2",
        "a token with spaces       | 'tokens:\n  - token: a b\n    projects: [p]\n    actions: [\"modelarts:image:*\"]\n'    | line 2",
    })
    void aMalformedFileIsRefusedNamingTheLine(String what, String yaml, String line) throws IOException {
        Path path = file(yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> Credentials.read(path))
                .isInstanceOf(Credentials.InvalidCredentialsFile.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining(line);
    }

    @Test
    void aMissingOrEmptyFileIsRefused() throws IOException {
        assertThatThrownBy(() -> Credentials.read(dir.resolve("absent.yaml")))
                .hasMessageContaining("no such file");
        Path empty = file("");
        assertThatThrownBy(() -> Credentials.read(empty)).hasMessageContaining("empty");
    }

    @Test
    void theSecretKeyIsNeverInTheMessage() throws IOException {
        Path path = file("access_keys:\n  - ak: AK1\n    sk: very-secret\n    projects: []\n    actions: [\"x\"]\n");
        assertThatThrownBy(() -> Credentials.read(path)).satisfies(e ->
                assertThat(e.getMessage()).doesNotContain("very-secret"));
    }
}
