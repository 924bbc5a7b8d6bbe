package dev.modelarts.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.modelarts.local.config.ServerCommandLine;
import dev.modelarts.local.config.ServerSettings;

/**
 * What {@link EmbeddedServer.Builder} collects, and the {@link ServerSettings} it makes of it at
 * each start: the extension's defaults (loopback, a free port, its data directory), the typed
 * settings, the YAML it was handed written as files the server reads, then the command-line
 * options this project's tests add. No environment variable is read: a test's server is the
 * one its code describes.
 */
final class LaunchSettings {

    /** The typed settings, set as the builder's methods are called. */
    final ServerSettings.Builder settings = ServerSettings.builder().host("127.0.0.1").port(0);
    /** The files the server reads, written into its data directory at start: name, YAML, where it goes. */
    final Map<String, Map.Entry<String, BiConsumer<ServerSettings.Builder, Path>>> files = new LinkedHashMap<>();
    final List<String> options = new ArrayList<>();
    final List<Object> providers = new ArrayList<>();
    Path dataDir;

    /** The settings of one start, the files written into {@code serverDataDir} first. */
    ServerSettings settings(Path serverDataDir) throws IOException {
        settings.dataDir(serverDataDir);
        for (var file : files.entrySet()) {
            Path written = serverDataDir.resolve(file.getKey() + ".yaml");
            Files.writeString(written, file.getValue().getKey());
            file.getValue().getValue().accept(settings, written);
        }
        ServerCommandLine.apply(settings, options.toArray(String[]::new));
        return settings.build();
    }
}
