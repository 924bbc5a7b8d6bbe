package dev.modelarts.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's documentation (README.md, BENCHMARKS.md, docs/*.md),
 * with the comment line written just before each: {@code <!-- command: run by X -->} or
 * {@code <!-- command: not run here (why) -->} for a command, {@code <!-- file: PATH -->} for a
 * file a command reads.
 */
final class DocBlocks {

    /** The repository's root, seen from a module. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern FENCE = Pattern.compile("^```([a-z]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!-- (command|file): (.+) -->$");
    private static final Pattern SHELL = Pattern.compile("sh|bash|shell|console");

    /**
     * One block.
     *
     * @param marker   the kind and text of the marker before it, e.g. {@code command} and
     *                 {@code run by DocCommandsIT}; null when there is none
     * @param answer   the language-less block right after it (what the command prints), or null
     */
    record Block(Path file, int line, String language, String markerKind, String marker, String text, String answer) {

        boolean isCommand() {
            return SHELL.matcher(language).matches();
        }

        boolean runBy(String test) {
            return "command".equals(markerKind) && marker.startsWith("run by ")
                    && List.of(marker.substring("run by ".length()).split(",\\s*")).stream()
                            .anyMatch(name -> name.equals(test) || name.startsWith(test + " "));
        }

        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    private DocBlocks() {
    }

    static List<Path> documents() {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("BENCHMARKS.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<Block> all() {
        List<Block> blocks = new ArrayList<>();
        for (Path file : documents()) {
            blocks.addAll(of(file));
        }
        return blocks;
    }

    static List<Block> of(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int end = close(lines, i);
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
            boolean marked = marker != null && marker.matches();
            blocks.add(new Block(file, i + 1, open.group(1), marked ? marker.group(1) : null,
                    marked ? marker.group(2) : null, String.join("\n", lines.subList(i + 1, end)),
                    answerAfter(lines, end)));
            i = end;
        }
        return blocks;
    }

    private static int close(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).startsWith("```")) {
                return j;
            }
        }
        throw new IllegalStateException("a code block that never closes at line " + (open + 1));
    }

    /** The language-less block after a blank line, if the block at {@code end} is followed by one. */
    private static String answerAfter(List<String> lines, int end) {
        int next = end + 1;
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        if (next < lines.size() && lines.get(next).equals("```")) {
            return String.join("\n", lines.subList(next + 1, close(lines, next)));
        }
        return null;
    }
}
