package dev.modelarts.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link EmbeddedServer.Builder} collects, and the command line it makes of it:
 * the extension's defaults (loopback, a free port, its data directory) unless the options give
 * them, the YAML it was handed written as files the server reads, the typed settings, then the
 * options as given.
 */
final class LaunchSettings {

    /** The files the server reads, written into its data directory at start: option, YAML. */
    final Map<String, String> files = new LinkedHashMap<>();
    /** The options of the typed settings, one value each: the last call wins. */
    final Map<String, List<String>> given = new LinkedHashMap<>();
    final List<String> options = new ArrayList<>();
    final List<Object> providers = new ArrayList<>();
    Path dataDir;
    int port;

    /** The command line, the files written into {@code dataDir} first. */
    List<String> args(Path serverDataDir) throws IOException {
        List<String> args = new ArrayList<>();
        addUnlessGiven(args, "--host", "127.0.0.1");
        addUnlessGiven(args, "--port", Integer.toString(port));
        addUnlessGiven(args, "--data-dir", serverDataDir.toString());
        for (Map.Entry<String, String> file : files.entrySet()) {
            // --credentials becomes credentials.yaml, and so on
            Path written = serverDataDir.resolve(file.getKey().substring(2) + ".yaml");
            Files.writeString(written, file.getValue());
            args.addAll(List.of(file.getKey(), written.toString()));
        }
        given.forEach((option, values) -> {
            if (!files.containsKey(option)) { // credentials handed as YAML win over a file's path
                args.add(option);
                args.addAll(values);
            }
        });
        args.addAll(options);
        return args;
    }

    private void addUnlessGiven(List<String> args, String option, String value) {
        boolean inOptions = options.stream().anyMatch(o -> o.equals(option) || o.startsWith(option + "="));
        if (!inOptions) {
            args.addAll(List.of(option, value));
        }
    }
}
