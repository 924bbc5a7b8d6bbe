package dev.modelarts.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.modelarts.conformance.ApiSpec.Operation;

/**
 * What a run found: each case's result, and the coverage, the share of the documented
 * (operation, status) pairs of the operations in scope that some passing case was answered with
 * ({@code default} is not a status and does not count). Written as JUnit XML, which CI systems
 * read, and as a Markdown summary.
 */
final class Report {

    /** One case's outcome: its answer's status (0 when none came) and its problems. */
    record Result(Case c, int status, String requestId, List<String> problems, long millis) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    private final List<Operation> scope;
    private final List<Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(List<Operation> scope) {
        this.scope = scope;
    }

    void add(Result result) {
        results.add(result);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    List<Result> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Per operation in scope: the documented statuses, and those a passing case exercised. */
    Map<Operation, Set<Integer>> exercised() {
        Map<Operation, Set<Integer>> seen = new LinkedHashMap<>();
        for (Operation op : scope) {
            Set<Integer> statuses = new TreeSet<>();
            results.stream().filter(r -> r.passed() && r.c().operation().equals(op))
                    .map(Result::status).filter(op.statuses()::contains).forEach(statuses::add);
            seen.put(op, statuses);
        }
        return seen;
    }

    int documentedPairs() {
        return scope.stream().mapToInt(op -> op.statuses().size()).sum();
    }

    int exercisedPairs() {
        return exercised().values().stream().mapToInt(Set::size).sum();
    }

    double coverage() {
        return documentedPairs() == 0 ? 0 : 100.0 * exercisedPairs() / documentedPairs();
    }

    boolean holds() {
        return failures().isEmpty();
    }

    String summary(String target) {
        StringBuilder out = new StringBuilder("# ModelArts conformance: " + target + "\n\n");
        out.append(String.format("%d cases, %d passed, %d failed. Coverage: %d of %d documented (operation, status)"
                + " pairs exercised, %.1f %%.%n%n", results.size(), results.size() - failures().size(),
                failures().size(), exercisedPairs(), documentedPairs(), coverage()));
        out.append("| operation | documented | exercised | not exercised |\n|---|---|---|---|\n");
        exercised().forEach((op, statuses) -> {
            Set<Integer> missing = new TreeSet<>(op.statuses());
            missing.removeAll(statuses);
            out.append("| ").append(op.id()).append(" | ").append(op.statuses()).append(" | ").append(statuses)
                    .append(" | ").append(missing.isEmpty() ? "" : missing).append(" |\n");
        });
        if (!failures().isEmpty()) {
            out.append("\n## Failures\n\n");
            for (Result r : failures()) {
                out.append("- **").append(r.c().title()).append("** (`").append(r.c().request().line())
                        .append("`, answered ").append(r.status()).append(r.requestId() == null ? ""
                                : ", X-Request-Id " + r.requestId()).append(")\n");
                r.problems().forEach(p -> out.append("  - ").append(p).append('\n'));
            }
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    String junitXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long millis = results.stream().mapToLong(Result::millis).sum();
        xml.append(String.format("<testsuite name=\"modelarts-conformance\" tests=\"%d\" failures=\"%d\" errors=\"0\""
                + " skipped=\"0\" time=\"%.3f\">%n", results.size(), failures().size(), millis / 1000.0));
        for (Result r : results) {
            xml.append(String.format("  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape(r.c().operation().id()), escape(r.c().name() + " [" + r.c().request().line() + "]"),
                    r.millis() / 1000.0));
            if (r.passed()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(escape(r.problems().get(0))).append("\">")
                        .append(escape(String.join("\n", r.problems()))).append("</failure>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    void write(Path dir, String target) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-modelarts-conformance.xml"), junitXml(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), summary(target), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == '\n' || c == '\t' || c >= 0x20) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('?');
                    }
                }
            }
        });
        return out.toString();
    }
}
