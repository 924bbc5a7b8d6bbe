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

    private static Credentials read(Path path) {
        return Credentials.read(path, IamActions.fromSpec().actions());
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("credentials.yaml"), yaml);
    }

    @Test
    void readsTheDocumentedShape() throws IOException {
        Credentials credentials = read(file("""
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
    void aCredentialsProjectsAreInTheirRegionsCnNorth4UnlessPlaced() throws IOException {
        Credentials credentials = read(file("""
                tokens:
                  - token: one
                    projects: [a, b]
                    actions: ["modelarts:image:*"]
                  - token: any
                    projects: ["*"]
                    actions: ["modelarts:image:*"]
                access_keys:
                  - {ak: K1, sk: s, projects: [c], actions: ["modelarts:image:list"]}
                regions:
                  b: eu-west-101
                  d: ap-southeast-1
                """));
        assertThat(credentials.projectsOf(credentials.forToken("one").orElseThrow()))
                .containsExactly(java.util.Map.entry("a", "cn-north-4"), java.util.Map.entry("b", "eu-west-101"));
        assertThat(credentials.projectsOf(credentials.forToken("any").orElseThrow()).keySet())
                .as("bound to *: every project the file names").containsExactly("a", "b", "c", "d");
        assertThat(Credentials.development().projectsOf(Credentials.development().forToken("dev-token").orElseThrow()))
                .containsExactly(java.util.Map.entry("dev-project", "cn-north-4"));
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
        "a token without projects  | 'tokens:\n  - token: t\n    actions: [\"modelarts:image:*\"]\n'                        | line 2 | missing key 'projects'",
        "an access key without sk  | 'tokens: []\naccess_keys:\n  - ak: AK1\n    projects: [p]\n    actions: [\"modelarts:image:*\"]\n' | line 3 | missing key 'sk'",
        "a misspelt key            | 'tokens:\n  - token: t\n    project: [p]\n    actions: [\"modelarts:image:*\"]\n'      | line 3 | unknown key 'project' (did you mean 'projects'?); the keys here are actions, projects, token",
        "an unknown top-level key  | 'token:\n  - token: t\n'                                                             | line 1 | unknown key 'token' (did you mean 'tokens'?)",
        "broken YAML               | 'tokens:\n  - token: t\n    projects: [p\n'                                               | line 4, column 1 | expected ',' or ']', but got <stream end> (while parsing a flow sequence)",
        "a tab for indentation     | 'tokens:\n  - token: t\n\tprojects: [p]\n'                                               | line 3, column 1 | a tab character; YAML indents with spaces only",
        "a key given twice         | 'tokens:\n  - token: t\n    projects: [p]\n    projects: [q]\n'                         | line 4 | the key 'projects' is given twice",
        "a list given as a value   | 'tokens:\n  - token: t\n    projects: p\n    actions: [\"modelarts:image:*\"]\n'       | line 3 | 'projects' must be a list",
        "an empty project list     | 'tokens:\n  - token: t\n    projects: []\n    actions: [\"modelarts:image:*\"]\n'      | line 2 | 'projects' must list at least one project id",
        "a malformed action        | 'tokens:\n  - token: t\n    projects: [p]\n    actions: [\"list images\"]\n'           | line 2 | 'actions' must list IAM actions",
        "a misspelt action         | 'tokens:\n  - token: t\n    projects: [p]\n    actions: [\"modelarts:image:lst\"]\n'   | line 4 | the action \"modelarts:image:lst\" matches no action of this server",
        "an action of another API  | 'tokens:\n  - token: t\n    projects: [p]\n    actions: [\"obs:*\"]\n'                 | line 4 | the action \"obs:*\" matches no action",
        "a token with spaces       | 'tokens:\n  - token: a b\n    projects: [p]\n    actions: [\"modelarts:image:*\"]\n'    | line 2 | a token must be",
        "a token listed twice      | 'tokens:\n  - token: t1\n    projects: [p]\n    actions: [\"*\"]\n  - token: t1\n    projects: [q]\n    actions: [\"modelarts:image:list\"]\n' | line 5 | the token t1...(2) is listed twice (first at line 2)",
        "an access key listed twice | 'access_keys:\n  - {ak: K1, sk: s, projects: [p], actions: [\"*\"]}\n  - {ak: K1, sk: t, projects: [q], actions: [\"*\"]}\n' | line 3 | the access key K1 is listed twice (first at line 2)",
        "a region that is no region | 'tokens: []\nregions:\n  p: Europe West\n'                                          | line 3 | 'regions' maps project ids to region names such as cn-north-4, not p: Europe West",
        "a project without a region | 'tokens: []\nregions:\n  q: eu-west-101\n  p:\n'                              | line 4 | 'regions' maps project ids to region names such as cn-north-4, not p: ",
    })
    void aMalformedFileIsRefusedWithTheReasonAndLine(String what, String yaml, String line, String reason)
            throws IOException {
        Path path = file(yaml.replace("\\n", "\n").replace("\\t", "\t"));
        assertThatThrownBy(() -> read(path))
                .isInstanceOf(Credentials.InvalidCredentialsFile.class)
                .hasMessageStartingWith("Invalid credentials file " + path + ", " + line + ": ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("creator")
                .hasMessageNotContaining("java.");
    }

    @Test
    void theActionsAreTheSpecsAndWildcardsMustMatchOne() throws IOException {
        Credentials ok = read(file("tokens:\n  - token: t\n    projects: [p]\n"
                + "    actions: [\"*\", \"modelarts:*\", \"modelarts:image:get\", \"modelarts:control:admin\"]\n"));
        assertThat(ok.forToken("t").orElseThrow().allows("modelarts:image:get")).isTrue();
    }

    @Test
    void aMissingOrEmptyFileIsRefused() throws IOException {
        assertThatThrownBy(() -> read(dir.resolve("absent.yaml")))
                .hasMessageContaining("no such file");
        Path empty = file("");
        assertThatThrownBy(() -> read(empty)).hasMessageContaining("empty");
    }

    @Test
    void theSecretKeyIsNeverInTheMessage() throws IOException {
        Path path = file("access_keys:\n  - ak: AK1\n    sk: very-secret\n    projects: []\n    actions: [\"x\"]\n");
        assertThatThrownBy(() -> read(path)).satisfies(e ->
                assertThat(e.getMessage()).doesNotContain("very-secret"));
    }
}
