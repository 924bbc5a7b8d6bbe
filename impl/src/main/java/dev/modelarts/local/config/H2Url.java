package dev.modelarts.local.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings this server needs of any H2 database, added to an H2 URL that lacks them, so that
 * {@code --db-url jdbc:h2:file:/PATH} behaves as the embedded default does:
 * <ul>
 * <li>required, because the one set of migrations and queries is written for PostgreSQL:
 * {@code MODE=PostgreSQL}, {@code DATABASE_TO_LOWER=TRUE}, {@code DEFAULT_NULL_ORDERING=HIGH};
 * a URL that sets one of them otherwise is refused ({@link #conflict});</li>
 * <li>defaults a URL may override: {@code WRITE_DELAY=0} (every commit is written to the file
 * before it returns; H2's default writes commits up to 500 ms later, which a killed process
 * loses), {@code LOCK_TIMEOUT=10000} (registrations queued on one group's row wait their turn),
 * {@code QUERY_CACHE_SIZE=64} (every statement this server runs stays parsed), and for an H2
 * database in this process {@code DB_CLOSE_ON_EXIT=FALSE} (the server closes it in its own
 * orderly stop) and {@code MAX_MEMORY_ROWS=50000} (a scope's groups read in memory, not through
 * a temporary file: {@link #MAX_MEMORY_ROWS}).</li>
 * </ul>
 */
public final class H2Url {

    private static final List<Map.Entry<String, String>> REQUIRED = List.of(Map.entry("MODE", "PostgreSQL"),
            Map.entry("DATABASE_TO_LOWER", "TRUE"), Map.entry("DEFAULT_NULL_ORDERING", "HIGH"));

    /**
     * Rows a query's result holds in memory before H2 moves it to a temporary file. H2's own
     * default scales with the heap: some 4,800 rows under the launcher's 128 MiB, fewer than a
     * scope's groups at a million versions (6,667), which the listing reads in one query on
     * its first use; that result was written out and read back on every such load.
     */
    static final int MAX_MEMORY_ROWS = 50_000;

    private H2Url() {
    }

    public static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }

    /** {@code url} with the required settings and the defaults it does not set itself. */
    public static String complete(String url) {
        Map<String, String> settings = settings(url);
        StringBuilder completed = new StringBuilder(url);
        REQUIRED.forEach(required -> addIfMissing(completed, settings, required.getKey(), required.getValue()));
        if (!url.startsWith("jdbc:h2:mem:")) {
            addIfMissing(completed, settings, "WRITE_DELAY", "0");
        }
        if (!isRemote(url)) {
            addIfMissing(completed, settings, "DB_CLOSE_ON_EXIT", "FALSE");
            addIfMissing(completed, settings, "MAX_MEMORY_ROWS", String.valueOf(MAX_MEMORY_ROWS));
        }
        addIfMissing(completed, settings, "LOCK_TIMEOUT", "10000");
        addIfMissing(completed, settings, "QUERY_CACHE_SIZE", "64");
        return completed.toString();
    }

    /**
     * Why the server cannot run on {@code url}: a required setting given another value
     * ({@code MODE=MySQL}); empty when it can.
     */
    public static Optional<String> conflict(String url) {
        Map<String, String> settings = settings(url);
        for (Map.Entry<String, String> required : REQUIRED) {
            String given = settings.get(required.getKey());
            if (given != null && !given.equalsIgnoreCase(required.getValue())) {
                return Optional.of(required.getKey() + "=" + given + " in the H2 URL: this server's SQL needs "
                        + required.getKey() + "=" + required.getValue() + "; leave the setting out and the server adds it");
            }
        }
        return Optional.empty();
    }

    /** An H2 server reached over the network (another process owns the file). */
    public static boolean isRemote(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:");
    }

    private static void addIfMissing(StringBuilder url, Map<String, String> settings, String key, String value) {
        if (!settings.containsKey(key)) {
            url.append(';').append(key).append('=').append(value);
        }
    }

    /** The URL's {@code ;KEY=VALUE} settings, keys in upper case. */
    private static Map<String, String> settings(String url) {
        Map<String, String> settings = new LinkedHashMap<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            if (!key.isEmpty()) {
                settings.put(key, eq < 0 ? "" : parts[i].substring(eq + 1).trim());
            }
        }
        return settings;
    }
}
