package dev.modelarts.local.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The current spec against the released spec of its major version, with openapi-diff: what a
 * client generated from the release would break on (a path, operation, parameter, response
 * field or enum value removed, an optional request field made required, a type narrowed) is
 * breaking; additions are not.
 *
 * <p>The releases are kept in {@code api-spec/released/VERSION.yaml}. A spec whose
 * {@code info.version} starts a new major version has no release of its major yet, and so no
 * baseline: that is how an intended break is accepted.
 */
final class CompatibilityGate {

    private static final Pattern INFO_VERSION = Pattern.compile("(?m)^info:\\s*\\n(?:[ \\t]+.*\\n)*?[ \\t]+version:\\s*['\"]?([0-9][^'\"\\s]*)");

    /** What the comparison found: breaking or not, and the report in Markdown and HTML. */
    record Verdict(Path baseline, boolean breaking, String markdown, String html) {

        /** Writes the report as {@code dir/compatibility.md} and {@code dir/compatibility.html}. */
        void writeTo(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compatibility.md"), markdown);
            Files.writeString(dir.resolve("compatibility.html"), html);
        }
    }

    private CompatibilityGate() {
    }

    /** The spec's {@code info.version}. */
    static String version(Path spec) {
        try {
            Matcher m = INFO_VERSION.matcher(Files.readString(spec));
            if (!m.find()) {
                throw new IllegalArgumentException(spec + " has no info.version");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest release of {@code version}'s major version in {@code releases}, if any. */
    static Optional<Path> baseline(Path releases, String version) {
        String major = version.split("\\.")[0];
        try (Stream<Path> files = Files.list(releases)) {
            return files.filter(f -> f.getFileName().toString().startsWith(major + "."))
                    .filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .max(Comparator.comparing(CompatibilityGate::releaseOrder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String releaseOrder(Path release) {
        StringBuilder key = new StringBuilder();
        for (String part : release.getFileName().toString().replace(".yaml", "").split("\\.")) {
            key.append(String.format("%08d", Integer.parseInt(part.replaceAll("\\D.*", "0"))));
        }
        return key.toString();
    }

    /** Compares {@code current} against {@code released}. */
    static Verdict compare(Path released, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
        return new Verdict(released, diff.isIncompatible(), render(new MarkdownRender(), diff),
                render(new HtmlRender("Changes against " + released.getFileName(), "", false), diff));
    }

    private static String render(Render render, ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        render.render(diff, new OutputStreamWriter(bytes, StandardCharsets.UTF_8)); // flushes and closes it
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
