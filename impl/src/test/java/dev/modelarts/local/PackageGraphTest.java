package dev.modelarts.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package graph docs/architecture.md draws is the one the code has: for each package of the
 * server, the packages it depends on, read from the compiled classes, are exactly the ones the
 * page lists after its arrow. A new dependency fails here until the page shows it, and
 * {@link ArchitectureTest} decides whether it may exist at all.
 */
class PackageGraphTest {

    private static final String ROOT = "dev.modelarts.local.";
    /** One line of the page's graph: {@code core ──> transitions, db, listing   (comment)}. */
    private static final Pattern EDGE = Pattern.compile("^([a-z.]+) ──> ([a-z., ()]+?)(?:\\s{2,}\\(.*\\))?\\s*$");

    @Test
    void theArchitecturePageDrawsTheDependenciesTheCodeHas() throws IOException {
        Map<String, Set<String>> actual = actual();
        StringBuilder drawn = new StringBuilder();
        actual.forEach((from, to) -> drawn.append(from).append(" ──> ").append(String.join(", ", to)).append('\n'));
        assertThat(documented()).as("docs/architecture.md's graph; the code's is:%n%s", drawn).isEqualTo(actual);
    }

    static Map<String, Set<String>> actual() {
        Map<String, Set<String>> graph = new TreeMap<>();
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.modelarts.local");
        for (JavaClass c : classes) {
            String from = slice(c.getPackageName());
            if (from == null || from.equals("api") || from.equals("testkit")) {
                continue; // the generated code and the kit are other modules
            }
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = slice(d.getTargetClass().getPackageName());
                if (target != null && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        graph.values().removeIf(Set::isEmpty);
        return graph;
    }

    private static Map<String, Set<String>> documented() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "architecture.md"))) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                Set<String> to = new TreeSet<>();
                for (String name : m.group(2).split(",")) {
                    to.add(name.replace("(generated)", "").replace("(generated enums)", "").strip());
                }
                graph.put(m.group(1), to);
            }
        }
        return graph;
    }

    /** The package's slice: the segment after dev.modelarts.local, testkit.junit on its own. */
    private static String slice(String pkg) {
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String rest = pkg.substring(ROOT.length());
        if (rest.startsWith("testkit.junit")) {
            return "testkit.junit";
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
