package dev.modelarts.local.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The compatibility gate: the spec keeps every promise of its release (the report in
 * {@code api-spec/target/compatibility.md} and {@code .html}), and the gate does fail on the
 * breaks a generated client would hit, in a throw-away copy of the spec.
 */
class CompatibilityGateTest {

    private static final Path SPEC = Path.of("src/main/resources/openapi/modelarts-image-api.yaml");
    private static final Path RELEASES = Path.of("released");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void theSpecKeepsEveryPromiseOfItsRelease() throws IOException {
        String version = CompatibilityGate.version(SPEC);
        Optional<Path> baseline = CompatibilityGate.baseline(RELEASES, version);
        if (baseline.isEmpty()) {
            // a new major version: nothing of its major released yet, so nothing it must keep
            Files.writeString(Files.createDirectories(Path.of("target")).resolve("compatibility.md"),
                    "No release of " + version.split("\\.")[0] + ".x in api-spec/released: a new major version.\n");
            return;
        }
        CompatibilityGate.Verdict verdict = CompatibilityGate.compare(baseline.get(), SPEC);
        verdict.writeTo(Path.of("target"));
        assertThat(verdict.breaking())
                .as("the spec breaks clients generated from %s (report: api-spec/target/compatibility.md):%n%s",
                        baseline.get(), verdict.markdown())
                .isFalse();
    }

    @Test
    void theBaselineIsTheNewestReleaseOfTheSameMajorVersion() throws IOException {
        for (String release : List.of("0.1.0.yaml", "0.10.2.yaml", "0.9.0.yaml", "1.0.0.yaml")) {
            Files.writeString(dir.resolve(release), "openapi: 3.0.3\n");
        }
        assertThat(CompatibilityGate.baseline(dir, "0.11.0")).contains(dir.resolve("0.10.2.yaml"));
        assertThat(CompatibilityGate.baseline(dir, "1.2.0")).contains(dir.resolve("1.0.0.yaml"));
        assertThat(CompatibilityGate.baseline(dir, "2.0.0")).as("a new major version has none").isEmpty();
        assertThat(CompatibilityGate.version(SPEC)).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anOptionalRequestFieldMadeRequiredBreaks() throws IOException {
        CompatibilityGate.Verdict verdict = mutated(spec -> ((ArrayNode) schema(spec, "ImageRegRequest").get("required"))
                .add("description"));
        assertThat(verdict.breaking()).as(verdict.markdown()).isTrue();
        assertThat(verdict.markdown()).contains("description");
    }

    @Test
    void aRemovedEnumValueBreaks() throws IOException {
        CompatibilityGate.Verdict verdict = mutated(spec -> {
            ArrayNode values = (ArrayNode) schema(spec, "SortDir").get("enum");
            values.remove(0); // ASC
        });
        assertThat(verdict.breaking()).as(verdict.markdown()).isTrue();
        assertThat(verdict.markdown()).as("the report names the parameter whose enum lost ASC").contains("`sort_dir` in `query`");
    }

    @Test
    void aRemovedResponseFieldBreaks() throws IOException {
        CompatibilityGate.Verdict verdict = mutated(spec -> {
            ObjectNode group = schema(spec, "ImageGroup");
            ((ObjectNode) group.get("properties")).remove("version_count");
            ((ArrayNode) group.get("required")).removeIf(n -> n.asText().equals("version_count"));
        });
        assertThat(verdict.breaking()).as(verdict.markdown()).isTrue();
        assertThat(verdict.markdown()).contains("version_count");
    }

    @Test
    void anAddedOptionalResponseFieldPasses() throws IOException {
        CompatibilityGate.Verdict verdict = mutated(spec -> ((ObjectNode) schema(spec, "ImageGroup").get("properties"))
                .set("owner_name", YAML.valueToTree(Map.of("type", "string", "description", "Who registered it."))));
        assertThat(verdict.breaking()).as(verdict.markdown()).isFalse();
        assertThat(verdict.markdown()).contains("owner_name");
    }

    private static ObjectNode schema(ObjectNode spec, String name) {
        return (ObjectNode) spec.get("components").get("schemas").get(name);
    }

    /** The gate's verdict on a copy of the spec changed by {@code change}, against the spec. */
    private CompatibilityGate.Verdict mutated(Consumer<ObjectNode> change) throws IOException {
        // both sides written by the same YAML writer, so that only the change differs
        Path original = dir.resolve("original.yaml");
        YAML.writeValue(original.toFile(), YAML.readTree(SPEC.toFile()));
        ObjectNode spec = (ObjectNode) YAML.readTree(SPEC.toFile());
        change.accept(spec);
        Path copy = dir.resolve("mutated.yaml");
        YAML.writeValue(copy.toFile(), spec);
        return CompatibilityGate.compare(original, copy);
    }
}
