package dev.modelarts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.modelarts.conformance.DocBlocks.Block;

/**
 * Every command shown in README.md, BENCHMARKS.md and docs/ says whether a test runs it, and
 * which: a command nobody runs drifts. {@code DocCommandsIT} runs the ones marked for it; the
 * others name the test that does the same, which must exist, or say why nothing runs them here.
 */
class DocCommandBlocksTest {

    @Test
    void everyCommandBlockSaysWhatRunsIt() {
        List<String> unmarked = DocBlocks.all().stream()
                .filter(b -> b.isCommand() && !"command".equals(b.markerKind()))
                .map(Block::where).toList();
        assertThat(unmarked).as("command blocks without <!-- command: run by X --> or <!-- command: not run here (why) -->")
                .isEmpty();
    }

    @Test
    void aMarkerSaysRunByOrNotRunHereAndWhy() {
        for (Block b : DocBlocks.all()) {
            if ("command".equals(b.markerKind())) {
                assertThat(b.marker()).as(b.where()).matches("run by .+|not run here\\W.{10,}");
            }
        }
    }

    @Test
    void theTestsAMarkerNamesExist() throws IOException {
        List<String> tests = testFiles();
        for (Block b : DocBlocks.all()) {
            if (!"command".equals(b.markerKind()) || !b.marker().startsWith("run by ")) {
                continue;
            }
            for (String runner : b.marker().substring("run by ".length()).split(",\\s*")) {
                String name = runner.split(" ")[0];
                boolean exists = name.contains("/") || name.startsWith(".")
                        ? Files.exists(DocBlocks.ROOT.resolve(name))
                        : tests.contains(name + ".java");
                assertThat(exists).as(b.where() + " names " + name).isTrue();
            }
        }
    }

    @Test
    void theBlocksDocCommandsItRunsIncludeTheQuickStartAndEveryTestingRecipe() {
        List<String> run = DocBlocks.all().stream().filter(b -> b.runBy("DocCommandsIT")).map(Block::where).toList();
        assertThat(run).anyMatch(w -> w.startsWith("README.md:"))
                .anyMatch(w -> w.startsWith("docs/testing.md:"))
                .anyMatch(w -> w.startsWith("docs/conformance.md:"))
                .hasSizeGreaterThanOrEqualTo(7);
    }

    private static List<String> testFiles() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DocBlocks.ROOT)) {
            files.filter(p -> p.toString().contains("/src/test/java/") && !p.toString().contains("/target/")
                    && !p.toString().contains("/node_modules/")).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
