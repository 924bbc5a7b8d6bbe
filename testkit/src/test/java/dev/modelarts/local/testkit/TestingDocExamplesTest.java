package dev.modelarts.local.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** README.md shows the example project's two tests as they are, from their imports to their end. */
class TestingDocExamplesTest {

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {"ImagesWithTheExtensionTest.java", "ImagesInAContainerTest.java"})
    void theReadmeShowsTheExampleTestVerbatim(String file) throws IOException {
        String test = Files.readString(ROOT.resolve("examples/junit-user/src/test/java/com/example/images").resolve(file));
        String shown = test.substring(test.indexOf("import ")).strip();
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```java\n" + shown + "\n```");
    }
}
